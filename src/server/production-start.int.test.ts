import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startHearthProcess, type HearthProcess } from './testing/hearth-process.js';
import { testDatabaseKind } from './testing/test-app.js';

// The compiled server as it runs in production and as the README starts it: `npm run build`
// output, run by node directly (`npm start` execs it; the container and systemd run it without
// npm), stopping on SIGTERM without leaving anything behind, within its time limit.
const onPostgres = testDatabaseKind() === 'postgres';
const started: HearthProcess[] = [];
const databases: string[] = [];
let admin: pg.Client | null = null;

function databaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${name}`;
  return url.toString();
}

/** Environment for one server: its own empty database (a fresh PostgreSQL database in that tier). */
async function databaseEnv(): Promise<Record<string, string>> {
  if (!onPostgres) return {};
  admin ??= new pg.Client({ connectionString: databaseUrl('postgres') });
  if (!databases.length) await admin.connect();
  const name = `hearth_start_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  databases.push(name);
  return { DATABASE_URL: databaseUrl(name) };
}

async function start(env: Record<string, string>, command: string, args: string[]): Promise<HearthProcess> {
  const server = await startHearthProcess({ ...(await databaseEnv()), LOG_LEVEL: 'info', ...env }, { command, args });
  started.push(server);
  return server;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(() => {
  // Builds what changed since the last build (nothing, usually: npm test builds first).
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}, 600_000);

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
  for (const name of databases) await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
});

describe('the compiled server', () => {
  it('imports nothing but Node built-ins and production dependencies (the container prunes the rest)', () => {
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const outdir = path.join(repoRoot, 'dist', 'server');
    const bundles = fs.readdirSync(outdir).filter((file) => file.endsWith('.js'));
    expect(bundles.sort()).toEqual(['fhir-export-worker.js', 'hearth.js', 'main.js', 'migrate.js']);
    const imported = new Set<string>();
    for (const bundle of bundles) {
      const code = fs.readFileSync(path.join(outdir, bundle), 'utf8');
      // Static imports (esbuild writes one per line start), side-effect imports and import("…").
      const statements = /^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)";|^import\s*"([^"]+)";|\bimport\(\s*"([^"]+)"\s*\)/gm;
      for (const match of code.matchAll(statements)) imported.add((match[1] ?? match[2] ?? match[3])!);
    }
    const packageOf = (specifier: string) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
    const builtin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);
    expect(imported.size).toBeGreaterThan(10);
    const relative = [...imported].filter((specifier) => specifier.startsWith('.'));
    expect(relative, 'bundles are self-contained').toEqual([]);
    expect([...imported].filter((specifier) => !builtin(specifier) && !(packageOf(specifier) in dependencies))).toEqual([]);
  });

  it("`npm start` runs dist/server/main.js in npm's own child (no shell, no tsx) and SIGTERM to npm stops it", async () => {
    // The README's way, outside production: the demo service is seeded (which also loads the risk
    // model's weights and the language model from the compiled output).
    const server = await start({ HEARTH_DEMO_SEED: 'true' }, 'npm', ['start']);
    expect(server.output()).toContain('Demo service created');
    // On the Node running these tests (the second-Node tier puts its node first on PATH).
    expect(server.output()).toContain(`(Node ${process.version})`);

    const web = await fetch(`${server.baseUrl}/`);
    expect(web.status).toBe(200);
    expect(await web.text()).toContain('<div id="root">');
    const ready = await fetch(`${server.baseUrl}/api/health/ready`);
    expect(ready.status, await ready.text()).toBe(200);

    const npmPid = server.child.pid!;
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(npmPid)], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(children).toHaveLength(1);
    const [serverPid, ...args] = children[0]!.trim().split(/\s+/);
    expect(args.join(' ')).toMatch(/^\S*node scripts\/start\.mjs$/);

    process.kill(npmPid, 'SIGTERM');
    const code = await within(15_000, server.exited, 'npm start exiting after SIGTERM');
    expect(code).toBe(0);
    expect(alive(Number(serverPid)), 'the server process outlived npm').toBe(false);
    await expect(fetch(`${server.baseUrl}/api/health/live`)).rejects.toThrow();
    expect(server.output()).toContain('SIGTERM: stopping');
  });

  it('stops within HEARTH_SHUTDOWN_TIMEOUT_SECONDS even when a request never finishes', async () => {
    const server = await start({ HEARTH_DEMO_SEED: 'false', HEARTH_SHUTDOWN_TIMEOUT_SECONDS: '2' }, process.execPath, [path.join('dist', 'server', 'main.js')]);
    const { port } = new URL(server.baseUrl);
    // A request whose body never finishes arriving: the server cannot close this connection itself.
    const stuck = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
    stuck.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":');
    stuck.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const stopAsked = Date.now();
    process.kill(server.child.pid!, 'SIGTERM');
    const code = await within(10_000, server.exited, 'the server exiting after its shutdown time limit');
    const took = Date.now() - stopAsked;
    stuck.destroy();

    expect(code).toBe(1);
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(server.output()).toContain('shutdown did not finish within 2 s');
  });
});
