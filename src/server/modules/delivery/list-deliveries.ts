import type { UseCaseContext } from '../../http/use-case.js';

/** Every attempt to reach someone about an alert: channel, recipient and why they were chosen, step, outcome, latency. */
export async function listDeliveries(ctx: UseCaseContext, alertId: string) {
  const rows = await ctx.db
    .selectFrom('alert_deliveries as d')
    .innerJoin('users as u', 'u.id', 'd.recipient_id')
    .leftJoin('alert_recipients as r', (j) => j.onRef('r.alert_id', '=', 'd.alert_id').onRef('r.user_id', '=', 'd.recipient_id'))
    .select(['d.id', 'd.step', 'd.recipient_id', 'u.display_name', 'r.reason', 'd.channel', 'd.status', 'd.error', 'd.queued_at', 'd.attempted_at', 'd.latency_ms'])
    .where('d.alert_id', '=', alertId)
    .orderBy('d.queued_at')
    .orderBy('d.step')
    .orderBy('u.display_name')
    .orderBy('d.channel')
    .execute();
  return {
    deliveries: rows.map((r) => ({
      id: r.id,
      step: r.step,
      recipient: { id: r.recipient_id, displayName: r.display_name },
      reason: r.reason,
      channel: r.channel,
      status: r.status,
      error: r.error,
      queuedAt: r.queued_at,
      attemptedAt: r.attempted_at,
      latencyMs: r.latency_ms,
    })),
  };
}
