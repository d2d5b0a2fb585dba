import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { expandSchedule, type Schedule } from './recurrence.js';

/**
 * Replaces a group's future, untouched sessions with those of its (new) schedule. Sessions that
 * were held, cancelled, moved or added by hand, already started, or have attendance or a note
 * are never touched, and the slots of cancelled and moved sessions are not filled again.
 */
export async function regenerateSessions(db: DbOrTx, groupId: string, schedule: Schedule, now: Date) {
  const occurrences = expandSchedule(schedule, now);
  const nowIso = now.toISOString();
  const replaceable = db
    .selectFrom('group_sessions as s')
    .select('s.id')
    .where('s.group_id', '=', groupId)
    .where('s.status', '=', 'scheduled')
    .where('s.origin', '=', 'schedule')
    .where('s.starts_at', '>', nowIso)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('attendance as a').select('a.session_id').whereRef('a.session_id', '=', 's.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('group_notes as n').select('n.id').whereRef('n.session_id', '=', 's.id'))));
  const removed = await db.deleteFrom('group_sessions').where('id', 'in', replaceable).executeTakeFirst();
  const kept = await db.selectFrom('group_sessions').select(['starts_at', 'ends_at', 'status', 'original_starts_at']).where('group_id', '=', groupId).execute();
  const takenSlots = new Set(kept.flatMap((k) => (k.status === 'cancelled' ? [k.starts_at] : []).concat(k.original_starts_at ? [k.original_starts_at] : [])));
  const live = kept.filter((k) => k.status !== 'cancelled');
  const fresh = occurrences.filter((o) => {
    const start = o.startsAt.toISOString();
    const end = o.endsAt.toISOString();
    return o.startsAt.getTime() > now.getTime() && !takenSlots.has(start) && !live.some((k) => start < k.ends_at && k.starts_at < end);
  });
  if (fresh.length > 0) {
    await db
      .insertInto('group_sessions')
      .values(
        fresh.map((o) => ({
          id: newId(),
          group_id: groupId,
          starts_at: o.startsAt.toISOString(),
          ends_at: o.endsAt.toISOString(),
          plan_id: null,
          topic: '',
          status: 'scheduled' as const,
          origin: 'schedule' as const,
          cancel_reason: null,
          created_at: nowIso,
          updated_at: nowIso,
        })),
      )
      .execute();
  }
  await assignTopics(db, groupId);
  return { created: fresh.length, removed: Number(removed.numDeletedRows) };
}

/**
 * Gives each session that has not been held the topic of its place in the curriculum: the n-th
 * session of a closed group gets plan n; an open (rolling) group cycles through the plans.
 */
export async function assignTopics(db: DbOrTx, groupId: string): Promise<void> {
  const group = await db.selectFrom('therapy_groups').select(['programme_id', 'kind']).where('id', '=', groupId).executeTakeFirstOrThrow();
  const plans = await db.selectFrom('session_plans').select(['id', 'topic']).where('programme_id', '=', group.programme_id).orderBy('position').execute();
  const sessions = await db
    .selectFrom('group_sessions as s')
    .select(['s.id', 's.status', 's.plan_id', 's.topic'])
    .where('s.group_id', '=', groupId)
    .where('s.status', '!=', 'cancelled')
    .orderBy('s.starts_at')
    .execute();
  for (const [index, session] of sessions.entries()) {
    if (session.status !== 'scheduled') continue;
    const plan = plans.length === 0 ? undefined : group.kind === 'open' ? plans[index % plans.length] : plans[index];
    const topic = plan?.topic ?? (plans.length ? 'Additional session' : 'Group session');
    const planId = plan?.id ?? null;
    if (session.plan_id !== planId || session.topic !== topic) {
      await db.updateTable('group_sessions').set({ plan_id: planId, topic }).where('id', '=', session.id).execute();
    }
  }
}
