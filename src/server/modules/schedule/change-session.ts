import { DateTime } from 'luxon';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { notifyMembers } from './notify.js';
import { fromLocal } from './recurrence.js';
import { assignTopics } from './regenerate-sessions.js';

async function loadChangeable(ctx: UseCaseContext, sessionId: string) {
  const session = await ctx.db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .select(['s.id', 's.group_id', 's.status', 's.starts_at', 's.ends_at', 's.original_starts_at', 'g.timezone', 'g.name as group_name'])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
  if (session.status !== 'scheduled') throw new AppError('invalid_state', `This session is already ${session.status}.`);
  if (session.starts_at <= ctx.now.toISOString()) throw new AppError('invalid_state', 'This session has already started.');
  return session;
}

function when(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone).toFormat("cccc d LLLL 'at' HH:mm");
}

/** Cancels an upcoming session and tells the members in the app. */
export async function cancelSession(ctx: UseCaseContext, sessionId: string, reason: string): Promise<void> {
  const session = await loadChangeable(ctx, sessionId);
  await ctx.db.updateTable('group_sessions').set({ status: 'cancelled', cancel_reason: reason, updated_at: ctx.now.toISOString() }).where('id', '=', sessionId).execute();
  await assignTopics(ctx.db, session.group_id);
  const notified = await notifyMembers(ctx.db, {
    groupId: session.group_id,
    sessionId,
    kind: 'session_cancelled',
    title: `${session.group_name}: session cancelled`,
    body: `The session on ${when(session.starts_at, session.timezone)} is cancelled. ${reason}`,
    now: ctx.now,
  });
  await ctx.audit({ action: 'sessions.cancel', resourceType: 'group_session', resourceId: sessionId, groupId: session.group_id, detail: { notified } });
}

/** Moves an upcoming session; refuses a time that overlaps another session of the group. */
export async function rescheduleSession(ctx: UseCaseContext, sessionId: string, startsAtLocal: string, durationMinutes?: number): Promise<void> {
  const session = await loadChangeable(ctx, sessionId);
  let startsAt: Date;
  try {
    startsAt = fromLocal(startsAtLocal, session.timezone);
  } catch {
    throw new AppError('invalid_schedule', 'That date and time does not exist.');
  }
  if (startsAt <= ctx.now) throw new AppError('invalid_schedule', 'Choose a time in the future.');
  const minutes = durationMinutes ?? (new Date(session.ends_at).getTime() - new Date(session.starts_at).getTime()) / 60_000;
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const clash = await ctx.db
    .selectFrom('group_sessions')
    .select('id')
    .where('group_id', '=', session.group_id)
    .where('id', '!=', sessionId)
    .where('status', '!=', 'cancelled')
    .where('starts_at', '<', endsAt.toISOString())
    .where('ends_at', '>', startsAt.toISOString())
    .executeTakeFirst();
  if (clash) throw new AppError('schedule_overlap', 'Another session of this group is at that time.');
  await ctx.db
    .updateTable('group_sessions')
    .set({
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      origin: 'manual',
      original_starts_at: session.original_starts_at ?? session.starts_at,
      updated_at: ctx.now.toISOString(),
    })
    .where('id', '=', sessionId)
    .execute();
  await assignTopics(ctx.db, session.group_id);
  const notified = await notifyMembers(ctx.db, {
    groupId: session.group_id,
    sessionId,
    kind: 'session_rescheduled',
    title: `${session.group_name}: session moved`,
    body: `The session on ${when(session.starts_at, session.timezone)} moves to ${when(startsAt.toISOString(), session.timezone)}.`,
    now: ctx.now,
  });
  await ctx.audit({ action: 'sessions.reschedule', resourceType: 'group_session', resourceId: sessionId, groupId: session.group_id, detail: { notified } });
}
