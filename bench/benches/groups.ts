import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Benchmark, BenchContext, BenchResult } from '../lib/benchmark.js';
import type { DatabaseKind, DatabaseTarget, ProvisionedDatabase } from '../lib/databases.js';
import { analyseAfterLoad, buildGroupHistory, ISSUE_3_SHAPE, type GroupHistory, type GroupHistoryShape } from '../lib/group-history.js';
import { expectSignedIn, getOk, signIn, startHearth, withHearthDatabase, type BenchSession } from '../lib/hearth.js';
import type { LoadFigures, LoadTarget } from '../lib/load.js';
import { p95Below } from '../lib/report.js';
import { measureSequential, type SequentialSettings } from '../lib/sequential.js';
import { startServer, withServer, type ServerProcess } from '../lib/server-process.js';

const BARE_ENTRY = fileURLToPath(new URL('../lib/bare-server.ts', import.meta.url));

/** Issue 3: each endpoint's p95 must stay below this, in milliseconds, one request at a time. */
const P95_TARGET_MS: Record<DatabaseKind, number> = { sqlite: 50, postgres: 100 };

// A clinician signs in without a second factor (session 'enrolment_offered') only outside production.
const HEARTH_ENV = { NODE_ENV: 'development', HEARTH_REQUIRE_STAFF_MFA: 'false', HEARTH_DEMO_SEED: 'false' };

const settingsSchema = z.object({
  // Measured requests per endpoint (sequential, interleaved in rounds).
  BENCH_GROUPS_REQUESTS: z.coerce.number().int().min(100).max(5_000).default(500),
  // Requests per endpoint before measuring, discarded.
  BENCH_GROUPS_WARMUP: z.coerce.number().int().min(0).max(1_000).default(50),
  // Seconds the measured rounds may take per database; past it no new round starts (at least two run).
  BENCH_GROUPS_BUDGET_S: z.coerce.number().int().min(10).max(600).default(60),
  // issue: the other 199 groups have 12–52 sessions (issue 3); full: 52–260, a service where every
  // group has run for one to five years (about 3× the attendance and notes; slower to build).
  BENCH_GROUPS_SCALE: z.enum(['issue', 'full']).default('issue'),
});

interface GroupsSettings extends SequentialSettings {
  shape: GroupHistoryShape;
  scale: 'issue' | 'full';
}

function settingsFromEnv(): GroupsSettings {
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid benchmark settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const env = parsed.data;
  const shape = env.BENCH_GROUPS_SCALE === 'full' ? { ...ISSUE_3_SHAPE, otherSessions: [52, 260] as [number, number] } : ISSUE_3_SHAPE;
  return {
    requests: env.BENCH_GROUPS_REQUESTS,
    warmup: env.BENCH_GROUPS_WARMUP,
    rounds: 10,
    budgetS: env.BENCH_GROUPS_BUDGET_S,
    shape,
    scale: env.BENCH_GROUPS_SCALE,
  };
}

/** One endpoint under test: what it answers is checked once before measuring, so figures never time errors. */
interface Endpoint {
  label: string;
  path: string;
  /** Held against the p95 target (the /api/me floor is measured for reference only). */
  target: boolean;
  /** Says what the response holds, or throws when it is not what the dataset implies. */
  check(body: unknown): string;
}

/**
 * Issue 3 at scale: a service of 200 groups whose biggest has met weekly for five years (260
 * sessions × 12 members, attendance and signed notes throughout), built in bulk into a migrated
 * database; then the big group's lead clinician reads the group page, its session list (oldest
 * 100 and latest 100) and one member's record, one request at a time, next to a bare Fastify route.
 */
export const groupsBench: Benchmark = {
  name: 'groups',
  description: 'group page, session lists and participant record of a five-year group among 200 (p95, one request at a time)',
  async run(ctx: BenchContext) {
    const settings = settingsFromEnv();
    for (const target of ctx.databases) await ctx.publish(await measureOn(target, settings));
  },
};

async function measureOn(target: DatabaseTarget, settings: GroupsSettings): Promise<BenchResult> {
  const database = await target.provision();
  try {
    console.log(`  ${target.kind}: building ${settings.shape.groups} groups with up to five years of history (scale ${settings.scale})…`);
    const history = await withHearthDatabase(database, async (opened) => {
      const built = await buildGroupHistory(opened.db, settings.shape);
      await analyseAfterLoad(opened.db, database.kind);
      return built;
    });
    const totalRows = Object.values(history.rows).reduce((a, b) => a + b, 0);
    console.log(`  ${target.kind}: ${totalRows.toLocaleString('en-GB')} rows in ${history.seconds.toFixed(1)} s; measuring…`);
    const endpoints = endpointsFor(history);
    const started = performance.now();
    // Both servers start at once (each takes seconds to load under tsx on a busy machine).
    const [bareStarting, hearthStarting] = startTogether(startServer(BARE_ENTRY, { NODE_ENV: 'production' }), startHearth(database, HEARTH_ENV));
    const { figures, facts } = await withServer(bareStarting, (bare) =>
      withServer(hearthStarting, async (hearth) => {
        const session = await signIn(hearth, history.lead);
        const facts = [await signedInFact(hearth, session)];
        for (const endpoint of endpoints) facts.push(`${endpoint.label}: ${await expectAnswer(hearth, session, endpoint)}`);
        const databasePids = () => database.backendPids();
        const targets: LoadTarget[] = [
          { url: `${bare.url}/bare`, serverPid: bare.pid },
          ...endpoints.map((e) => ({ url: `${hearth.url}${e.path}`, headers: { cookie: session.cookie }, serverPid: hearth.pid, databasePids })),
        ];
        const measuring = performance.now();
        const measured = await measureSequential(targets, settings);
        facts.push(
          `warm-up and measured requests took ${((performance.now() - measuring) / 1000).toFixed(0)} s` +
            (measured.rounds < measured.plannedRounds
              ? `; the ${settings.budgetS} s budget (BENCH_GROUPS_BUDGET_S) stopped it after ${measured.rounds} of ${measured.plannedRounds} rounds, so fewer requests were measured`
              : ''),
        );
        return { figures: measured.figures, facts };
      }),
    );
    const measuredS = (performance.now() - started) / 1000;
    const audit = await withHearthDatabase(database, (opened) => auditCounts(opened.db, history.lead.id));
    const settingsNote = await databaseSettings(database);
    const [baseline, ...subjects] = figures as [LoadFigures, ...LoadFigures[]];
    const limit = P95_TARGET_MS[target.kind];
    return {
      // A full-scale run writes its own results file (groups-full-<database>.json).
      bench: settings.scale === 'full' ? 'groups-full' : 'groups',
      database: target.kind,
      table: 'latency',
      measurements: [{ label: 'bare Fastify GET /bare', figures: baseline }, ...endpoints.map((e, i) => ({ label: e.label, figures: subjects[i]! }))],
      comparisons: endpoints.flatMap((e, i) => (e.target ? [p95Below(`${e.label} p95`, subjects[i]!, limit)] : [])),
      notes: [
        `dataset (scale ${settings.scale}: other groups ${settings.shape.otherSessions.join('–')} sessions): ${Object.entries(history.rows)
          .map(([table, n]) => `${table} ${n.toLocaleString('en-GB')}`)
          .join(', ')}; built in ${history.seconds.toFixed(1)} s` +
          (database.kind === 'postgres' ? ', then ANALYZE (as autovacuum would have)' : ', no ANALYZE (Hearth never runs it on SQLite)'),
        ...facts,
        `audit rows written by the lead during the run: ${audit}`,
        `÷ bare: the bare route's latency is what this client, the loopback and the machine's noise cost before any Hearth work (p50 ${baseline.p50Ms.toFixed(2)} ms, p95 ${baseline.p95Ms.toFixed(2)} ms)`,
        ...(settingsNote ? [settingsNote] : []),
        `servers, sign-in, checks and measurement took ${measuredS.toFixed(0)} s in all`,
      ],
    };
  } finally {
    await database.dispose();
  }
}

function endpointsFor(history: GroupHistory): Endpoint[] {
  const group = history.bigGroupId;
  const enrolment = history.bigGroupEnrolmentIds[0]!;
  return [
    {
      label: 'Hearth GET /api/me (floor)',
      path: '/api/me',
      target: false,
      check: () => 'reference: session lookup and nothing else',
    },
    {
      label: 'GET /api/groups/:groupId',
      path: `/api/groups/${group}`,
      target: true,
      check(body) {
        const b = body as { members: unknown[]; attendanceRates: { heldSessions: number } };
        if (b.members.length !== 12 || b.attendanceRates.heldSessions !== 260) throw new Error(`unexpected group page: ${JSON.stringify(b).slice(0, 300)}`);
        return `${b.members.length} members, ${b.attendanceRates.heldSessions} held sessions summarised`;
      },
    },
    {
      label: 'GET …/sessions?when=all&limit=100',
      path: `/api/groups/${group}/sessions?when=all&limit=100`,
      target: true,
      check: (body) => sessionsFact(body, 1),
    },
    {
      label: 'GET …/sessions?when=past&limit=100',
      path: `/api/groups/${group}/sessions?when=past&limit=100`,
      target: true,
      check: (body) => sessionsFact(body, 260),
    },
    {
      label: 'GET /api/enrolments/:id/record',
      path: `/api/enrolments/${enrolment}/record`,
      target: true,
      check(body) {
        const b = body as { attendance: unknown[]; notes: unknown[]; referral: unknown };
        if (b.attendance.length !== 260 || b.notes.length === 0 || !b.referral) throw new Error(`unexpected record: ${JSON.stringify(b).slice(0, 300)}`);
        return `${b.attendance.length} attendance rows, ${b.notes.length} note sections, referral history`;
      },
    },
  ];
}

function sessionsFact(body: unknown, firstNumber: number): string {
  const sessions = (body as { sessions: { number: number | null; hasNote: boolean }[] }).sessions;
  if (sessions.length !== 100 || sessions[0]?.number !== firstNumber) throw new Error(`unexpected session list: ${JSON.stringify(sessions[0])} (${sessions.length})`);
  return `100 sessions from no. ${firstNumber}, ${sessions.filter((s) => s.hasNote).length} with a note`;
}

/**
 * Two servers starting in parallel: if either fails to start, the other is stopped as soon as it
 * is up, and both promises reject, so withServer never runs work against half a setup.
 */
function startTogether(a: Promise<ServerProcess>, b: Promise<ServerProcess>): [Promise<ServerProcess>, Promise<ServerProcess>] {
  const both = Promise.allSettled([a, b]).then(async (results) => {
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (!failed) return results.map((r) => (r as PromiseFulfilledResult<ServerProcess>).value);
    for (const r of results) if (r.status === 'fulfilled') await r.value.stop();
    throw failed.reason;
  });
  const first = both.then(([server]) => server!);
  const second = both.then(([, server]) => server!);
  // Whoever awaits them sees the failure; the one never awaited must not crash the runner.
  first.catch(() => {});
  second.catch(() => {});
  return [first, second];
}

/** The lead must be signed in for real (outside production a clinician may postpone MFA enrolment). */
async function signedInFact(hearth: ServerProcess, session: BenchSession): Promise<string> {
  const body = await expectSignedIn(hearth, session);
  return `signed in as the big group's lead (${body.user?.role}, session mfa '${body.session?.mfa}')`;
}

async function expectAnswer(hearth: ServerProcess, session: BenchSession, endpoint: Endpoint): Promise<string> {
  const text = await getOk(hearth, endpoint.path, session);
  return `${endpoint.check(JSON.parse(text))}; ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`;
}

/** Audit rows by the lead, per action: every roster and record read writes one. */
async function auditCounts(db: Parameters<typeof buildGroupHistory>[0], leadId: string): Promise<string> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('actor_user_id', '=', leadId)
    .groupBy('action')
    .orderBy('action')
    .execute();
  return rows.map((r) => `${r.action} ${Number(r.n).toLocaleString('en-GB')}`).join(', ') || 'none';
}

/** PostgreSQL settings that weigh on a request that writes (the audit row): its commit waits for the WAL flush. */
async function databaseSettings(database: ProvisionedDatabase): Promise<string | null> {
  if (database.kind !== 'postgres') return 'SQLite: WAL, synchronous=NORMAL (a commit does not wait for fsync)';
  return withHearthDatabase(database, async (opened) => {
    const { rows } = await sql<{ name: string; setting: string }>`
      select name, setting from pg_settings
      where name in ('synchronous_commit', 'fsync', 'shared_buffers', 'random_page_cost', 'server_version')
      order by name`.execute(opened.db);
    return `PostgreSQL: ${rows.map((r) => `${r.name}=${r.setting}`).join(', ')} (each audited read commits one INSERT)`;
  });
}
