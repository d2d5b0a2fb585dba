import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import type { MeasureTrigger } from '../../db/schema.js';
import { requireInstrument } from './instruments.js';
import { presentSchedule } from './presenters.js';

/** Asks a group's members to complete a questionnaire at enrolment, every N sessions, at completion or at each session start. */
export async function addSchedule(ctx: UseCaseContext, groupId: string, input: { instrumentCode: string; trigger: MeasureTrigger; everyN?: number | undefined }) {
  await requireInstrument(ctx.db, input.instrumentCode);
  if (input.trigger === 'every_n_sessions' && !input.everyN)
    throw new AppError('validation_failed', 'Say after how many sessions.', [{ path: 'body.everyN', message: 'Required for every N sessions.' }]);
  const row = {
    id: newId(),
    programme_id: null,
    group_id: groupId,
    instrument_code: input.instrumentCode,
    trigger: input.trigger,
    every_n: input.trigger === 'every_n_sessions' ? (input.everyN ?? null) : null,
    created_by: ctx.principal.userId,
    created_at: ctx.now.toISOString(),
  };
  await ctx.db.insertInto('measure_schedules').values(row).execute();
  await ctx.audit({ action: 'measures.schedules.add', resourceType: 'measure_schedule', resourceId: row.id, groupId });
  return presentSchedule(row);
}
