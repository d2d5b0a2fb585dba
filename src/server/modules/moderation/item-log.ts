import type { DbOrTx } from '../../db/database.js';

export interface LogEntry {
  action: string;
  reason: string;
  byFacilitator: boolean;
  at: string;
}

/** The moderation log of some items, oldest first per item. */
export async function logsFor(db: DbOrTx, itemIds: readonly string[]): Promise<Map<string, LogEntry[]>> {
  const map = new Map<string, LogEntry[]>();
  if (itemIds.length === 0) return map;
  const rows = await db
    .selectFrom('moderation_log')
    .select(['item_id', 'action', 'reason', 'actor_id', 'created_at'])
    .where('item_id', 'in', itemIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.item_id) ?? [];
    list.push({ action: r.action, reason: r.reason, byFacilitator: r.actor_id !== null, at: r.created_at });
    map.set(r.item_id, list);
  }
  return map;
}

/** The highest risk tier the log recorded for each item. */
export async function riskTiersFor(db: DbOrTx, itemIds: readonly string[]): Promise<Map<string, 'none' | 'concern' | 'urgent'>> {
  const map = new Map<string, 'none' | 'concern' | 'urgent'>();
  if (itemIds.length === 0) return map;
  const rank = { none: 0, concern: 1, urgent: 2 } as const;
  const rows = await db.selectFrom('moderation_log').select(['item_id', 'risk_tier']).where('item_id', 'in', itemIds).execute();
  for (const r of rows) if (rank[r.risk_tier] >= rank[map.get(r.item_id) ?? 'none']) map.set(r.item_id, r.risk_tier);
  return map;
}
