import type { Goal } from '../../../shared/schemas/goals.js';
import type { DbOrTx } from '../../db/database.js';
import type { GoalsTable } from '../../db/schema.js';
import { reactionSummaries } from './reactions.js';

/** A new goal as a row of `goals`: active and private (sharing sets the visibility columns later). */
export function newGoalRow(goal: {
  id: string;
  participantId: string;
  enrolmentId: string | null;
  area: string;
  action: string;
  frequency: string;
  targetDate: string;
  supportNeeded: string;
  createdAt: string;
}): GoalsTable {
  return {
    id: goal.id,
    participant_id: goal.participantId,
    enrolment_id: goal.enrolmentId,
    area: goal.area,
    action: goal.action,
    frequency: goal.frequency,
    target_date: goal.targetDate,
    support_needed: goal.supportNeeded,
    visibility: 'private',
    shared_group_id: null,
    shared_enrolment_id: null,
    moderation_status: null,
    shared_at: null,
    status: 'active',
    created_at: goal.createdAt,
    updated_at: goal.createdAt,
  };
}

/** Goals with their milestones (and celebration cards), check-ins and group, newest first. */
export async function loadGoals(db: DbOrTx, filter: { participantId: string; goalIds?: string[] }, viewerId: string): Promise<Goal[]> {
  let query = db
    .selectFrom('goals as g')
    .leftJoin('enrolments as e', 'e.id', 'g.enrolment_id')
    .leftJoin('therapy_groups as t', 't.id', 'e.group_id')
    .selectAll('g')
    .select(['e.pseudonym', 'e.group_id', 't.name as group_name'])
    .where('g.participant_id', '=', filter.participantId);
  if (filter.goalIds) {
    if (filter.goalIds.length === 0) return [];
    query = query.where('g.id', 'in', filter.goalIds);
  }
  const goals = await query.orderBy('g.created_at', 'desc').execute();
  if (goals.length === 0) return [];
  const ids = goals.map((g) => g.id);
  const [milestones, checkins, celebrations] = await Promise.all([
    db.selectFrom('goal_milestones').selectAll().where('goal_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('goal_checkins').selectAll().where('goal_id', 'in', ids).orderBy('created_at', 'desc').execute(),
    db.selectFrom('celebrations').selectAll().where('goal_id', 'in', ids).execute(),
  ]);
  const reactions = await reactionSummaries(
    db,
    'celebration',
    celebrations.map((c) => c.id),
    viewerId,
  );
  return goals.map((g) => ({
    id: g.id,
    area: g.area as Goal['area'],
    action: g.action,
    frequency: g.frequency,
    targetDate: g.target_date,
    supportNeeded: g.support_needed,
    visibility: g.visibility,
    group: g.enrolment_id && g.group_id && g.group_name && g.pseudonym ? { id: g.group_id, name: g.group_name, enrolmentId: g.enrolment_id, pseudonym: g.pseudonym } : null,
    moderationStatus: g.visibility === 'group' ? g.moderation_status : null,
    status: g.status,
    milestones: milestones
      .filter((m) => m.goal_id === g.id)
      .map((m) => {
        const card = celebrations.find((c) => c.milestone_id === m.id);
        return {
          id: m.id,
          position: m.position,
          title: m.title,
          reachedAt: m.reached_at,
          reachedNote: m.reached_note,
          celebration: card
            ? {
                id: card.id,
                detail: card.detail,
                note: card.note,
                moderationStatus: card.moderation_status,
                withdrawnAt: card.withdrawn_at,
                createdAt: card.created_at,
                reactions: card.withdrawn_at ? [] : (reactions.get(card.id) ?? []),
              }
            : null,
        };
      }),
    checkins: checkins.filter((c) => c.goal_id === g.id).map((c) => ({ id: c.id, progress: c.progress, note: c.note, createdAt: c.created_at })),
    createdAt: g.created_at,
    updatedAt: g.updated_at,
  }));
}

/** One goal of its owner. */
export async function loadGoal(db: DbOrTx, goalId: string, ownerId: string): Promise<Goal> {
  const [goal] = await loadGoals(db, { participantId: ownerId, goalIds: [goalId] }, ownerId);
  if (!goal) throw new Error(`goal ${goalId} vanished`);
  return goal;
}

/** The owner of a goal (the route has already checked the caller is that owner). */
export async function goalRow(db: DbOrTx, goalId: string) {
  return db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirstOrThrow();
}
