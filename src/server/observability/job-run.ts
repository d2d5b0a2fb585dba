import type { FastifyBaseLogger } from 'fastify';
import type { Metrics } from './metrics.js';

export interface JobContext {
  log: FastifyBaseLogger;
  metrics?: Metrics | null;
}

/**
 * Runs one pass of a background job and writes one structured log line for it
 * (`{ job, outcome, durationMs, ...counts }`): at info when it did something, at debug when it
 * found nothing to do (a loop every few seconds would otherwise drown the log), at error when it
 * failed. Counted in `hearth_job_runs_total` and timed. A failure is logged, never thrown, so one
 * job cannot stop the others.
 */
export async function runJob<T>(job: string, ctx: JobContext, work: () => Promise<T>, counts: (result: T) => Record<string, number>): Promise<T | undefined> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const result = await work();
    const elapsed = seconds();
    const summary = counts(result);
    const did = Object.values(summary).some((n) => n > 0);
    ctx.log[did ? 'info' : 'debug']({ job, outcome: 'ok', durationMs: Math.round(elapsed * 1000), ...summary }, `job ${job} ran`);
    ctx.metrics?.jobRuns.inc({ job, outcome: 'ok' });
    ctx.metrics?.jobSeconds.observe({ job }, elapsed);
    return result;
  } catch (err) {
    const elapsed = seconds();
    ctx.log.error({ job, outcome: 'failed', durationMs: Math.round(elapsed * 1000), err }, `job ${job} failed`);
    ctx.metrics?.jobRuns.inc({ job, outcome: 'failed' });
    ctx.metrics?.jobSeconds.observe({ job }, elapsed);
    return undefined;
  }
}
