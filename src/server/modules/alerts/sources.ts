import type { DbOrTx } from '../../db/database.js';
import type { AlertTier } from '../../db/schema.js';

/** For the queue: how many items each alert stands for and when the latest came (a fold has several). */
export async function sourceSummaries(db: DbOrTx, alertIds: readonly string[]): Promise<Map<string, { count: number; lastAt: string }>> {
  if (alertIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('alert_sources')
    .select(['alert_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('created_at').as('last_at')])
    .where('alert_id', 'in', alertIds)
    .groupBy('alert_id')
    .execute();
  return new Map(rows.map((r) => [r.alert_id, { count: Number(r.n), lastAt: r.last_at }]));
}

/** Every item behind one alert, oldest first. */
export async function listAlertSources(db: DbOrTx, alertId: string): Promise<{ sourceType: string; sourceId: string; tier: AlertTier; createdAt: string }[]> {
  const rows = await db
    .selectFrom('alert_sources')
    .select(['source_type', 'source_id', 'tier', 'created_at'])
    .where('alert_id', '=', alertId)
    .orderBy('created_at')
    .orderBy('source_id')
    .execute();
  return rows.map((r) => ({ sourceType: r.source_type, sourceId: r.source_id, tier: r.tier, createdAt: r.created_at }));
}

/**
 * Points an alert raised for one item at the item that took its place (an incomplete
 * questionnaire's urgent alert at the response later stored under the same key): the alert and
 * its source row move together, and the summary becomes the new item's.
 */
export async function moveAlertSource(db: DbOrTx, alertId: string, fromType: string, to: { sourceType: string; sourceId: string; summary: string }): Promise<void> {
  await db.updateTable('alerts').set({ source_type: to.sourceType, source_id: to.sourceId, summary: to.summary }).where('id', '=', alertId).execute();
  await db.updateTable('alert_sources').set({ source_type: to.sourceType, source_id: to.sourceId }).where('alert_id', '=', alertId).where('source_type', '=', fromType).execute();
}
