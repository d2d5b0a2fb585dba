import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';

/**
 * Sets (or, with an empty string, clears) the signed-in clinician's mobile for alert SMS, stored
 * as E.164. Numbers without a +country code are read for the service's country.
 */
export async function setMobile(ctx: UseCaseContext, typed: string): Promise<string | null> {
  let mobile: string | null = null;
  if (typed !== '') {
    const parsed = parsePhoneNumberFromString(typed, ctx.hearth.config.serviceCountry);
    if (!parsed?.isValid()) {
      throw new AppError('invalid_phone_number', 'This is not a valid phone number. Include the country code if it is not a local number.', [{ path: 'body.mobile', message: 'Not a valid phone number.' }]);
    }
    mobile = parsed.number;
  }
  await ctx.db.updateTable('users').set({ mobile_e164: mobile, updated_at: ctx.now.toISOString() }).where('id', '=', ctx.principal.userId).execute();
  await ctx.audit({ action: 'me.mobile.update', resourceType: 'user', resourceId: ctx.principal.userId, detail: { cleared: mobile === null } });
  return mobile;
}
