import autocannon from 'autocannon';
import { z } from 'zod';
import { accountCpu, addTicks, watchCpu, type CpuAccount, type CpuTicks } from './cpu.js';
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
  /** Database processes working for it, asked after the warm-up (when connection pools are full). */
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

/** Measured time is split into this many rounds per target when several are compared. */
const ROUNDS = 2;

/**
 * Loads several 127.0.0.1 targets with the same settings, for comparison: each is warmed up,
 * then their measured time is interleaved in rounds, A B then B A, so that whatever else the
 * machine is doing weighs on all of them alike. Figures come back in the order of `targets`.
 */
export async function measureLoads<const T extends readonly LoadTarget[]>(
  targets: T,
  settings: LoadSettings,
): Promise<{ -readonly [K in keyof T]: LoadFigures }> {
  for (const target of targets) {
    // Load only ever goes to this machine's loopback interface.
    if (new URL(target.url).hostname !== '127.0.0.1') throw new Error(`Refusing to load ${target.url}: benchmarks target 127.0.0.1 only`);
  }
  if (settings.warmupS > 0) for (const target of targets) await runAutocannon(target, settings.connections, settings.warmupS);
  const databasePids = await Promise.all(targets.map(async (t) => (await t.databasePids?.()) ?? []));
  const rounds = targets.length > 1 && settings.durationS >= ROUNDS ? ROUNDS : 1;
  const totals = targets.map(() => emptyTotals());
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const target = targets[i]!;
      const seconds = Math.floor(settings.durationS / rounds) + (round === 0 ? settings.durationS % rounds : 0);
      const cpu = watchCpu(target.serverPid, databasePids[i]!);
      const run = await runAutocannon(target, settings.connections, seconds);
      addRun(totals[i]!, run, cpu.stop());
    }
  }
  return totals.map(figuresOf) as { -readonly [K in keyof T]: LoadFigures };
}

interface Totals {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
  latenciesMs: number[];
  /** undefined before the first run; null once a run had no CPU figures. */
  ticks: CpuTicks | null | undefined;
}

function emptyTotals(): Totals {
  return { requests: 0, non2xx: 0, errors: 0, timeouts: 0, durationS: 0, latenciesMs: [], ticks: undefined };
}

function addRun(totals: Totals, run: { result: autocannon.Result; latenciesMs: number[] }, ticks: CpuTicks | null): void {
  totals.requests += run.result.requests.total;
  totals.non2xx += run.result.non2xx;
  totals.errors += run.result.errors;
  totals.timeouts += run.result.timeouts;
  totals.durationS += run.result.duration;
  for (const latency of run.latenciesMs) totals.latenciesMs.push(latency);
  totals.ticks = totals.ticks === undefined ? ticks : addTicks(totals.ticks, ticks);
}

function figuresOf(totals: Totals): LoadFigures {
  const latency = summariseLatencies(totals.latenciesMs);
  return {
    requestsPerSec: totals.durationS > 0 ? totals.requests / totals.durationS : 0,
    p50Ms: latency.p50,
    p90Ms: latency.p90,
    p99Ms: latency.p99,
    meanMs: latency.mean,
    maxMs: latency.max,
    requests: totals.requests,
    non2xx: totals.non2xx,
    errors: totals.errors,
    timeouts: totals.timeouts,
    durationS: totals.durationS,
    cpu: totals.ticks ? accountCpu(totals.ticks, totals.requests) : null,
  };
}

/** One autocannon run, with every response's latency in (fractional) milliseconds. */
function runAutocannon(
  target: LoadTarget,
  connections: number,
  durationS: number,
): Promise<{ result: autocannon.Result; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: target.url, method: 'GET', headers: target.headers ?? {}, connections, pipelining: 1, duration: durationS, timeout: 10 },
      (error: unknown, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ result, latenciesMs }),
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
