import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../seed/demo.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A Hearth server process started by a test, on its own port (and, unless told otherwise, its own empty database). */
export interface HearthProcess {
  baseUrl: string;
  /** Everything the server printed so far (demo logins, logs): handy in failure messages. */
  output(): string;
  /** The process started (for `npm start`, npm itself). */
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

/** How the server is started: `tsx src/server/main.ts` unless a test says otherwise (the compiled server, `npm start`). */
export interface StartCommand {
  command: string;
  args: string[];
}

const TSX: StartCommand = { command: path.join(repoRoot, 'node_modules', '.bin', 'tsx'), args: ['src/server/main.ts'] };

/**
 * Starts `tsx src/server/main.ts` (or `start`) in its own process with PORT=0 (the OS picks a free port), a
 * fresh HEARTH_DATA_DIR and NODE_ENV=test, and waits until /api/health answers. `env` can point
 * it at a PostgreSQL database (DATABASE_URL) that another process shares.
 */
export async function startHearthProcess(env: Record<string, string> = {}, start: StartCommand = TSX): Promise<HearthProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hearth-e2e-'));
  const child = spawn(start.command, start.args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      HEARTH_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() also ends any process it starts (tsx starts node).
    detached: true,
  });

  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await killGroup(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const baseUrl = await waitForListening(child, () => output);
    await waitForHealth(baseUrl);
    return { baseUrl, output: () => output, child, exited, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
}

/** The port comes from the "Hearth is serving on … at http://host:port" line. */
async function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = /serving on \w+ at (http:\/\/[\d.]+:\d+)/.exec(output());
    if (match) return match[1]!;
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    await sleep(100);
  }
  throw new Error('The server did not start within 60 s');
}

async function waitForHealth(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  throw new Error('/api/health did not answer within 30 s');
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { repoRoot };

/** A session on a server process: its cookie and the CSRF token its writes send. */
export interface ProcessSession {
  cookie: string;
  csrfToken: string;
}

/** Signs a seeded demo account in on `server` with the demo password; a refusal throws with the server's answer. */
export async function signInDemo(server: HearthProcess, email: string): Promise<ProcessSession> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** TEST_DATABASE_URL with another database name (and port): a database of a process's own on the same server. */
export function testDatabaseUrl(name: string, port?: number): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${name}`;
  if (port) url.port = String(port);
  return url.toString();
}
