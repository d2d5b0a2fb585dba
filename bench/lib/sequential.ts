import http from 'node:http';
import { watchCpu } from './cpu.js';
import { addWindow, assertLoopback, emptyTotals, figuresOf, type LoadFigures, type LoadTarget } from './load.js';

/** How many requests each endpoint gets, one at a time. */
export interface SequentialSettings {
  /** Measured requests per endpoint. */
  requests: number;
  /** Requests per endpoint before measuring, discarded (JIT, statement caches, page caches, pools). */
  warmup: number;
  /** The measured requests are split into this many rounds, endpoints taking turns within each. */
  rounds: number;
  /**
   * Seconds the measured rounds may take: once past it, no new round starts (after at least two,
   * so every endpoint has been measured early and late). On a busy machine requests slow down and
   * the run would otherwise go on and on; fewer requests are then measured, and the table says so.
   */
  budgetS?: number;
}

/** What measureSequential measured, in the order of its targets, and how many rounds it ran. */
export interface SequentialFigures<T> {
  figures: T;
  rounds: number;
  plannedRounds: number;
}

/**
 * Latency of several 127.0.0.1 endpoints, one request at a time (no queueing: each figure is one
 * request's own time). Every endpoint is warmed up, then the measured requests are interleaved in
 * rounds whose order rotates and reverses, so a burst of background load on a shared machine falls
 * on all endpoints alike. Each request's latency runs from sending it to the last byte of the body.
 * Figures come back in the order of `targets`; CPU is accounted per endpoint over its own batches.
 */
export async function measureSequential<const T extends readonly LoadTarget[]>(
  targets: T,
  settings: SequentialSettings,
): Promise<SequentialFigures<{ -readonly [K in keyof T]: LoadFigures }>> {
  for (const target of targets) assertLoopback(target.url);
  // One kept-alive connection per endpoint, as a browser tab reuses its connection.
  const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  try {
    for (const [i, target] of targets.entries()) await runBatch(target, agents[i]!, settings.warmup);
    const totals = targets.map(() => emptyTotals());
    const rounds = Math.max(1, Math.min(settings.rounds, settings.requests));
    const started = performance.now();
    let done = 0;
    for (let round = 0; round < rounds; round++) {
      if (settings.budgetS !== undefined && round >= 2 && (performance.now() - started) / 1000 > settings.budgetS) break;
      const perTarget = Math.floor(settings.requests / rounds) + (round < settings.requests % rounds ? 1 : 0);
      for (const i of roundOrder(targets.length, round)) {
        const target = targets[i]!;
        const cpu = watchCpu(target.serverPid, (await target.databasePids?.()) ?? []);
        const batch = await runBatch(target, agents[i]!, perTarget);
        addWindow(totals[i]!, batch, cpu.stop((await target.databasePids?.()) ?? []));
      }
      done += 1;
    }
    return { figures: totals.map(figuresOf) as { -readonly [K in keyof T]: LoadFigures }, rounds: done, plannedRounds: rounds };
  } finally {
    for (const agent of agents) agent.destroy();
  }
}

/** Round r starts at endpoint r mod n and goes forwards on even rounds, backwards on odd ones. */
function roundOrder(n: number, round: number): number[] {
  const order = Array.from({ length: n }, (_, k) => (round + k) % n);
  return round % 2 === 1 ? order.reverse() : order;
}

async function runBatch(target: LoadTarget, agent: http.Agent, count: number) {
  const latenciesMs: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    try {
      const { status, ms } = await request(target, agent);
      latenciesMs.push(ms);
      if (status < 200 || status >= 300) non2xx += 1;
    } catch {
      errors += 1;
    }
  }
  return { requests: latenciesMs.length, non2xx, errors, timeouts: 0, durationS: (performance.now() - started) / 1000, latenciesMs };
}

/** One GET, timed from sending to the end of the body (which is read and dropped). */
function request(target: LoadTarget, agent: http.Agent): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(target.url, { agent, headers: target.headers ?? {}, timeout: 30_000 }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}
