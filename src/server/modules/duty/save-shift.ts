import type { UseCaseContext } from '../../http/use-case.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { activeClinician, findShift, overlappingShift } from './repository.js';

export interface ShiftInput {
  clinicianId?: string | undefined;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
}

/**
 * Adds a duty shift, or changes one (`shiftId`). The rota has one duty slot: a shift that
 * overlaps another is refused with `rota_overlap`, so "who is on duty now" always has one answer
 * and escalation has one "next person". Shifts may touch (one ends as the next starts).
 */
export async function saveShift(ctx: UseCaseContext, input: ShiftInput, shiftId: string | null) {
  const existing = shiftId ? await findShift(ctx.db, shiftId) : undefined;
  if (shiftId && !existing) throw new AppError('not_found', 'This shift was not found.');
  const clinicianId = input.clinicianId ?? existing?.clinician_id;
  const startsAt = input.startsAt ?? existing?.starts_at;
  const endsAt = input.endsAt ?? existing?.ends_at;
  if (!clinicianId || !startsAt || !endsAt) throw new AppError('validation_failed', 'A shift needs a clinician, a start and an end.');
  if (endsAt <= startsAt) {
    throw new AppError('validation_failed', 'A shift must end after it starts.', [{ path: 'body.endsAt', message: 'Must be after the start.' }]);
  }
  if (!(await activeClinician(ctx.db, clinicianId))) {
    throw new AppError('not_a_clinician', 'Only an active clinician can be on duty.', [{ path: 'body.clinicianId', message: 'Not an active clinician.' }]);
  }
  const clash = await overlappingShift(ctx.db, startsAt, endsAt, shiftId);
  if (clash) {
    throw new AppError('rota_overlap', 'This overlaps another shift: only one clinician is on duty at a time. Change the times, or remove the other shift first.', [
      { path: 'body.startsAt', message: `Overlaps the shift ${clash.starts_at} – ${clash.ends_at} (UTC).` },
    ]);
  }
  const now = ctx.now.toISOString();
  const id = shiftId ?? newId();
  if (existing) {
    await ctx.db.updateTable('rota_shifts').set({ clinician_id: clinicianId, starts_at: startsAt, ends_at: endsAt, updated_at: now }).where('id', '=', id).execute();
  } else {
    await ctx.db
      .insertInto('rota_shifts')
      .values({ id, clinician_id: clinicianId, starts_at: startsAt, ends_at: endsAt, created_by: ctx.principal.userId, created_at: now, updated_at: now })
      .execute();
  }
  await ctx.audit({ action: existing ? 'rota.shifts.update' : 'rota.shifts.create', resourceType: 'rota_shift', resourceId: id, detail: { clinicianId, startsAt, endsAt } });
  return id;
}
