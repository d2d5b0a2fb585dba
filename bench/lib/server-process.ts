import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/server/testing/free-port.js';
import { onInterrupt } from './cleanup.js';
import { LISTENING_PREFIX } from './serve.js';

/** A server under test, running in its own process so the load generator never shares its event loop. */
export interface ServerProcess {
  pid: number;
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  stop(): Promise<void>;
}

// Variables a server entry reads from the environment: the parent decides them all, so a
// DATABASE_URL or HEARTH_* in the caller's shell cannot point a server at the wrong database.
const OWNED = /^(HEARTH_|DATABASE_URL$|LOG_LEVEL$|PORT$|HOST$|NODE_ENV$)/;

/** Where BENCH_CPU_PROFILE=1 has each server under test write its V8 CPU profile on exit. */
export const PROFILE_DIR = fileURLToPath(new URL('../results/profiles/', import.meta.url));

/** Starts a server, runs `work` against it, always stops it. */
export async function withServer<T>(starting: Promise<ServerProcess>, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await starting;
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/** Starts a TypeScript server entry (`node --import tsx`) and waits until it prints its port. */
export async function startServer(entry: string, env: Record<string, string>, startTimeoutMs = 30_000): Promise<ServerProcess> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OWNED.test(key)));
  // Profiling slows the server down: figures from a profiled run are for finding hot spots only.
  const profile = process.env.BENCH_CPU_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`Could not start ${entry}`);
  const stopOnInterrupt = onInterrupt(() => stopChild(child));
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 200) stderr.shift();
  });
  try {
    const port = await waitForPort(child, startTimeoutMs, () => stderr.join(''));
    return {
      pid: child.pid,
      url: `http://127.0.0.1:${port}`,
      async stop() {
        stopOnInterrupt();
        await stopChild(child);
      },
    };
  } catch (error) {
    stopOnInterrupt();
    await stopChild(child);
    throw error;
  }
}

function waitForPort(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
    function fail(why: string) {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`Server ${child.spawnargs.at(-1)} ${why}\n${stderr().trim()}`));
    }
    lines.on('line', (line) => {
      if (!line.startsWith(LISTENING_PREFIX)) return;
      clearTimeout(timer);
      lines.close();
      resolve(Number(line.slice(LISTENING_PREFIX.length)));
    });
    child.once('exit', (code, signal) => fail(`exited early (${signal ?? `code ${code}`})`));
  });
}

/** SIGTERM, then SIGKILL if the process has not exited within five seconds. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a built JavaScript server entry as production runs it (`node dist/server/main.js`, no
 * tsx) on a free 127.0.0.1 port, and waits until `/api/health/live` answers.
 */
export async function startBuiltServer(entry: string, env: Record<string, string>, startTimeoutMs = 30_000): Promise<ServerProcess> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OWNED.test(key)));
  const profile = process.env.BENCH_CPU_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, entry], { env: { ...inherited, ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.pid === undefined) throw new Error(`Could not start ${entry}`);
  const stopOnInterrupt = onInterrupt(() => stopChild(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Server ${entry} exited early`);
      const live = await fetch(`${url}/api/health/live`).then(
        (r) => r.status,
        () => 0,
      );
      if (live === 200) break;
      if (Date.now() > deadline) throw new Error(`Server ${entry} did not answer within ${startTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    stopOnInterrupt();
    await stopChild(child);
    throw error;
  }
  return {
    pid: child.pid,
    url,
    async stop() {
      stopOnInterrupt();
      await stopChild(child);
    },
  };
}
