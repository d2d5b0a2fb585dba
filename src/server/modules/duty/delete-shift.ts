import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';

/** Removes a duty shift (the time it covered falls to the fallback unless re-covered). */
export async function deleteShift(ctx: UseCaseContext, shiftId: string): Promise<void> {
  const result = await ctx.db.deleteFrom('rota_shifts').where('id', '=', shiftId).executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw new AppError('not_found', 'This shift was not found.');
  await ctx.audit({ action: 'rota.shifts.delete', resourceType: 'rota_shift', resourceId: shiftId });
}
