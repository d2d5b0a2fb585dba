import { sql } from 'kysely';
import type { AlertOutcome } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { ALERTS_CHANNEL } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';

/** A clinician resolves an alert with its outcome (and an optional note); audited in the same transaction. */
export async function resolveAlert(
  ctx: Pick<UseCaseContext, 'db' | 'now' | 'principal' | 'audit'>,
  alertId: string,
  outcome: AlertOutcome,
  note: string | undefined,
): Promise<void> {
  const now = ctx.now.toISOString();
  const result = await ctx.db
    .updateTable('alerts')
    .set({
      status: 'resolved',
      outcome,
      resolution_note: note ?? null,
      resolved_at: now,
      resolved_by: ctx.principal.userId,
      // Resolving an alert nobody acknowledged acknowledges it too, for response-time figures.
      acknowledged_at: sql<string>`coalesce(acknowledged_at, ${now})`,
      acknowledged_by: sql<string>`coalesce(acknowledged_by, ${ctx.principal.userId})`,
    })
    .where('id', '=', alertId)
    .where('status', '!=', 'resolved')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('invalid_state', 'This alert is already resolved.');
  await ctx.audit({ action: 'alerts.resolve', resourceType: 'alert', resourceId: alertId, detail: { outcome } });
  await publish(ctx.db, ALERTS_CHANNEL, { type: 'alert.updated', alertId, groupId: null });
}
