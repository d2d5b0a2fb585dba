import type { DbOrTx } from '../../db/database.js';

/** A person's notifications, newest first. */
export function listNotifications(db: DbOrTx, userId: string, filter: { onlyUnread: boolean; limit: number }) {
  let query = db.selectFrom('notifications').select(['id', 'kind', 'title', 'body', 'group_id', 'session_id', 'created_at', 'read_at']).where('user_id', '=', userId);
  if (filter.onlyUnread) query = query.where('read_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks unread notifications of a user read (one, or all when `id` is omitted); returns how many changed. */
export async function markRead(db: DbOrTx, userId: string, now: Date, id?: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: now.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];
