import type { UseCaseContext } from '../../http/use-case.js';
import { clinicianOnDutyAt } from '../duty/repository.js';
import { preferencesOf } from './preferences.js';

/** The caller's notification preferences: a member's reminders, or staff's digest and their alert duty; with the addresses they go to. */
export async function readPreferences(ctx: UseCaseContext) {
  const me = ctx.principal.userId;
  const user = await ctx.db.selectFrom('users').select(['email', 'mobile_e164']).where('id', '=', me).executeTakeFirstOrThrow();
  const prefs = await preferencesOf(ctx.db, me);
  const member = ctx.principal.role === 'participant';
  return {
    audience: member ? ('member' as const) : ('staff' as const),
    emailAddress: user.email,
    mobile: user.mobile_e164,
    smsAvailable: ctx.hearth.config.smsHttp !== null,
    sessionReminders: member ? prefs.session_reminder : null,
    questionnaireReminders: member ? { email: prefs.measure_reminder.email } : null,
    sessionDigest: member ? null : { email: prefs.session_digest.email },
    alerts: member ? null : { onDutyNow: (await clinicianOnDutyAt(ctx.db, ctx.now.toISOString())) === me },
  };
}
