import type { UseCaseContext } from '../../http/use-case.js';
import { hashToken, newId, newSecretToken } from '../../lib/ids.js';
import { insertFeed, revokeFeeds } from './repository.js';

/**
 * Gives the caller a new secret calendar feed and revokes any previous one, so a link that was
 * shared by mistake stops working the moment a new one is made. Only the token's hash is stored.
 */
export async function issueCalendarFeed(ctx: UseCaseContext): Promise<string> {
  const userId = ctx.principal.userId;
  if (ctx.hearth.databaseKind === 'postgres') {
    // Two concurrent requests must not both leave a live feed: serialise them on the user row.
    // (SQLite already runs one write transaction at a time.)
    await ctx.db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
  }
  const replaced = await revokeFeeds(ctx.db, userId, ctx.now);
  const token = newSecretToken();
  const id = newId();
  await insertFeed(ctx.db, { id, userId, tokenHash: hashToken(token), now: ctx.now });
  await ctx.audit({ action: 'calendar.feed.create', resourceType: 'calendar_feed', resourceId: id, detail: { replaced } });
  return token;
}
