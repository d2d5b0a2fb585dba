import { isolationSignalSchema, type IsolationFlag } from '../../../shared/schemas/isolation.js';
import type { DbOrTx } from '../../db/database.js';
import { suggestedActions } from './signals.js';

const TREND_DAYS = 28;

/** Flags with their member, group and decider, newest first; `where` narrows them (a group, a status). */
export function flagRows(db: DbOrTx) {
  return db
    .selectFrom('isolation_flags as f')
    .innerJoin('enrolments as e', 'e.id', 'f.enrolment_id')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .innerJoin('therapy_groups as g', 'g.id', 'f.group_id')
    .leftJoin('users as d', 'd.id', 'f.decided_by')
    .select([
      'f.id',
      'f.group_id',
      'g.name as group_name',
      'f.enrolment_id',
      'e.pseudonym',
      'u.display_name',
      'f.level',
      'f.status',
      'f.signals',
      'f.raised_at',
      'f.updated_at',
      'd.display_name as decided_by',
      'f.decided_at',
      'f.decision_note',
      'f.snoozed_until',
    ])
    .orderBy('f.level', 'desc')
    .orderBy('f.raised_at', 'desc')
    .orderBy('f.id');
}

type FlagRow = Awaited<ReturnType<ReturnType<typeof flagRows>['execute']>>[number];

/** Flags as the API shows them, each with the member's level over the last 28 days from the daily snapshots. */
export async function presentFlags(db: DbOrTx, rows: readonly FlagRow[], now: Date): Promise<IsolationFlag[]> {
  if (rows.length === 0) return [];
  const since = new Date(now.getTime() - TREND_DAYS * 86_400_000).toISOString().slice(0, 10);
  const snapshots = await db
    .selectFrom('isolation_snapshots')
    .select(['enrolment_id', 'day', 'level', 'signals'])
    .where('enrolment_id', 'in', [...new Set(rows.map((r) => r.enrolment_id))])
    .where('day', '>=', since)
    .orderBy('day')
    .execute();
  return rows.map((row) => {
    const signals = isolationSignalSchema.array().parse(JSON.parse(row.signals));
    return {
      id: row.id,
      groupId: row.group_id,
      groupName: row.group_name,
      enrolmentId: row.enrolment_id,
      pseudonym: row.pseudonym,
      displayName: row.display_name,
      level: row.level,
      status: row.status,
      signals,
      suggestedActions: suggestedActions(signals),
      raisedAt: row.raised_at,
      updatedAt: row.updated_at,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
      decisionNote: row.decision_note,
      snoozedUntil: row.snoozed_until,
      trend: snapshots.filter((s) => s.enrolment_id === row.enrolment_id).map((s) => ({ day: s.day, level: s.level, signals: (JSON.parse(s.signals) as unknown[]).length })),
    };
  });
}
