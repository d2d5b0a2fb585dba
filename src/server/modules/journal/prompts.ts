import type { DbOrTx } from '../../db/database.js';
import { currentEnrolments } from '../goals/membership.js';

/**
 * Reflection prompts for the member's journal: for each current group, the plan of its most
 * recent session (or, before the first one, of the next), matched by plan or by topic.
 */
export async function journalPrompts(db: DbOrTx, participantId: string, now: Date) {
  const topics: { groupName: string; topic: string; prompts: string[] }[] = [];
  for (const enrolment of await currentEnrolments(db, participantId)) {
    const base = db
      .selectFrom('group_sessions as s')
      .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
      .select(['s.topic', 's.plan_id', 'g.programme_id'])
      .where('s.group_id', '=', enrolment.group_id)
      .where('s.status', '!=', 'cancelled');
    const session =
      (await base.where('s.starts_at', '<=', now.toISOString()).orderBy('s.starts_at', 'desc').executeTakeFirst()) ??
      (await base.where('s.starts_at', '>', now.toISOString()).orderBy('s.starts_at').executeTakeFirst());
    if (!session) continue;
    const plan = session.plan_id
      ? await db.selectFrom('session_plans').select(['topic', 'reflection_prompts']).where('id', '=', session.plan_id).executeTakeFirst()
      : await db
          .selectFrom('session_plans')
          .select(['topic', 'reflection_prompts'])
          .where('programme_id', '=', session.programme_id)
          .where('topic', '=', session.topic)
          .executeTakeFirst();
    if (!plan) continue;
    const prompts = JSON.parse(plan.reflection_prompts) as unknown;
    topics.push({ groupName: enrolment.group_name, topic: plan.topic, prompts: Array.isArray(prompts) ? prompts.filter((p): p is string => typeof p === 'string') : [] });
  }
  return { topics };
}
