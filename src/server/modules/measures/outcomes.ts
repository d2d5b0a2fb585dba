import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { prePostEffectSize, summariseOutcomes } from './engine/change.js';
import { requireInstrument } from './instruments.js';

export interface OutcomeFilter {
  instrumentCode: string;
  programmeId?: string | undefined;
  groupId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * First → last scores per participant (one row each, computed in SQL), with each person's
 * attendance rate in the group of their last response. Clinicians see only their groups.
 */
async function firstLastPairs(db: DbOrTx, principal: Principal, filter: OutcomeFilter) {
  let scoped = db
    .selectFrom('measure_responses as m')
    .innerJoin('therapy_groups as g', 'g.id', 'm.group_id')
    .select(['m.participant_id', (eb) => eb.fn.min('m.submitted_at').as('first_at'), (eb) => eb.fn.max('m.submitted_at').as('last_at'), (eb) => eb.fn.countAll().as('n')])
    .where('m.instrument_code', '=', filter.instrumentCode)
    .groupBy('m.participant_id');
  if (filter.groupId) scoped = scoped.where('m.group_id', '=', filter.groupId);
  if (filter.programmeId) scoped = scoped.where('g.programme_id', '=', filter.programmeId);
  if (filter.from) scoped = scoped.where('m.submitted_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) scoped = scoped.where('m.submitted_at', '<', new Date(filter.to).toISOString());
  if (principal.role === 'clinician') {
    scoped = scoped.where('m.group_id', 'in', db.selectFrom('group_facilitators').select('group_id').where('user_id', '=', principal.userId));
  }
  const rows = await db
    .selectFrom(scoped.as('x'))
    .innerJoin('measure_responses as f', (j) => j.onRef('f.participant_id', '=', 'x.participant_id').onRef('f.submitted_at', '=', 'x.first_at').on('f.instrument_code', '=', filter.instrumentCode))
    .innerJoin('measure_responses as l', (j) => j.onRef('l.participant_id', '=', 'x.participant_id').onRef('l.submitted_at', '=', 'x.last_at').on('l.instrument_code', '=', filter.instrumentCode))
    .select(['x.participant_id', 'x.n', 'f.total as first', 'l.total as last', 'l.enrolment_id'])
    .execute();
  const enrolmentIds = [...new Set(rows.map((r) => r.enrolment_id).filter((id): id is string => !!id))];
  const rates = new Map<string, number>();
  for (let i = 0; i < enrolmentIds.length; i += 500) {
    const chunk = enrolmentIds.slice(i, i + 500);
    const attendance = await db
      .selectFrom('attendance')
      .select(['enrolment_id', (eb) => eb.fn.countAll().as('recorded'), sql<number>`sum(case when status in ('present','late','left_early') then 1 else 0 end)`.as('attended')])
      .where('enrolment_id', 'in', chunk)
      .groupBy('enrolment_id')
      .execute();
    for (const a of attendance) rates.set(a.enrolment_id, Number(a.attended) / Math.max(1, Number(a.recorded)));
  }
  // One row per participant even if two responses share a timestamp.
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.participant_id) ? false : (seen.add(r.participant_id), true)))
    .map((r) => ({ first: Number(r.first), last: Number(r.last), n: Number(r.n), attendance: r.enrolment_id ? (rates.get(r.enrolment_id) ?? null) : null }));
}

function pearson(xs: number[], ys: number[]): number | null {
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
export async function outcomeReport(db: DbOrTx, principal: Principal, filter: OutcomeFilter) {
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
      correlationWithImprovement: round(pearson(withAttendance.map((p) => p.attendance ?? 0), withAttendance.map(improvement))),
      meanImprovementAttendedMost: meanImprovement(high),
      meanImprovementAttendedLess: meanImprovement(low),
      attendedMost: high.length,
      attendedLess: low.length,
    },
  };
}
