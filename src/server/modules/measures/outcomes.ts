import { facilitatedGroupIds } from '../../policy/membership.js';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { prePostEffectSize, summariseOutcomes } from './engine/change.js';
import { connectionOutcomes } from './connection-outcomes.js';
import { requireInstrument } from './instruments.js';

export interface OutcomeFilter {
  instrumentCode: string;
  programmeId?: string | undefined;
  groupId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Above this many enrolments one pass over all attendance beats looking them up in batches. */
const ATTENDANCE_SCAN_FROM = 2_000;

/**
 * First → last scores per participant. Without a date range they come from the course rows kept
 * on every submission (one per participant, instrument and group, folded per participant here);
 * with one, from the responses in that range.
 */
export async function firstLastPairs(db: DbOrTx, principal: Principal, filter: OutcomeFilter) {
  const pairs = filter.from || filter.to ? await pairsFromResponses(db, principal, filter) : await pairsFromCourses(db, principal, filter);
  const rates = await attendanceRates(db, [...new Set(pairs.map((p) => p.enrolmentId).filter((id): id is string => !!id))]);
  return pairs.map((p) => ({ first: p.first, last: p.last, n: p.n, enrolmentId: p.enrolmentId, attendance: p.enrolmentId ? (rates.get(p.enrolmentId) ?? null) : null }));
}

interface Pair {
  first: number;
  last: number;
  n: number;
  /** The enrolment of the last response, whose attendance is set beside the change. */
  enrolmentId: string | null;
}

async function pairsFromCourses(db: DbOrTx, principal: Principal, filter: OutcomeFilter): Promise<Pair[]> {
  let query = db
    .selectFrom('measure_courses')
    .select(['participant_id', 'first_at', 'first_total', 'last_at', 'last_total', 'last_enrolment_id', 'responses'])
    .where('instrument_code', '=', filter.instrumentCode);
  if (filter.groupId) query = query.where('group_key', '=', filter.groupId);
  if (filter.programmeId) query = query.where('group_key', 'in', db.selectFrom('therapy_groups').select('id').where('programme_id', '=', filter.programmeId));
  if (principal.role === 'clinician') {
    query = query.where('group_key', 'in', facilitatedGroupIds(db, principal.userId));
  }
  // A person with responses in several groups: first of the earliest course, last of the latest.
  const people = new Map<string, { firstAt: string; lastAt: string; pair: Pair }>();
  for (const row of await query.execute()) {
    const seen = people.get(row.participant_id);
    if (!seen) {
      people.set(row.participant_id, {
        firstAt: row.first_at,
        lastAt: row.last_at,
        pair: { first: Number(row.first_total), last: Number(row.last_total), n: Number(row.responses), enrolmentId: row.last_enrolment_id },
      });
      continue;
    }
    seen.pair.n += Number(row.responses);
    if (row.first_at < seen.firstAt) Object.assign(seen, { firstAt: row.first_at, pair: { ...seen.pair, first: Number(row.first_total) } });
    if (row.last_at > seen.lastAt) Object.assign(seen, { lastAt: row.last_at, pair: { ...seen.pair, last: Number(row.last_total), enrolmentId: row.last_enrolment_id } });
  }
  return [...people.values()].map((p) => p.pair);
}

/**
 * First → last scores per participant within a date range (one row each, computed in SQL from a covering index), with
 * each person's attendance rate in the group of their last response. Clinicians see only their groups.
 */
async function pairsFromResponses(db: DbOrTx, principal: Principal, filter: OutcomeFilter): Promise<Pair[]> {
  let scoped = db
    .selectFrom('measure_responses as m')
    .select(['m.participant_id', (eb) => eb.fn.min('m.submitted_at').as('first_at'), (eb) => eb.fn.max('m.submitted_at').as('last_at'), (eb) => eb.fn.countAll().as('n')])
    .where('m.instrument_code', '=', filter.instrumentCode)
    .groupBy('m.participant_id');
  if (filter.groupId) scoped = scoped.where('m.group_id', '=', filter.groupId);
  // Joining the groups table costs a row read per response, so only a programme filter does it.
  if (filter.programmeId) scoped = scoped.where('m.group_id', 'in', db.selectFrom('therapy_groups').select('id').where('programme_id', '=', filter.programmeId));
  if (filter.from) scoped = scoped.where('m.submitted_at', '>=', new Date(filter.from).toISOString());
  // `to` is the last day included: responses before the start of the next day (UTC).
  if (filter.to) scoped = scoped.where('m.submitted_at', '<', new Date(new Date(filter.to).getTime() + 86_400_000).toISOString());
  if (principal.role === 'clinician') {
    scoped = scoped.where('m.group_id', 'in', facilitatedGroupIds(db, principal.userId));
  }
  const rows = await db
    .selectFrom(scoped.as('x'))
    .innerJoin('measure_responses as f', (j) =>
      j.onRef('f.participant_id', '=', 'x.participant_id').on('f.instrument_code', '=', filter.instrumentCode).onRef('f.submitted_at', '=', 'x.first_at'),
    )
    .innerJoin('measure_responses as l', (j) =>
      j.onRef('l.participant_id', '=', 'x.participant_id').on('l.instrument_code', '=', filter.instrumentCode).onRef('l.submitted_at', '=', 'x.last_at'),
    )
    .select(['x.participant_id', 'x.n', 'f.total as first', 'l.total as last', 'l.enrolment_id'])
    .execute();
  // One row per participant even if two responses share a timestamp.
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.participant_id) ? false : (seen.add(r.participant_id), true)))
    .map((r) => ({ first: Number(r.first), last: Number(r.last), n: Number(r.n), enrolmentId: r.enrolment_id }));
}

/** Share of recorded sessions attended, per enrolment (from the enrolment/status covering index). */
async function attendanceRates(db: DbOrTx, enrolmentIds: string[]): Promise<Map<string, number>> {
  const rates = new Map<string, number>();
  const batches = enrolmentIds.length >= ATTENDANCE_SCAN_FROM ? [null] : chunk(enrolmentIds, 500);
  for (const batch of batches) {
    let query = attendanceSummary(db);
    if (batch) query = query.where('enrolment_id', 'in', batch);
    for (const a of await query.execute()) rates.set(a.enrolment_id, Number(a.attended) / Math.max(1, Number(a.recorded)));
  }
  return rates;
}

function attendanceSummary(db: DbOrTx) {
  return db
    .selectFrom('attendance')
    .select(['enrolment_id', (eb) => eb.fn.countAll().as('recorded'), sql<number>`sum(case when status in ('present','late','left_early') then 1 else 0 end)`.as('attended')])
    .groupBy('enrolment_id');
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

const round = (v: number | null, places = 2) => (v === null ? null : Math.round(v * 10 ** places) / 10 ** places);

/** Started, completed, mean change, reliable improvement/deterioration, recovery, effect size and the link to attendance. */
export async function outcomeReport(db: DbOrTx, principal: Principal, filter: OutcomeFilter, now = new Date()) {
  const { definition } = await requireInstrument(db, filter.instrumentCode);
  const people = await firstLastPairs(db, principal, filter);
  const completed = people.filter((p) => p.n >= 2);
  const summary = summariseOutcomes(definition, completed);
  const effect = prePostEffectSize(definition, completed);
  const withAttendance = completed.filter((p) => p.attendance !== null);
  const improvement = (p: { first: number; last: number }) => (definition.higherIsBetter ? p.last - p.first : p.first - p.last);
  const high = withAttendance.filter((p) => (p.attendance ?? 0) >= 0.75);
  const low = withAttendance.filter((p) => (p.attendance ?? 0) < 0.75);
  const meanImprovement = (list: typeof withAttendance) => (list.length ? round(list.reduce((a, p) => a + improvement(p), 0) / list.length) : null);
  const share = (count: number, of: number) => (of ? round(count / of, 3) : null);
  return {
    instrument: { code: definition.id, title: definition.shortTitle, higherIsBetter: definition.higherIsBetter },
    started: people.length,
    completed: completed.length,
    meanFirst: round(effect.meanFirst),
    meanLast: round(effect.meanLast),
    meanChange: round(effect.meanChange),
    reliablyImproved: share(summary.reliablyImproved, summary.n),
    reliablyDeteriorated: share(summary.reliablyDeteriorated, summary.n),
    recovered: share(summary.recovered, summary.casesAtStart),
    reliablyRecovered: share(summary.reliablyRecovered, summary.casesAtStart),
    casesAtStart: summary.casesAtStart,
    effectSize: round(effect.improvementD),
    attendance: {
      correlationWithImprovement: round(
        pearson(
          withAttendance.map((p) => p.attendance ?? 0),
          withAttendance.map(improvement),
        ),
      ),
      meanImprovementAttendedMost: meanImprovement(high),
      meanImprovementAttendedLess: meanImprovement(low),
      attendedMost: high.length,
      attendedLess: low.length,
    },
    connection: await connectionOutcomes(db, principal, filter, now),
  };
}
