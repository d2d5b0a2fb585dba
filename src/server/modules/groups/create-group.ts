import type { z } from 'zod';
import type { createGroupBodySchema } from '../../../shared/schemas/sessions.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { expandSchedule, type Schedule } from '../schedule/recurrence.js';
import { setSchedule } from './set-schedule.js';

/**
 * Creates a group in the `forming` state with a lead and optional co-facilitators, and, when the
 * request carries one, its schedule and sessions in the same transaction.
 */
export async function createGroup(ctx: UseCaseContext, input: z.infer<typeof createGroupBodySchema>): Promise<{ id: string; sessionsCreated: number }> {
  const leadId = input.leadId ?? (ctx.principal.role === 'clinician' ? ctx.principal.userId : undefined);
  if (!leadId) throw new AppError('validation_failed', 'Choose a lead facilitator.', [{ path: 'body.leadId', message: 'Required.' }]);
  if (input.minSize > input.capacity) {
    throw new AppError('validation_failed', 'The minimum size cannot exceed the capacity.', [{ path: 'body.minSize', message: 'At most the capacity.' }]);
  }
  if (input.schedule) checkSchedule(input.schedule, ctx.now);
  const programme = await ctx.db.selectFrom('programmes').select('id').where('id', '=', input.programmeId).executeTakeFirst();
  if (!programme) throw new AppError('validation_failed', 'Unknown programme.', [{ path: 'body.programmeId', message: 'Unknown programme.' }]);
  const facilitatorIds = [leadId, ...input.coFacilitatorIds.filter((id) => id !== leadId)];
  const clinicians = await ctx.db.selectFrom('users').select('id').where('id', 'in', facilitatorIds).where('role', '=', 'clinician').where('status', '!=', 'deactivated').execute();
  if (clinicians.length !== new Set(facilitatorIds).size) {
    throw new AppError('validation_failed', 'Facilitators must be active clinicians.', [{ path: 'body.coFacilitatorIds', message: 'Not a clinician.' }]);
  }
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('therapy_groups')
    .values({
      id,
      programme_id: input.programmeId,
      name: input.name,
      status: 'forming',
      kind: input.kind,
      capacity: input.capacity,
      min_size: input.minSize,
      // The service's time zone until a schedule says otherwise.
      timezone: ctx.hearth.config.timeZone,
      location: input.location ?? null,
      meeting_url: input.meetingUrl ?? null,
      ...(input.moderationMode ? { moderation_mode: input.moderationMode } : {}),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('group_facilitators')
    .values([...new Set(facilitatorIds)].map((userId) => ({ group_id: id, user_id: userId, facilitator_role: userId === leadId ? ('lead' as const) : ('co' as const) })))
    .execute();
  await ctx.audit({ action: 'groups.create', resourceType: 'group', resourceId: id, groupId: id });
  const sessions = input.schedule ? await setSchedule(ctx, id, input.schedule) : null;
  return { id, sessionsCreated: sessions?.created ?? 0 };
}

/**
 * Refuses a schedule that cannot be used before anything is written, naming the field for the
 * form (the route's transaction would roll a later refusal back too; this keeps the answer plain).
 */
function checkSchedule(schedule: Schedule, now: Date): void {
  try {
    expandSchedule(schedule, now);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, [{ path: 'body.schedule', message: error.message }]);
    throw error;
  }
}
