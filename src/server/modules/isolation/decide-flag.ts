import type { IsolationFlag } from '../../../shared/schemas/isolation.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { flagRows, presentFlags } from './presenters.js';
import { snoozeEnd } from './run-early-warning.js';
import { readThresholds } from './thresholds.js';

/**
 * A facilitator records what they did about an open flag: "reached out" (a note optional) or
 * "dismissed, because …" (the reason required). The flag is kept with the decision and snoozes the
 * member for the service's snooze days; a flag already decided or cleared is refused (409).
 */
export async function decideFlag(ctx: UseCaseContext, flagId: string, input: { outcome: 'reached_out' | 'dismissed'; note?: string | undefined }): Promise<IsolationFlag> {
  const { snoozeDays } = await readThresholds(ctx.db);
  const at = ctx.now.toISOString();
  const updated = await ctx.db
    .updateTable('isolation_flags')
    .set({
      status: input.outcome,
      decided_by: ctx.principal.userId,
      decided_at: at,
      decision_note: input.note ?? null,
      snoozed_until: snoozeEnd(ctx.now, snoozeDays),
      updated_at: at,
    })
    .where('id', '=', flagId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'This flag has already been decided or has cleared.');
  const row = await flagRows(ctx.db).where('f.id', '=', flagId).executeTakeFirstOrThrow();
  await ctx.audit({ action: `isolation.${input.outcome}`, resourceType: 'isolation_flag', resourceId: flagId, groupId: row.group_id, detail: { enrolmentId: row.enrolment_id } });
  const [flag] = await presentFlags(ctx.db, [row], ctx.now);
  if (!flag) throw new Error('flag vanished');
  return flag;
}
