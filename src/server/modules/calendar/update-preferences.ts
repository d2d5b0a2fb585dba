import type { UseCaseContext } from '../../http/use-case.js';
import { findCalendarPreferences, saveCalendarPreferences } from './repository.js';

/**
 * Changes what the caller's calendar feed shows beyond the discreet default (the place, the
 * service's name). Kept across new feed links, and wins over the service's default; audited with the new values (no other detail).
 */
export async function updateCalendarPreferences(ctx: UseCaseContext, changes: { showLocation?: boolean | undefined; showServiceName?: boolean | undefined }) {
  const current = await findCalendarPreferences(ctx.db, ctx.principal.userId);
  const next = { showLocation: changes.showLocation ?? current.showLocation, showServiceName: changes.showServiceName ?? current.showServiceName };
  await saveCalendarPreferences(ctx.db, ctx.principal.userId, next, ctx.now);
  await ctx.audit({ action: 'calendar.preferences.update', resourceType: 'calendar_feed', detail: { showLocation: next.showLocation, showServiceName: next.showServiceName } });
  return { ...next, ownChoice: true };
}
