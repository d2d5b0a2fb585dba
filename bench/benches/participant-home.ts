import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Benchmark, BenchContext, BenchResult } from '../lib/benchmark.js';
import type { DatabaseKind, DatabaseTarget } from '../lib/databases.js';
import { signIn, startHearth, withHearthDatabase, type BenchSession } from '../lib/hearth.js';
import type { LoadFigures } from '../lib/load.js';
import { p95Below } from '../lib/report.js';
import { measureSequential } from '../lib/sequential.js';
import { startServer, type ServerProcess } from '../lib/server-process.js';
import { buildHomeHistory, HOME_SHAPE } from './participant-home-data.js';

const BARE_ENTRY = fileURLToPath(new URL('../lib/bare-server.ts', import.meta.url));

/** Issue 5: the participant home's p95 must stay below this, in milliseconds, one request at a time. */
const P95_TARGET_MS: Record<DatabaseKind, number> = { sqlite: 50, postgres: 100 };
const REQUESTS = Number(process.env.BENCH_HOME_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_HOME_WARMUP ?? 30);

/**
 * Issue 5: GET /api/me/this-week (the participant home: next session, due check-ins, goals, new
 * appreciations and strategies, celebrations) for a member of a group with a year of activity,
 * one request at a time, next to a bare Fastify route and GET /api/me measured in the same run.
 */
export const participantHomeBench: Benchmark = {
  name: 'home',
  description: 'participant home "this week" for a member of a group with a year of activity (p95, one request at a time)',
  async run(ctx: BenchContext) {
    for (const target of ctx.databases) await ctx.publish(await measureOn(target));
  },
};

async function measureOn(target: DatabaseTarget): Promise<BenchResult> {
  const database = await target.provision();
  try {
    console.log(`  ${target.kind}: building a year of one group's activity…`);
    const history = await withHearthDatabase(database, async (opened) => {
      const built = await buildHomeHistory(opened.db);
      if (database.kind === 'postgres') await sql`ANALYZE`.execute(opened.db);
      return built;
    });
    const bare = await startServer(BARE_ENTRY, { NODE_ENV: 'production' });
    let hearth: ServerProcess | undefined;
    try {
      hearth = await startHearth(database);
      const session = await signIn(hearth, history.member);
      const fact = await expectWeek(hearth, session);
      const databasePids = () => database.backendPids();
      const measured = await measureSequential(
        [
          { url: `${bare.url}/bare`, serverPid: bare.pid },
          { url: `${hearth.url}/api/me`, headers: { cookie: session.cookie }, serverPid: hearth.pid, databasePids },
          { url: `${hearth.url}/api/me/this-week`, headers: { cookie: session.cookie }, serverPid: hearth.pid, databasePids },
        ],
        { requests: REQUESTS, warmup: WARMUP, rounds: 10, budgetS: 60 },
      );
      const [baseline, me, week] = measured.figures as [LoadFigures, LoadFigures, LoadFigures];
      return {
        bench: 'home',
        database: target.kind,
        table: 'latency',
        measurements: [
          { label: 'bare Fastify GET /bare', figures: baseline },
          { label: 'Hearth GET /api/me (floor)', figures: me },
          { label: 'GET /api/me/this-week', figures: week },
        ],
        comparisons: [p95Below('GET /api/me/this-week p95', week, P95_TARGET_MS[target.kind])],
        notes: [
          `dataset (${HOME_SHAPE.members} members, ${HOME_SHAPE.sessions} weekly sessions): ${Object.entries(history.rows)
            .map(([table, n]) => `${table} ${n.toLocaleString('en-GB')}`)
            .join(', ')}; built in ${history.seconds.toFixed(1)} s`,
          fact,
          `ratios: this-week ÷ bare p50 ${(week.p50Ms / baseline.p50Ms).toFixed(1)}×, p95 ${(week.p95Ms / baseline.p95Ms).toFixed(1)}×; this-week ÷ /api/me p50 ${(week.p50Ms / me.p50Ms).toFixed(1)}×, p95 ${(week.p95Ms / me.p95Ms).toFixed(1)}×`,
          `${measured.rounds} of ${measured.plannedRounds} rounds measured (${REQUESTS} requests per endpoint planned, ${WARMUP} warm-up; BENCH_HOME_REQUESTS / BENCH_HOME_WARMUP)`,
          'a pure read after the first call: newly due questionnaires are worked out (and recorded, with an audit row) at most every five minutes per person',
        ],
      };
    } finally {
      await hearth?.stop();
      await bare.stop();
    }
  } finally {
    await database.dispose();
  }
}

/** One request before measuring: the answer must carry the year's data, or the figures would time something else. */
async function expectWeek(hearth: ServerProcess, session: BenchSession): Promise<string> {
  const response = await fetch(`${hearth.url}/api/me/this-week`, { headers: { cookie: session.cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /api/me/this-week answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as {
    goals: unknown[];
    nextSession: unknown;
    appreciations: { newCount: number };
    strategies: { newCount: number };
    celebrations: unknown[];
    dueCheckins: unknown[];
  };
  if (body.goals.length === 0 || !body.nextSession || body.appreciations.newCount === 0 || body.strategies.newCount === 0) {
    throw new Error(`unexpected this-week: ${text.slice(0, 400)}`);
  }
  return `this-week answers ${body.goals.length} goals, ${body.dueCheckins.length} due check-ins, ${body.appreciations.newCount} new appreciations, ${body.strategies.newCount} new strategies, ${body.celebrations.length} celebrations; ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`;
}
