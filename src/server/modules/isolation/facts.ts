import { sql, type Expression, type SqlBool } from 'kysely';
import { ISOLATION_WINDOW_DAYS } from '../../../shared/schemas/isolation.js';
import type { DbOrTx } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';
import { attendanceOfMembers } from '../attendance/summary.js';

const DAY_MS = 86_400_000;
/** Measures are compared over this long: the latest two answers, the latest one inside the window. */
const MEASURE_LOOKBACK_DAYS = 180;
const SHOWN = ['published', 'held'] as const;

/** What the early warning knows about one active member, read from the existing tables (no copy of the facts). */
export interface MemberFacts {
  enrolmentId: string;
  groupId: string;
  participantId: string;
  joinedAt: string;
  attendance: {
    missedInRow: number;
    missedSinceAt: string | null;
    missedRecent: number;
    missedPrior: number;
    recordedRecent: number;
    lateRecent: number;
    lastAttendedAt: string | null;
  };
  space: { lastReadAt: string | null; lastPostAt: string | null; unreadSince: string | null };
  unanswered: { kind: 'thread' | 'feedback_request'; at: string }[];
  appreciations: { received: number; given: number; lastReceivedAt: string | null; lastGivenAt: string | null };
  reactionsGiven: number;
  marksGiven: number;
  postsRecent: number;
  measures: { code: 'phq-9' | 'ons-loneliness'; total: number; at: string }[];
  staleGoals: { lastCheckInAt: string }[];
}

/** Subquery: the active members of active groups (one group when named) — the members the early warning looks at. */
export function activeMemberIds(db: DbOrTx, groupId?: string) {
  let query = db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select('e.id')
    .where(enrolmentAt('contribute', 'e.status'))
    .where('g.status', '=', 'active');
  if (groupId) query = query.where('e.group_id', '=', groupId);
  return query;
}

const inMembers = (column: string, members: Expression<unknown>) => sql<SqlBool>`${sql.ref(column)} in (${members})`;
/** Rows grouped by their member, in their order. */
function listsBy<R extends { enrolment_id: string | null }>(rows: readonly R[]): Map<string, R[]> {
  const lists = new Map<string, R[]>();
  for (const row of rows) {
    const key = row.enrolment_id ?? '';
    const list = lists.get(key);
    if (list) list.push(row);
    else lists.set(key, [row]);
  }
  return lists;
}

const iso = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
const num = (v: unknown) => Number(v ?? 0);

/**
 * Every fact the signals need, for every active member (of one group, or of the service), in a
 * fixed number of grouped queries whatever the number of members: counts and latest dates are
 * computed in SQL (the same statements on SQLite and PostgreSQL; times compared as ISO strings).
 */
export async function readMemberFacts(db: DbOrTx, now: Date, options: { groupId?: string; unansweredAfterDays: number; goalDaysWatch: number }): Promise<MemberFacts[]> {
  const members = activeMemberIds(db, options.groupId);
  const since = iso(now, ISOLATION_WINDOW_DAYS);
  const prior = iso(now, 2 * ISOLATION_WINDOW_DAYS);
  const answeredBy = iso(now, options.unansweredAfterDays);
  const goalCutoff = iso(now, options.goalDaysWatch);
  // Upper bounds too: the facts as they stood at `now` (the demo replays past days).
  const until = now.toISOString();
  const [rows, runs, windowAttendance, unanswered, appreciations, given, reactions, marks, posts, measures, goals, unread] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .select([
        'e.id',
        'e.group_id',
        'e.participant_id',
        sql<string>`coalesce(e.joined_at, e.created_at)`.as('joined_at'),
        (eb) =>
          eb
            .selectFrom('space_read_markers as m')
            .select(sql<string>`max(m.updated_at)`.as('x'))
            .whereRef('m.user_id', '=', 'e.participant_id')
            .whereRef('m.group_id', '=', 'e.group_id')
            .where('m.updated_at', '<=', until)
            .as('last_read_at'),
        (eb) =>
          eb
            .selectFrom('space_posts as p')
            .select(sql<string>`max(p.created_at)`.as('x'))
            .whereRef('p.enrolment_id', '=', 'e.id')
            .where('p.moderation_status', 'in', SHOWN)
            .where('p.created_at', '<=', until)
            .as('last_post_at'),
      ])
      .where(inMembers('e.id', members))
      .orderBy('e.id')
      .execute(),
    attendanceOfMembers(db, members, until),
    db
      .selectFrom('attendance as a')
      .innerJoin('group_sessions as s', 's.id', 'a.session_id')
      .select([
        'a.enrolment_id',
        sql<number>`sum(case when s.starts_at >= ${since} and a.status in ('absent','excused') then 1 else 0 end)`.as('missed_recent'),
        sql<number>`sum(case when s.starts_at < ${since} and a.status in ('absent','excused') then 1 else 0 end)`.as('missed_prior'),
        sql<number>`sum(case when s.starts_at >= ${since} then 1 else 0 end)`.as('recorded_recent'),
        sql<number>`sum(case when s.starts_at >= ${since} and a.status in ('late','left_early') then 1 else 0 end)`.as('late_recent'),
        sql<string>`max(case when a.status in ('present','late','left_early') then s.starts_at end)`.as('last_attended_at'),
      ])
      .where('s.status', '=', 'held')
      .where('s.starts_at', '>=', prior)
      .where('s.starts_at', '<=', until)
      .where(inMembers('a.enrolment_id', members))
      .groupBy('a.enrolment_id')
      .execute(),
    // Threads a member opened and feedback they asked for, older than the grace period, that nobody else answered.
    db
      .selectFrom('space_threads as t')
      .innerJoin('space_posts as op', 'op.id', 't.opening_post_id')
      .select(['t.created_by_enrolment as enrolment_id', 't.created_at as at', sql<string>`'thread'`.as('kind')])
      .where(inMembers('t.created_by_enrolment', members))
      .where('op.moderation_status', '=', 'published')
      .where('t.created_at', '>=', since)
      .where('t.created_at', '<=', answeredBy)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('space_posts as r')
              .select('r.id')
              .whereRef('r.thread_id', '=', 't.id')
              .whereRef('r.author_id', '<>', 't.created_by')
              .where('r.moderation_status', '=', 'published')
              .where('r.created_at', '<=', until),
          ),
        ),
      )
      .unionAll(
        db
          .selectFrom('feedback_items as f')
          .select(['f.enrolment_id', 'f.created_at as at', sql<string>`'feedback_request'`.as('kind')])
          .where('f.parent_id', 'is', null)
          .where('f.moderation_status', '=', 'published')
          .where(inMembers('f.enrolment_id', members))
          .where('f.created_at', '>=', since)
          .where('f.created_at', '<=', answeredBy)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('feedback_items as r')
                  .select('r.id')
                  .whereRef('r.parent_id', '=', 'f.id')
                  .whereRef('r.enrolment_id', '<>', 'f.enrolment_id')
                  .where('r.moderation_status', '=', 'published')
                  .where('r.created_at', '<=', until),
              ),
            ),
          ),
      )
      .execute(),
    db
      .selectFrom('appreciation_recipients as r')
      .innerJoin('appreciations as a', 'a.id', 'r.appreciation_id')
      .select(['r.recipient_enrolment_id as enrolment_id', sql<number>`count(*)`.as('n'), sql<string>`max(r.created_at)`.as('last_at')])
      .where('a.moderation_status', '=', 'published')
      .where('r.created_at', '>=', since)
      .where('r.created_at', '<=', until)
      .where(inMembers('r.recipient_enrolment_id', members))
      .groupBy('r.recipient_enrolment_id')
      .execute(),
    db
      .selectFrom('appreciations as a')
      .select(['a.sender_enrolment_id as enrolment_id', sql<number>`count(*)`.as('n'), sql<string>`max(a.created_at)`.as('last_at')])
      .where('a.moderation_status', 'in', SHOWN)
      .where('a.created_at', '>=', since)
      .where('a.created_at', '<=', until)
      .where(inMembers('a.sender_enrolment_id', members))
      .groupBy('a.sender_enrolment_id')
      .execute(),
    db
      .selectFrom('supportive_reactions as x')
      .select(['x.reactor_enrolment_id as enrolment_id', sql<number>`count(*)`.as('n')])
      .where('x.created_at', '>=', since)
      .where('x.created_at', '<=', until)
      .where(inMembers('x.reactor_enrolment_id', members))
      .groupBy('x.reactor_enrolment_id')
      .execute(),
    db
      .selectFrom('strategy_marks as k')
      .select(['k.enrolment_id', sql<number>`count(*)`.as('n')])
      .where('k.updated_at', '>=', since)
      .where('k.updated_at', '<=', until)
      .where(inMembers('k.enrolment_id', members))
      .groupBy('k.enrolment_id')
      .execute(),
    // What a member put in front of the group lately: space posts and messages, feedback, strategies.
    db
      .selectFrom('space_posts as p')
      .select(['p.enrolment_id', sql<number>`count(*)`.as('n')])
      .where('p.moderation_status', 'in', SHOWN)
      .where('p.created_at', '>=', since)
      .where('p.created_at', '<=', until)
      .where(inMembers('p.enrolment_id', members))
      .groupBy('p.enrolment_id')
      .unionAll(
        db
          .selectFrom('feedback_items as f')
          .select(['f.enrolment_id', sql<number>`count(*)`.as('n')])
          .where('f.moderation_status', 'in', SHOWN)
          .where('f.created_at', '>=', since)
          .where('f.created_at', '<=', until)
          .where(inMembers('f.enrolment_id', members))
          .groupBy('f.enrolment_id'),
      )
      .unionAll(
        db
          .selectFrom('strategies as st')
          .select(['st.enrolment_id', sql<number>`count(*)`.as('n')])
          .where('st.moderation_status', 'in', SHOWN)
          .where('st.created_at', '>=', since)
          .where('st.created_at', '<=', until)
          .where(inMembers('st.enrolment_id', members))
          .groupBy('st.enrolment_id'),
      )
      .execute(),
    db
      .selectFrom('measure_responses as r')
      .select(['r.enrolment_id', 'r.instrument_code', 'r.total', 'r.submitted_at'])
      .where('r.instrument_code', 'in', ['phq-9', 'ons-loneliness'])
      .where('r.submitted_at', '>=', iso(now, MEASURE_LOOKBACK_DAYS))
      .where('r.submitted_at', '<=', until)
      .where(inMembers('r.enrolment_id', members))
      .orderBy('r.submitted_at')
      .orderBy('r.id')
      .execute(),
    // Goals the member shared (with clinicians or the group) and has not checked in on lately; private goals are never read.
    db
      .selectFrom('goals as g')
      .select([
        sql<string>`coalesce(g.shared_enrolment_id, g.enrolment_id)`.as('enrolment_id'),
        (eb) =>
          eb
            .selectFrom('goal_checkins as c')
            .select(sql<string>`max(c.created_at)`.as('x'))
            .whereRef('c.goal_id', '=', 'g.id')
            .where('c.created_at', '<=', until)
            .as('last_checkin_at'),
        'g.created_at',
      ])
      .where('g.status', '=', 'active')
      .where('g.visibility', '!=', 'private')
      .where('g.created_at', '<=', until)
      .where(sql<SqlBool>`coalesce(g.shared_enrolment_id, g.enrolment_id) in (${members})`)
      .execute(),
    // The oldest post by someone else in the member's group since they last opened the space (or joined).
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('enrolments as e')
          .select([
            'e.id',
            'e.group_id',
            'e.participant_id',
            sql<string>`coalesce((select max(m.updated_at) from space_read_markers m where m.user_id = e.participant_id and m.group_id = e.group_id and m.updated_at <= ${until}), e.joined_at, e.created_at)`.as(
              'since',
            ),
          ])
          .where(inMembers('e.id', members))
          .as('x'),
      )
      .innerJoin('space_posts as p', (join) => join.onRef('p.group_id', '=', 'x.group_id').onRef('p.author_id', '<>', 'x.participant_id').onRef('p.created_at', '>', 'x.since'))
      .select(['x.id as enrolment_id', sql<string>`min(p.created_at)`.as('unread_since')])
      .where('p.moderation_status', '=', 'published')
      .where('p.created_at', '<=', until)
      .groupBy('x.id')
      .execute(),
  ]);
  const byId = <R extends { enrolment_id: string | null }>(list: R[]) => new Map(list.map((r) => [r.enrolment_id ?? '', r]));
  const windowed = byId(windowAttendance);
  const received = byId(appreciations);
  const sent = byId(given);
  const reacted = byId(reactions);
  const marked = byId(marks);
  const unreadSince = byId(unread);
  const unansweredOf = listsBy(unanswered);
  const measuresOf = listsBy(measures);
  const goalsOf = listsBy(goals);
  const postCounts = new Map<string, number>();
  for (const p of posts) postCounts.set(p.enrolment_id ?? '', (postCounts.get(p.enrolment_id ?? '') ?? 0) + num(p.n));
  return rows.map((row) => {
    const run = runs.get(row.id);
    const w = windowed.get(row.id);
    return {
      enrolmentId: row.id,
      groupId: row.group_id,
      participantId: row.participant_id,
      joinedAt: row.joined_at,
      attendance: {
        missedInRow: run?.missedInRow ?? 0,
        missedSinceAt: run?.missedSinceAt ?? null,
        missedRecent: num(w?.missed_recent),
        missedPrior: num(w?.missed_prior),
        recordedRecent: num(w?.recorded_recent),
        lateRecent: num(w?.late_recent),
        lastAttendedAt: w?.last_attended_at ?? null,
      },
      space: { lastReadAt: row.last_read_at ?? null, lastPostAt: row.last_post_at ?? null, unreadSince: unreadSince.get(row.id)?.unread_since ?? null },
      unanswered: (unansweredOf.get(row.id) ?? []).map((u) => ({ kind: u.kind as 'thread' | 'feedback_request', at: u.at })),
      appreciations: {
        received: num(received.get(row.id)?.n),
        given: num(sent.get(row.id)?.n),
        lastReceivedAt: received.get(row.id)?.last_at ?? null,
        lastGivenAt: sent.get(row.id)?.last_at ?? null,
      },
      reactionsGiven: num(reacted.get(row.id)?.n),
      marksGiven: num(marked.get(row.id)?.n),
      postsRecent: postCounts.get(row.id) ?? 0,
      measures: (measuresOf.get(row.id) ?? []).map((m) => ({ code: m.instrument_code as 'phq-9' | 'ons-loneliness', total: Number(m.total), at: m.submitted_at })),
      staleGoals: (goalsOf.get(row.id) ?? []).map((g) => ({ lastCheckInAt: g.last_checkin_at ?? g.created_at })).filter((g) => g.lastCheckInAt < goalCutoff),
    };
  });
}
