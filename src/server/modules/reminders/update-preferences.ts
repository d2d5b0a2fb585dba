import type { ReminderKind } from '../../db/schema.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { readPreferences } from './read-preferences.js';

/** Saves the caller's choices (only the kinds named), audited; returns the preferences as they now stand. */
export async function updatePreferences(ctx: UseCaseContext, input: { sessionReminders?: { email: boolean } | undefined; questionnaireReminders?: { email: boolean } | undefined }) {
  const changes: [ReminderKind, boolean][] = [];
  if (input.sessionReminders) changes.push(['session_reminder', input.sessionReminders.email]);
  if (input.questionnaireReminders) changes.push(['measure_reminder', input.questionnaireReminders.email]);
  const now = ctx.now.toISOString();
  for (const [kind, email] of changes) {
    await ctx.db
      .insertInto('notification_preferences')
      .values({ user_id: ctx.principal.userId, kind, email: email ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email: email ? 1 : 0, updated_at: now }))
      .execute();
  }
  await ctx.audit({ action: 'account.notification_preferences.update', resourceType: 'user', resourceId: ctx.principal.userId, detail: Object.fromEntries(changes) });
  return readPreferences(ctx);
}
