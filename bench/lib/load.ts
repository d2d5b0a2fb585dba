import autocannon from 'autocannon';
import { z } from 'zod';
import { accountCpu, addCpuTimes, watchCpu, type CpuAccount, type CpuTimes } from './cpu.js';
import { summariseLatencies } from './stats.js';

/** How hard and how long every server in a run is loaded; the same for a baseline and its subject. */
export interface LoadSettings {
  connections: number;
  durationS: number;
  warmupS: number;
}

/** What one measured load run produced. Latencies are in milliseconds. */
export interface LoadFigures {
  requestsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
  /** Where the CPU went during the measured run (null off Linux). */
  cpu: CpuAccount | null;
}

export interface LoadTarget {
  url: string;
  headers?: Record<string, string>;
  /** The server process under load, for CPU accounting. */
  serverPid: number;
  /** Database processes working for it, asked at the start and end of every measured window. */
  databasePids?: () => Promise<number[]>;
}

const settingsSchema = z.object({
  // Concurrent connections autocannon keeps open.
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(200).default(20),
  // Seconds of the measured run.
  BENCH_DURATION_S: z.coerce.number().int().min(1).max(60).default(10),
  // Seconds of the warm-up run before it, whose figures are discarded (JIT, pools, caches).
  BENCH_WARMUP_S: z.coerce.number().int().min(0).max(30).default(2),
});

/** Load settings from the environment, bounded so a run cannot go on for long. */
export function loadSettingsFromEnv(source: NodeJS.ProcessEnv = process.env): LoadSettings {
  const parsed = settingsSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid benchmark settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const env = parsed.data;
  return { connections: env.BENCH_CONNECTIONS, durationS: env.BENCH_DURATION_S, warmupS: env.BENCH_WARMUP_S };
}

/** Loads one 127.0.0.1 target: a discarded warm-up run, then the measured run. */
export async function measureLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadFigures> {
  const [figures] = await measureLoads([target], settings);
  return figures;
}

/** Load only ever goes to this machine's loopback interface. */
export function assertLoopback(url: string): void {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`Refusing to load ${url}: benchmarks target 127.0.0.1 only`);
}

/** Measured time is split into this many rounds per target when several are compared. */
const ROUNDS = 2;

/**
 * Loads several 127.0.0.1 targets with the same settings, for comparison: each is warmed up,
 * then their measured time is interleaved in rounds, A B then B A, so that whatever else the
 * machine is doing weighs on all of them alike. Figures come back in the order of `targets`.
 */
export async function measureLoads<const T extends readonly LoadTarget[]>(targets: T, settings: LoadSettings): Promise<{ -readonly [K in keyof T]: LoadFigures }> {
  for (const target of targets) assertLoopback(target.url);
  if (settings.warmupS > 0) for (const target of targets) await runAutocannon(target, settings.connections, settings.warmupS);
  const rounds = targets.length > 1 && settings.durationS >= ROUNDS ? ROUNDS : 1;
  const totals = targets.map(() => emptyTotals());
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const target = targets[i]!;
      const seconds = Math.floor(settings.durationS / rounds) + (round === 0 ? settings.durationS % rounds : 0);
      // Database processes are asked for at both ends of every window: a pool closes connections
      // that idled (node-postgres: after 10 s, e.g. while another target was measured) and opens
      // new ones under load, whose CPU time then belongs wholly to this window.
      const cpu = watchCpu(target.serverPid, (await target.databasePids?.()) ?? []);
      const run = await runAutocannon(target, settings.connections, seconds);
      addRun(totals[i]!, run, cpu.stop((await target.databasePids?.()) ?? []));
    }
  }
  return totals.map(figuresOf) as { -readonly [K in keyof T]: LoadFigures };
}

/** Figures accumulated over a target's measured windows (rounds), turned into LoadFigures at the end. */
export interface Totals {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
  latenciesMs: number[];
  /** undefined before the first window; null once a window had no CPU figures. */
  cpu: CpuTimes | null | undefined;
}

export function emptyTotals(): Totals {
  return { requests: 0, non2xx: 0, errors: 0, timeouts: 0, durationS: 0, latenciesMs: [], cpu: undefined };
}

/** Adds one measured window. */
export function addWindow(
  totals: Totals,
  window: { requests: number; non2xx: number; errors: number; timeouts: number; durationS: number; latenciesMs: readonly number[] },
  cpu: CpuTimes | null,
): void {
  totals.requests += window.requests;
  totals.non2xx += window.non2xx;
  totals.errors += window.errors;
  totals.timeouts += window.timeouts;
  totals.durationS += window.durationS;
  for (const latency of window.latenciesMs) totals.latenciesMs.push(latency);
  totals.cpu = totals.cpu === undefined ? cpu : addCpuTimes(totals.cpu, cpu);
}

function addRun(totals: Totals, run: { result: autocannon.Result; latenciesMs: number[] }, cpu: CpuTimes | null): void {
  const { result } = run;
  addWindow(
    totals,
    { requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, durationS: result.duration, latenciesMs: run.latenciesMs },
    cpu,
  );
}

export function figuresOf(totals: Totals): LoadFigures {
  const latency = summariseLatencies(totals.latenciesMs);
  return {
    requestsPerSec: totals.durationS > 0 ? totals.requests / totals.durationS : 0,
    p50Ms: latency.p50,
    p90Ms: latency.p90,
    p95Ms: latency.p95,
    p99Ms: latency.p99,
    meanMs: latency.mean,
    maxMs: latency.max,
    requests: totals.requests,
    non2xx: totals.non2xx,
    errors: totals.errors,
    timeouts: totals.timeouts,
    durationS: totals.durationS,
    cpu: totals.cpu ? accountCpu(totals.cpu, totals.requests) : null,
  };
}

/** One autocannon run, with every response's latency in (fractional) milliseconds. */
function runAutocannon(target: LoadTarget, connections: number, durationS: number): Promise<{ result: autocannon.Result; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: target.url, method: 'GET', headers: target.headers ?? {}, connections, pipelining: 1, duration: durationS, timeout: 10 },
      (error: unknown, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ result, latenciesMs })),
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
      latenciesMs.push(responseTimeMs);
    });
  });
}

/** Requests that were not answered 2xx make a run's figures meaningless; says why, or null. */
export function invalidity(figures: LoadFigures): string | null {
  const problems = [
    figures.non2xx > 0 ? `${figures.non2xx} non-2xx responses` : '',
    figures.errors > 0 ? `${figures.errors} connection errors` : '',
    figures.requests === 0 ? 'no requests completed' : '',
  ].filter(Boolean);
  return problems.length ? problems.join(', ') : null;
}
