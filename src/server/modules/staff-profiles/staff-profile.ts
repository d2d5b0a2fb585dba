import { normaliseProfessionalIdentifier, type StaffProfile } from '../../../shared/schemas/billing.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';

/** The staff account, refused with 422 not_staff when it is a participant's (participants have no professional identifier). */
async function staffAccount(db: DbOrTx, userId: string): Promise<{ id: string }> {
  const user = await db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('This account');
  if (user.role === 'participant') throw new AppError('not_staff', 'Only staff accounts have a professional identifier.');
  return user;
}

/** A staff member's profile: their professional identifier (null when not recorded). */
export async function readStaffProfile(ctx: UseCaseContext, userId: string): Promise<StaffProfile> {
  await staffAccount(ctx.db, userId);
  const row = await ctx.db.selectFrom('staff_profiles').select('professional_identifier').where('user_id', '=', userId).executeTakeFirst();
  return { userId, professionalIdentifier: row?.professional_identifier ?? null };
}

/**
 * Records (or clears, with null or '') a staff member's professional identifier — the rendering
 * provider's number on a billing line. Checked by length and characters (422
 * invalid_professional_identifier, nothing written); audited without the value.
 */
export async function updateStaffProfile(ctx: UseCaseContext, userId: string, typed: string | null): Promise<StaffProfile> {
  await staffAccount(ctx.db, userId);
  let value: string | null = null;
  if (typed !== null && typed.trim() !== '') {
    value = normaliseProfessionalIdentifier(typed);
    if (!value) {
      const reason = 'Use 3 to 32 letters, digits, spaces, hyphens, full stops or slashes, as the register issued it (e.g. an NPI, GMC or HCPC number).';
      throw new AppError('invalid_professional_identifier', `${reason} Nothing was saved.`, [{ path: 'body.professionalIdentifier', message: reason }]);
    }
  }
  const values = { professional_identifier: value, updated_at: ctx.now.toISOString(), updated_by: ctx.principal.userId };
  await ctx.db
    .insertInto('staff_profiles')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
  await ctx.audit({ action: 'staff_profile.update', resourceType: 'user', resourceId: userId, detail: { professionalIdentifier: value ? 'set' : 'cleared' } });
  return { userId, professionalIdentifier: value };
}
