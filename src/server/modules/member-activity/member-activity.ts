import { sql } from 'kysely';
import type { MemberActivity } from '../../../shared/schemas/this-week.js';
import type { DbOrTx } from '../../db/database.js';

export const ACTIVITY_WINDOW_DAYS = 28;
type Kind = keyof MemberActivity['shared'];

/**
 * One row per thing a member chose to share with their group or clinicians (or a mark they gave).
 * Private goals, private skills entries and the journal never appear here: the facilitator view is
 * computed from shared items only.
 */
function sharedEvents(db: DbOrTx, enrolmentIds: ReturnType<typeof enrolmentsOf>) {
  const visible = ['published', 'held'] as const;
  return db
    .selectFrom('strategies')
    .select(['enrolment_id', sql<string>`'strategies'`.as('kind'), 'created_at as at'])
    .where('enrolment_id', 'in', enrolmentIds)
    .where('moderation_status', 'in', visible)
    .unionAll(
      db
        .selectFrom('strategy_marks')
        .select(['enrolment_id', sql<string>`'strategyMarks'`.as('kind'), 'updated_at as at'])
        .where('enrolment_id', 'in', enrolmentIds),
    )
    .unionAll(
      db
        .selectFrom('appreciations')
        .select(['sender_enrolment_id as enrolment_id', sql<string>`'appreciationsGiven'`.as('kind'), 'created_at as at'])
        .where('sender_enrolment_id', 'in', enrolmentIds)
        .where('moderation_status', 'in', visible),
    )
    .unionAll(
      db
        .selectFrom('appreciation_recipients as r')
        .innerJoin('appreciations as a', 'a.id', 'r.appreciation_id')
        .select(['r.recipient_enrolment_id as enrolment_id', sql<string>`'appreciationsReceived'`.as('kind'), 'r.created_at as at'])
        .where('r.recipient_enrolment_id', 'in', enrolmentIds)
        .where('a.moderation_status', 'in', visible),
    )
    .unionAll(
      db
        .selectFrom('feedback_items')
        .select(['enrolment_id', sql<string>`case when parent_id is null then 'feedbackRequests' else 'feedbackReplies' end`.as('kind'), 'created_at as at'])
        .where('enrolment_id', 'in', enrolmentIds)
        .where('moderation_status', 'in', visible),
    )
    .unionAll(
      db
        .selectFrom('goals')
        .select([
          sql<string>`coalesce(shared_enrolment_id, enrolment_id)`.as('enrolment_id'),
          sql<string>`'goals'`.as('kind'),
          sql<string>`coalesce(shared_at, created_at)`.as('at'),
        ])
        .where('visibility', '!=', 'private')
        .where(sql<string>`coalesce(shared_enrolment_id, enrolment_id)`, 'in', enrolmentIds),
    )
    .unionAll(
      db
        .selectFrom('skill_practices')
        .select([sql<string>`shared_enrolment_id`.as('enrolment_id'), sql<string>`'skillsEntries'`.as('kind'), sql<string>`coalesce(shared_at, created_at)`.as('at')])
        .where('shared_enrolment_id', 'in', enrolmentIds)
        .where('moderation_status', 'in', visible),
    )
    .unionAll(
      db
        .selectFrom('celebrations')
        .select(['enrolment_id', sql<string>`'celebrations'`.as('kind'), 'created_at as at'])
        .where('enrolment_id', 'in', enrolmentIds)
        .where('withdrawn_at', 'is', null)
        .where('moderation_status', 'in', visible),
    );
}

function enrolmentsOf(db: DbOrTx, groupId: string, enrolmentId?: string) {
  let query = db.selectFrom('enrolments').select('id').where('group_id', '=', groupId);
  if (enrolmentId) query = query.where('id', '=', enrolmentId);
  return query;
}

const emptyShared = (): MemberActivity['shared'] => ({
  goals: 0,
  strategies: 0,
  appreciationsGiven: 0,
  appreciationsReceived: 0,
  feedbackRequests: 0,
  feedbackReplies: 0,
  skillsEntries: 0,
  celebrations: 0,
  strategyMarks: 0,
});

/** Per member of a group (or one member): what they shared, how much lately, and when last. */
export async function memberActivity(db: DbOrTx, groupId: string, now: Date, enrolmentId?: string): Promise<MemberActivity[]> {
  const since = new Date(now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000).toISOString();
  const ids = enrolmentsOf(db, groupId, enrolmentId);
  const [members, totals] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .innerJoin('users as u', 'u.id', 'e.participant_id')
      .select(['e.id', 'e.pseudonym', 'e.status', 'u.display_name'])
      .where('e.group_id', '=', groupId)
      .$if(!!enrolmentId, (q) => q.where('e.id', '=', enrolmentId ?? ''))
      .orderBy('e.pseudonym')
      .execute(),
    db
      .selectFrom(sharedEvents(db, ids).as('ev'))
      .select([
        'ev.enrolment_id',
        'ev.kind',
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when ev.at >= ${since} then 1 else 0 end)`.as('recent'),
        sql<string>`max(ev.at)`.as('last_at'),
      ])
      .groupBy(['ev.enrolment_id', 'ev.kind'])
      .execute(),
  ]);
  return members.map((m) => {
    const shared = emptyShared();
    let recent = 0;
    let last: string | null = null;
    for (const t of totals.filter((x) => x.enrolment_id === m.id)) {
      shared[t.kind as Kind] = Number(t.n);
      recent += Number(t.recent ?? 0);
      if (t.last_at && (!last || t.last_at > last)) last = t.last_at;
    }
    const total = Object.values(shared).reduce((a, b) => a + b, 0);
    return {
      enrolmentId: m.id,
      pseudonym: m.pseudonym,
      displayName: m.display_name,
      status: m.status,
      shared,
      recentCount: recent,
      level: total === 0 ? 'none' : recent >= 3 ? 'active' : 'quiet',
      lastActivityAt: last,
    };
  });
}
