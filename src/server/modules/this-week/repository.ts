import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';

/** The groups a participant still reaches, with their pseudonym there. */
export function myGroups(db: DbOrTx, userId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select(['e.id as enrolment_id', 'e.group_id', 'e.pseudonym', 'e.status', 'g.name'])
    .where('e.participant_id', '=', userId)
    .where(enrolmentAt('reach', 'e.status'))
    .orderBy('g.name')
    .execute();
}

/** Active goals with their last check-in and milestone progress. */
export function activeGoals(db: DbOrTx, userId: string) {
  return db
    .selectFrom('goals as g')
    .select([
      'g.id',
      'g.area',
      'g.action',
      'g.frequency',
      'g.target_date',
      'g.visibility',
      (eb) => eb.selectFrom('goal_checkins as c').select('c.progress').whereRef('c.goal_id', '=', 'g.id').orderBy('c.created_at', 'desc').limit(1).as('last_progress'),
      (eb) => eb.selectFrom('goal_checkins as c').select('c.created_at').whereRef('c.goal_id', '=', 'g.id').orderBy('c.created_at', 'desc').limit(1).as('last_checkin_at'),
      (eb) =>
        eb
          .selectFrom('goal_milestones as m')
          .select('m.title')
          .whereRef('m.goal_id', '=', 'g.id')
          .where('m.reached_at', 'is', null)
          .orderBy('m.position')
          .limit(1)
          .as('next_milestone'),
      (eb) =>
        eb
          .selectFrom('goal_milestones as m')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('m.goal_id', '=', 'g.id')
          .as('milestones_total'),
      (eb) =>
        eb
          .selectFrom('goal_milestones as m')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('m.goal_id', '=', 'g.id')
          .where('m.reached_at', 'is not', null)
          .as('milestones_reached'),
    ])
    .where('g.participant_id', '=', userId)
    .where('g.status', '=', 'active')
    .orderBy('g.created_at', 'desc')
    .limit(10)
    .execute();
}

/** How many of a listing there are, and the newest few (the home shows three and says how many). */
const LATEST = 3;

/** Published appreciations received in reachable groups after `since` (all of them when never seen): the count and the newest. */
export async function newAppreciations(db: DbOrTx, userId: string, groupIds: string[], since: string | null) {
  let base = db
    .selectFrom('appreciation_recipients as r')
    .innerJoin('appreciations as a', 'a.id', 'r.appreciation_id')
    .where('r.recipient_id', '=', userId)
    .where('a.moderation_status', '=', 'published')
    .where('a.group_id', 'in', groupIds);
  if (since) base = base.where('r.created_at', '>', since);
  const [latest, counted] = await Promise.all([
    base
      .innerJoin('enrolments as se', 'se.id', 'a.sender_enrolment_id')
      .select(['a.id', 'se.pseudonym', 'a.body', 'a.created_at'])
      .orderBy('r.created_at', 'desc')
      .limit(LATEST)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { latest, count: Number(counted?.n ?? 0) };
}

/** Strategies peers shared in the groups since `since` (published; one's own left out): the count and the newest. */
export async function newStrategies(db: DbOrTx, userId: string, groupIds: string[], since: string) {
  const base = db
    .selectFrom('strategies as s')
    .where('s.group_id', 'in', groupIds)
    .where('s.created_at', '>=', since)
    .where('s.moderation_status', '=', 'published')
    .where('s.author_id', '!=', userId);
  const [latest, counted] = await Promise.all([
    base
      .innerJoin('enrolments as e', 'e.id', 's.enrolment_id')
      .select(['s.id', 's.group_id', 's.title', 'e.pseudonym', 's.created_at'])
      .orderBy('s.created_at', 'desc')
      .limit(LATEST)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { latest, count: Number(counted?.n ?? 0) };
}

/** Celebration cards of the groups since `since` (published, not withdrawn). */
export function recentCelebrations(db: DbOrTx, groupIds: string[], since: string) {
  return db
    .selectFrom('celebrations as c')
    .innerJoin('enrolments as e', 'e.id', 'c.enrolment_id')
    .select(['c.id', 'c.group_id', 'e.pseudonym', 'c.detail', 'c.title', 'c.note', 'c.created_at'])
    .where('c.group_id', 'in', groupIds)
    .where('c.created_at', '>=', since)
    .where('c.moderation_status', '=', 'published')
    .where('c.withdrawn_at', 'is', null)
    .orderBy('c.created_at', 'desc')
    .limit(5)
    .execute();
}

/** Peers' published feedback requests of the last fortnight. */
export async function openFeedbackRequests(db: DbOrTx, userId: string, groupIds: string[], since: string): Promise<number> {
  const row = await db
    .selectFrom('feedback_items')
    .select(sql<number>`count(*)`.as('n'))
    .where('group_id', 'in', groupIds)
    .where('parent_id', 'is', null)
    .where('created_at', '>=', since)
    .where('moderation_status', '=', 'published')
    .where('author_id', '!=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
