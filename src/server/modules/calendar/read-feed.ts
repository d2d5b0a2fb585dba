import { notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { hashToken } from '../../lib/ids.js';
import { recordAudit } from '../audit/record.js';
import { renderFeed } from './render-feed.js';
import { getSetting } from '../alerts/settings.js';
import { feedSessions, findCalendarPreferences, findLiveFeed } from './repository.js';

/** How far back and ahead a feed reaches. */
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 366;
const DAY_MS = 86_400_000;
// newSecretToken(): 32 random bytes in base64url.
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * The iCalendar text for a feed token (`<token>` or `<token>.ics`). Unknown, revoked and
 * malformed tokens, and tokens of deactivated accounts, are all simply not found. Each read is
 * audited in the owner's name, since the token stands in for their sign-in.
 */
export async function readCalendarFeed(ctx: UseCaseContext, tokenParam: string, appUrl: string): Promise<string> {
  const token = tokenParam.replace(/\.ics$/i, '');
  const feed = TOKEN_FORMAT.test(token) ? await findLiveFeed(ctx.db, hashToken(token)) : undefined;
  if (!feed) throw notFound('This calendar');
  const from = new Date(ctx.now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const to = new Date(ctx.now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
  const sessions = await feedSessions(ctx.db, { userId: feed.user_id, role: feed.role }, from, to);
  const [preferences, eventTitle] = await Promise.all([findCalendarPreferences(ctx.db, feed.user_id), getSetting(ctx.db, 'calendar.event_title')]);
  const body = renderFeed(sessions, {
    serviceName: ctx.hearth.config.serviceName,
    eventTitle,
    showLocation: preferences.showLocation,
    showServiceName: preferences.showServiceName,
    appUrl,
    ownerRole: feed.role,
    from,
    to,
  });
  await recordAudit(
    ctx.db,
    { ...ctx.actor, userId: feed.user_id, role: feed.role },
    { action: 'calendar.feed.read', resourceType: 'calendar_feed', resourceId: feed.id, detail: { events: sessions.length } },
    ctx.now,
  );
  return body;
}
