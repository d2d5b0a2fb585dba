import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { openConfiguredDatabase } from '../../src/server/boot.js';
import { loadConfig } from '../../src/server/config/env.js';
import type { Database, DbOrTx } from '../../src/server/db/database.js';
import type { Role } from '../../src/server/db/schema.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { insertUser } from '../../src/server/modules/users/repository.js';
import type { ProvisionedDatabase } from './databases.js';
import { startBuiltServer, startServer, type ServerProcess } from './server-process.js';

const HEARTH_ENTRY = fileURLToPath(new URL('./hearth-server.ts', import.meta.url));

/** An account created for a benchmark, with its password in clear. */
export interface BenchAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
}

/** A signed-in caller: the Cookie header value and the session's CSRF token. */
export interface BenchSession {
  cookie: string;
  csrfToken: string;
  userId: string;
}

/**
 * Hearth's environment for a benchmark: production settings, no demo seed, no log output
 * (the baseline logs nothing either), loopback only. `overrides` replace any of these.
 */
export function hearthEnv(database: ProvisionedDatabase, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    HEARTH_DEMO_SEED: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    ...database.env,
    ...overrides,
  };
}

/** Opens (and migrates) the provisioned database in this process, runs `work`, closes it. */
export async function withHearthDatabase<T>(database: ProvisionedDatabase, work: (db: Database) => Promise<T>): Promise<T> {
  const opened = await openConfiguredDatabase(loadConfig(hearthEnv(database)));
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** Inserts an active account with a random password, as an administrator's invitation would end up. */
export async function createAccount(db: DbOrTx, role: Role): Promise<BenchAccount> {
  const password = `bench ${randomBytes(12).toString('base64url')}`;
  const email = `bench.${role}.${randomBytes(4).toString('hex')}@bench.hearth.local`;
  const row = await insertUser(db, {
    email,
    displayName: `Bench ${role}`,
    role,
    status: 'active',
    passwordHash: await hashPassword(password),
    now: new Date(),
  });
  return { id: row.id, email, password, role };
}

/** Starts Hearth on the provisioned database in a child process (`env` overrides hearthEnv's settings). */
export function startHearth(database: ProvisionedDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServer(HEARTH_ENTRY, hearthEnv(database, env));
}

/**
 * Starts Hearth as production runs it: the server bundle `npm run build` makes
 * (`dist/server/main.js`, rebuilt first when its sources changed), in plain Node without tsx.
 */
export async function startBuiltHearth(database: ProvisionedDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  // @ts-expect-error -- plain JavaScript without declarations (npm start calls it before anything is compiled)
  const { build } = (await import('../../scripts/build.mjs')) as { build(options: { only: string[]; log: (line: string) => void }): Promise<unknown> };
  await build({ only: ['server'], log: () => undefined });
  // main.js runs its background jobs from the start: on a big service under load the first tick
  // (the daily isolation early warning, hourly reminders) slows the start, hence a longer timeout.
  return startBuiltServer(fileURLToPath(new URL('../../dist/server/main.js', import.meta.url)), hearthEnv(database, env), 180_000);
}

/** Signs in through POST /api/auth/login, as the web app does. */
export async function signIn(server: ServerProcess, account: BenchAccount): Promise<BenchSession> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (response.status !== 200) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('Sign-in answered 200 without a session cookie');
  const me = (await response.json()) as { csrfToken: string; user: { id: string } };
  return { cookie, csrfToken: me.csrfToken, userId: me.user.id };
}

/** GET `path` as the session: the body as text, or an error naming the status when it is not 200. */
export async function getOk(server: ServerProcess, path: string, session: BenchSession): Promise<string> {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: session.cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

/** GET /api/me must answer the session's own user, or the figures would measure 401s; the body. */
export async function expectSignedIn(server: ServerProcess, session: BenchSession): Promise<{ user?: { id?: string; role?: string }; session?: { mfa?: string } }> {
  const response = await fetch(`${server.url}/api/me`, { headers: { cookie: session.cookie } });
  const body = (await response.json()) as { user?: { id?: string; role?: string }; session?: { mfa?: string } };
  if (response.status !== 200 || body.user?.id !== session.userId) {
    throw new Error(`GET /api/me did not answer the signed-in user: ${response.status} ${JSON.stringify(body)}`);
  }
  return body;
}
