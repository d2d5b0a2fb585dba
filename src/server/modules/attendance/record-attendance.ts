import type { z } from 'zod';
import type { attendanceBodySchema } from '../../../shared/schemas/sessions.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { sessionRoster } from '../schedule/repository.js';
import { raiseAbsenceAlerts } from './absence-alerts.js';

// Attendance may be taken from shortly before a session starts.
const EARLY_MS = 30 * 60_000;

/**
 * Records attendance for a whole session in one go: one status for everyone, then exceptions.
 * Replaces what was recorded before and marks the session held; a member whose missed sessions in
 * a row reach the service threshold gets a "reach out" alert (see raiseAbsenceAlerts).
 */
export async function recordAttendance(ctx: UseCaseContext, sessionId: string, input: z.infer<typeof attendanceBodySchema>) {
  const session = await ctx.db.selectFrom('group_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
  if (session.status === 'cancelled') throw new AppError('session_cancelled', 'This session was cancelled: there is no attendance to take.');
  if (new Date(session.starts_at).getTime() - EARLY_MS > ctx.now.getTime()) {
    throw new AppError('invalid_state', 'Attendance can be taken from 30 minutes before the session starts.');
  }
  const roster = await sessionRoster(ctx.db, session);
  const members = new Set(roster.map((r) => r.id));
  const seen = new Set<string>();
  for (const [index, exception] of input.exceptions.entries()) {
    if (!members.has(exception.enrolmentId)) {
      throw new AppError('not_a_member', 'Attendance can only be recorded for members of this session.', [
        { path: `body.exceptions.${index}.enrolmentId`, message: 'Not a member of this session.' },
      ]);
    }
    if (seen.has(exception.enrolmentId)) {
      throw new AppError('validation_failed', 'Each member can appear once.', [{ path: `body.exceptions.${index}.enrolmentId`, message: 'Listed twice.' }]);
    }
    seen.add(exception.enrolmentId);
  }
  if (roster.length === 0) throw new AppError('invalid_state', 'Nobody was a member of the group at this session.');
  const exceptions = new Map(input.exceptions.map((e) => [e.enrolmentId, e]));
  const recordedAt = ctx.now.toISOString();
  await ctx.db.deleteFrom('attendance').where('session_id', '=', sessionId).execute();
  await ctx.db
    .insertInto('attendance')
    .values(
      roster.map((member) => {
        const exception = exceptions.get(member.id);
        const status = exception?.status ?? input.everyone;
        const minutes = status === 'late' || status === 'left_early' ? (exception?.minutes ?? null) : null;
        return { session_id: sessionId, enrolment_id: member.id, status, minutes, recorded_by: ctx.principal.userId, recorded_at: recordedAt };
      }),
    )
    .execute();
  await ctx.db.updateTable('group_sessions').set({ status: 'held', updated_at: recordedAt }).where('id', '=', sessionId).execute();
  const reachOut = await raiseAbsenceAlerts(
    ctx.db,
    session.group_id,
    roster.map((m) => m.id),
    ctx.now,
  );
  await ctx.audit({
    action: 'attendance.record',
    resourceType: 'group_session',
    resourceId: sessionId,
    groupId: session.group_id,
    detail: { members: roster.length, reachOutAlerts: reachOut },
  });
}
