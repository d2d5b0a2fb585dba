import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { ALERTS_CHANNEL } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';

/** A clinician acknowledges an open alert: the escalation clock stops; audited in the same transaction. */
export async function acknowledgeAlert(ctx: Pick<UseCaseContext, 'db' | 'now' | 'principal' | 'audit'>, alertId: string): Promise<void> {
  const result = await ctx.db
    .updateTable('alerts')
    .set({ status: 'acknowledged', acknowledged_at: ctx.now.toISOString(), acknowledged_by: ctx.principal.userId })
    .where('id', '=', alertId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('invalid_state', 'This alert was already acknowledged.');
  await ctx.audit({ action: 'alerts.acknowledge', resourceType: 'alert', resourceId: alertId });
  await publish(ctx.db, ALERTS_CHANNEL, { type: 'alert.updated', alertId, groupId: null });
}
