import type { UseCaseContext } from '../../http/use-case.js';
import { markRead } from './repository.js';

/** Marks one of my notifications read (the route has already checked it is mine). Idempotent. */
export async function markNotificationRead(ctx: UseCaseContext, notificationId: string): Promise<void> {
  const changed = await markRead(ctx.db, ctx.principal.userId, ctx.now, notificationId);
  await ctx.audit({ action: 'notifications.read', resourceType: 'notification', resourceId: notificationId, detail: { changed } });
}

/** Marks all my notifications read. */
export async function markAllNotificationsRead(ctx: UseCaseContext): Promise<void> {
  const changed = await markRead(ctx.db, ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'notifications.read_all', resourceType: 'notification', detail: { changed } });
}
