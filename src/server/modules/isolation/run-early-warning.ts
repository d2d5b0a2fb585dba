import { setImmediate } from 'node:timers/promises';
import type { IsolationSignal, IsolationThresholds } from '../../../shared/schemas/isolation.js';
import type { Db, DbOrTx } from '../../db/database.js';
import type { IsolationLevel } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { readMemberFacts, type MemberFacts } from './facts.js';
import { levelOf, signalsOf } from './signals.js';
import { readThresholds } from './thresholds.js';

const DAY_MS = 86_400_000;
const RANK: Record<IsolationLevel, number> = { none: 0, watch: 1, reach_out: 2 };
const CHUNK = 100;

export interface EarlyWarningRun {
  day: string;
  members: number;
  flagged: number;
  raised: number;
  cleared: number;
}

/**
 * The daily job: the first call of a UTC day reads every active member's facts group by group,
 * outside any transaction and giving the event loop back between groups (SQLite is synchronous:
 * one service-wide read of 10,000 members held the server, and its connection, for seconds and
 * grew its memory by a hundred MB), then claims the day (isolation_runs' primary key, so one
 * instance of several writes it) and writes every snapshot and flag in one transaction. Later
 * calls that day return null at the cost of one lookup; an instance that loses the claim after
 * reading has only wasted its reading.
 */
export async function runDailyEarlyWarning(db: Db, now: Date): Promise<EarlyWarningRun | null> {
  const day = now.toISOString().slice(0, 10);
  const done = await db.selectFrom('isolation_runs').select('day').where('day', '=', day).executeTakeFirst();
  if (done) return null;
  const thresholds = await readThresholds(db);
  const groups = await db.selectFrom('therapy_groups').select('id').where('status', '=', 'active').orderBy('id').execute();
  const results: Evaluated[] = [];
  for (const group of groups) {
    results.push(...(await evaluateMembers(db, now, thresholds, group.id)));
    await setImmediate();
  }
  return db.transaction().execute(async (trx) => {
    const claim = await trx
      .insertInto('isolation_runs')
      .values({ day, started_at: now.toISOString(), members: 0, flagged: 0 })
      .onConflict((oc) => oc.column('day').doNothing())
      .executeTakeFirst();
    if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    const run = await writeEarlyWarning(trx, now, results);
    await trx.updateTable('isolation_runs').set({ members: run.members, flagged: run.flagged }).where('day', '=', day).execute();
    return run;
  });
}

interface Evaluated {
  facts: MemberFacts;
  signals: IsolationSignal[];
  level: IsolationLevel;
}

/** The signals and level of every active member of one group (of the service when none is named). */
async function evaluateMembers(db: DbOrTx, now: Date, thresholds: IsolationThresholds, groupId?: string): Promise<Evaluated[]> {
  const facts = await readMemberFacts(db, now, { ...(groupId ? { groupId } : {}), unansweredAfterDays: thresholds.unansweredAfterDays, goalDaysWatch: thresholds.goalDaysWatch });
  return facts.map((f) => {
    const signals = signalsOf(f, thresholds, now);
    return { facts: f, signals, level: levelOf(signals, thresholds) };
  });
}

/**
 * Computes the signals of every active member (of one group when named), writes the day's
 * snapshot of each, and keeps the flags in step: a member at `watch` or `reach_out` gets an open
 * flag (updated while it stays open), unless a facilitator's decision snoozes them — a snooze
 * holds until it ends or the level rises above the one decided on; an open flag whose signals
 * cleared is closed as `cleared`. Call inside a transaction.
 */
export async function refreshEarlyWarning(db: DbOrTx, now: Date, groupId?: string): Promise<EarlyWarningRun> {
  return writeEarlyWarning(db, now, await evaluateMembers(db, now, await readThresholds(db), groupId), groupId);
}

/** Writes the snapshots and flags of the members evaluated (those of one group when named, else the service's). */
async function writeEarlyWarning(db: DbOrTx, now: Date, results: readonly Evaluated[], groupId?: string): Promise<EarlyWarningRun> {
  const day = now.toISOString().slice(0, 10);
  const at = now.toISOString();
  for (let i = 0; i < results.length; i += CHUNK) {
    const rows = results
      .slice(i, i + CHUNK)
      .map((r) => ({ enrolment_id: r.facts.enrolmentId, day, group_id: r.facts.groupId, level: r.level, signals: JSON.stringify(r.signals), computed_at: at }));
    await db
      .insertInto('isolation_snapshots')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['enrolment_id', 'day'])
          .doUpdateSet((eb) => ({ level: eb.ref('excluded.level'), signals: eb.ref('excluded.signals'), computed_at: eb.ref('excluded.computed_at') })),
      )
      .execute();
  }
  const open = await flagsFor(db, groupId).where('f.status', '=', 'open').execute();
  const snoozed = await flagsFor(db, groupId).where('f.status', 'in', ['reached_out', 'dismissed']).where('f.snoozed_until', '>', at).execute();
  const openBy = new Map(open.map((f) => [f.enrolment_id, f]));
  const snoozeBy = new Map<string, IsolationLevel>();
  for (const f of snoozed) if (RANK[f.level] > RANK[snoozeBy.get(f.enrolment_id) ?? 'none']) snoozeBy.set(f.enrolment_id, f.level);
  let raised = 0;
  let cleared = 0;
  for (const r of results) {
    const existing = openBy.get(r.facts.enrolmentId);
    if (r.level === 'none') {
      if (existing) {
        await db.updateTable('isolation_flags').set({ status: 'cleared', decided_at: at, updated_at: at }).where('id', '=', existing.id).execute();
        cleared += 1;
      }
      continue;
    }
    const signals = JSON.stringify(r.signals satisfies IsolationSignal[]);
    if (existing) {
      await db.updateTable('isolation_flags').set({ level: r.level, signals, updated_at: at }).where('id', '=', existing.id).execute();
      continue;
    }
    const snoozedAt = snoozeBy.get(r.facts.enrolmentId);
    if (snoozedAt && RANK[r.level] <= RANK[snoozedAt]) continue;
    await db
      .insertInto('isolation_flags')
      .values({
        id: newId(),
        enrolment_id: r.facts.enrolmentId,
        group_id: r.facts.groupId,
        level: r.level,
        status: 'open',
        signals,
        raised_at: at,
        updated_at: at,
        decided_by: null,
        decided_at: null,
        decision_note: null,
        snoozed_until: null,
      })
      .execute();
    raised += 1;
  }
  // A member who left, paused or whose group ended is no longer looked at: their open flag closes.
  const looked = new Set(results.map((r) => r.facts.enrolmentId));
  for (const flag of open) {
    if (looked.has(flag.enrolment_id)) continue;
    await db.updateTable('isolation_flags').set({ status: 'cleared', decided_at: at, updated_at: at }).where('id', '=', flag.id).execute();
    cleared += 1;
  }
  return { day, members: results.length, flagged: results.filter((r) => r.level !== 'none').length, raised, cleared };
}

function flagsFor(db: DbOrTx, groupId?: string) {
  let query = db.selectFrom('isolation_flags as f').select(['f.id', 'f.enrolment_id', 'f.level']);
  if (groupId) query = query.where('f.group_id', '=', groupId);
  return query;
}

/** When a decision made now stops snoozing. */
export function snoozeEnd(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}
