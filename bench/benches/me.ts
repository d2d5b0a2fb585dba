import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchContext, BenchResult } from '../lib/benchmark.js';
import type { DatabaseKind, DatabaseTarget } from '../lib/databases.js';
import { createAccount, expectSignedIn, signIn, startHearth, withHearthDatabase } from '../lib/hearth.js';
import { measureLoads, type LoadFigures, type LoadSettings } from '../lib/load.js';
import { throughputRatio } from '../lib/report.js';
import { startServer, withServer } from '../lib/server-process.js';

const BARE_ENTRY = fileURLToPath(new URL('../lib/bare-server.ts', import.meta.url));

/** GET /api/me must reach at least this share of a bare Fastify route's throughput. */
const TARGETS: Record<DatabaseKind, number> = { sqlite: 0.5, postgres: 0.25 };

/** BENCH_ME_METRICS=on measures Hearth with /metrics on (every request counted and timed). */
const METRICS_ON = process.env.BENCH_ME_METRICS === 'on';
const HEARTH_ENV: Record<string, string> = METRICS_ON ? { HEARTH_METRICS: 'on', HEARTH_METRICS_TOKEN: 'bench-metrics-token-0123456789' } : {};

/**
 * A bare Fastify JSON route against an authenticated GET /api/me (cookie → session lookup →
 * access check → presenter), same load, each server in its own process, once per database.
 */
export const meBench: Benchmark = {
  name: 'me',
  description: 'bare Fastify JSON route vs authenticated GET /api/me, same concurrent load',
  async run(ctx: BenchContext) {
    for (const target of ctx.databases) await ctx.publish(await measureOn(target, ctx.load));
  },
};

async function measureOn(target: DatabaseTarget, load: LoadSettings): Promise<BenchResult> {
  const database = await target.provision();
  try {
    const account = await withHearthDatabase(database, (opened) => createAccount(opened.db, 'participant'));
    // Both servers run side by side so their measured rounds can interleave (see measureLoads).
    const [baseline, subject] = await withServer(startServer(BARE_ENTRY, { NODE_ENV: 'production' }), (bare) =>
      withServer(startHearth(database, HEARTH_ENV), async (hearth) => {
        const session = await signIn(hearth, account);
        await expectSignedIn(hearth, session);
        return measureLoads(
          [
            { url: `${bare.url}/bare`, serverPid: bare.pid },
            {
              url: `${hearth.url}/api/me`,
              headers: { cookie: session.cookie },
              serverPid: hearth.pid,
              databasePids: () => database.backendPids(),
            },
          ],
          load,
        );
      }),
    );
    const trail = await withHearthDatabase(database, async (opened) => {
      const audit = await opened.db.selectFrom('audit_events').select(['action']).where('actor_user_id', '=', account.id).execute();
      const sessionRow = await opened.db.selectFrom('auth_sessions').select(['created_at', 'last_seen_at']).where('user_id', '=', account.id).executeTakeFirstOrThrow();
      return { audit: audit.map((a) => a.action), touched: sessionRow.last_seen_at !== sessionRow.created_at };
    });
    return {
      bench: 'me',
      database: target.kind,
      measurements: [
        { label: 'bare Fastify GET /bare', figures: baseline },
        { label: METRICS_ON ? 'Hearth GET /api/me (metrics on)' : 'Hearth GET /api/me', figures: subject },
      ],
      comparisons: [throughputRatio('GET /api/me ÷ bare req/s', subject, baseline, TARGETS[target.kind])],
      notes: [...notesFor(subject, trail), ...cpuNote(subject, baseline)],
    };
  } finally {
    await database.dispose();
  }
}

/** What the server wrote while answering: the issue expects an audit; the route deliberately writes none. */
function notesFor(subject: LoadFigures, trail: { audit: string[]; touched: boolean }): string[] {
  const fromCalls = trail.audit.filter((action) => action !== 'auth.login').length;
  return [
    `audit rows by the bench user after ${subject.requests.toLocaleString('en-GB')} measured calls and the warm-up: ` +
      `${trail.audit.length} (${trail.audit.join(', ') || 'none'}), ` +
      (fromCalls === 0 ? "so GET /api/me wrote no audit row (reading one's own account is not audited)" : `${fromCalls} of them from the calls`),
    trail.touched
      ? 'the session last_seen_at was touched during the run (at most once a minute)'
      : 'the session last_seen_at was not touched: the run ends within the 60 s touch interval, so every call was a pure read',
  ];
}

/** Throughput on a shared 2-core machine moves with other load; CPU time per request is steadier. */
function cpuNote(subject: LoadFigures, baseline: LoadFigures): string[] {
  if (!subject.cpu || !baseline.cpu) return [];
  const hearthUs = subject.cpu.serverCpuUsPerRequest + subject.cpu.databaseCpuUsPerRequest;
  const ratio = hearthUs > 0 ? baseline.cpu.serverCpuUsPerRequest / hearthUs : 0;
  return [
    `CPU per request: bare ${Math.round(baseline.cpu.serverCpuUsPerRequest)} µs, Hearth ${Math.round(subject.cpu.serverCpuUsPerRequest)} µs` +
      (subject.cpu.databaseCpuUsPerRequest > 0 ? ` + PostgreSQL ${Math.round(subject.cpu.databaseCpuUsPerRequest)} µs` : '') +
      ` (CPU-cost ratio ${ratio.toFixed(2)}; the req/s ratio also carries the load generator's and other processes' share)`,
  ];
}
