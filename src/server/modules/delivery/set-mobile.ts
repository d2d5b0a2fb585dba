import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { toE164 } from '../../lib/phone.js';
import { turnOffTexts } from '../reminders/preferences.js';

/**
 * Sets (or, with an empty string, removes) the caller's own mobile number, where text messages go:
 * alert texts for a clinician, session reminder texts for a member. Stored as E.164, checked by
 * the one phone rule (`lib/phone.ts`: written without +country code it must be valid for the
 * service's country); a bad number is refused 422 `invalid_phone` with nothing changed. Removing
 * the number turns text reminders off and cancels the texts still queued, in the same
 * transaction, so nothing is left switched on that can never arrive. Audited.
 */
export async function setMobile(ctx: UseCaseContext, typed: string): Promise<{ mobile: string | null; textRemindersTurnedOff: boolean }> {
  const { serviceCountry, nodeEnv } = ctx.hearth.config;
  let mobile: string | null = null;
  if (typed !== '') {
    mobile = toE164(typed, { country: serviceCountry, allowFictional: nodeEnv !== 'production' });
    if (!mobile) {
      throw new AppError(
        'invalid_phone',
        `This is not a valid mobile number for ${serviceCountry}. Write it as it is dialled in ${serviceCountry}, or start with + and the country code. Nothing was saved.`,
        [{ path: 'body.mobile', message: `Not a valid phone number for ${serviceCountry}.` }],
      );
    }
  }
  const before = await ctx.db.selectFrom('users').select('mobile_e164').where('id', '=', ctx.principal.userId).executeTakeFirstOrThrow();
  await ctx.db.updateTable('users').set({ mobile_e164: mobile, updated_at: ctx.now.toISOString() }).where('id', '=', ctx.principal.userId).execute();
  const turnedOff = mobile === null ? await turnOffTexts(ctx.db, ctx.principal.userId, ctx.now) : [];
  await ctx.audit({
    action: 'me.mobile.update',
    resourceType: 'user',
    resourceId: ctx.principal.userId,
    detail: { change: mobile === null ? 'removed' : before.mobile_e164 ? 'changed' : 'added', textRemindersTurnedOff: turnedOff.length > 0 },
  });
  return { mobile, textRemindersTurnedOff: turnedOff.length > 0 };
}
