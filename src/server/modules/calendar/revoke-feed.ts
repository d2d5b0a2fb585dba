import type { UseCaseContext } from '../../http/use-case.js';
import { revokeFeeds } from './repository.js';

/** Turns off the caller's calendar feed: its link answers 404 from now on. */
export async function revokeCalendarFeed(ctx: UseCaseContext): Promise<void> {
  const revoked = await revokeFeeds(ctx.db, ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'calendar.feed.revoke', resourceType: 'calendar_feed', detail: { revoked } });
}
