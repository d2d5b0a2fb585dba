import type { UseCaseContext } from '../../http/use-case.js';
import { preferencesOf } from './preferences.js';

/** The caller's reminder preferences and the address e-mail goes to. */
export async function readPreferences(ctx: UseCaseContext) {
  const user = await ctx.db.selectFrom('users').select('email').where('id', '=', ctx.principal.userId).executeTakeFirstOrThrow();
  const prefs = await preferencesOf(ctx.db, ctx.principal.userId);
  return { emailAddress: user.email, sessionReminders: prefs.session_reminder, questionnaireReminders: prefs.measure_reminder };
}
