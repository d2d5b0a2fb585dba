import { normalisePseudonym } from '../../../shared/pseudonym.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { claimReferralContacts } from '../contacts/repository.js';
import { issueInvitation, mailInvitation } from '../users/invitations.js';
import { insertUser } from '../users/repository.js';
import { claimReferralIdentifiers } from './record-number.js';
import { loadReferralRow } from './repository.js';

async function assertPseudonymFree(ctx: UseCaseContext, groupId: string, pseudonym: string): Promise<void> {
  const clash = await ctx.db
    .selectFrom('enrolments')
    .select('id')
    .where('group_id', '=', groupId)
    .where((eb) => eb(eb.fn('lower', ['pseudonym']), '=', pseudonym.toLowerCase()))
    .executeTakeFirst();
  if (clash) throw new AppError('pseudonym_taken', `Someone in this group is already called "${pseudonym}". Choose another group name.`);
}

/**
 * Records the person's answer to an offer — told to the service, or given through the offer
 * e-mail's link (`offer-links.ts`, no one signed in). Accepting creates the enrolment (invited,
 * with a pseudonym unique in the group) and, for someone without an account, a participant
 * account and a single-use invitation link, e-mailed to them. Declining closes the offer with the reason.
 */
export async function respondToOffer(
  ctx: UseCaseContext,
  referralId: string,
  input: { accept: true; pseudonym: string } | { accept: false; reason: string },
  origin: string,
): Promise<{ enrolmentId: string | null; inviteToken: string | null; mail: 'queued' | 'outbox' | null }> {
  const referral = await loadReferralRow(ctx.db, referralId);
  if (referral.status !== 'offered') throw new AppError('invalid_state', `There is no open offer on this referral (it is ${referral.status}).`);
  const now = ctx.now.toISOString();
  if ((referral.offer_expires_at ?? '') <= now) {
    const expiredAt = referral.offer_expires_at;
    ctx.onFailure(async (db) => {
      await db.updateTable('referrals').set({ status: 'expired', updated_at: now }).where('id', '=', referralId).where('status', '=', 'offered').execute();
    });
    throw new AppError('offer_expired', `This offer expired on ${expiredAt?.slice(0, 10)}. Offer the place again if it is still free.`);
  }
  if (!input.accept) {
    await ctx.db.updateTable('referrals').set({ status: 'declined', responded_at: now, outcome_reason: input.reason, updated_at: now }).where('id', '=', referralId).execute();
    await ctx.audit({ action: 'referrals.decline', resourceType: 'referral', resourceId: referralId, groupId: referral.group_id });
    return { enrolmentId: null, inviteToken: null, mail: null };
  }
  const pseudonym = normalisePseudonym(input.pseudonym);
  if (!pseudonym.ok) throw new AppError('validation_failed', pseudonym.reason, [{ path: 'body.pseudonym', message: pseudonym.reason }]);
  await assertPseudonymFree(ctx, referral.group_id, pseudonym.value);
  let participantId = referral.participant_id;
  let inviteToken: string | null = null;
  let mail: 'queued' | 'outbox' | null = null;
  if (!participantId) {
    const existing = await ctx.db.selectFrom('users').select(['id', 'role']).where('email', '=', referral.person_email).executeTakeFirst();
    if (existing && existing.role !== 'participant') throw new AppError('invalid_state', 'This e-mail address belongs to a staff account.');
    if (existing) participantId = existing.id;
    else {
      const user = await insertUser(ctx.db, {
        email: referral.person_email,
        displayName: referral.person_name,
        role: 'participant',
        status: 'invited',
        passwordHash: null,
        now: ctx.now,
      });
      participantId = user.id;
      const invitation = await issueInvitation(ctx.db, {
        userId: user.id,
        purpose: 'invite',
        createdBy: ctx.auth?.principal.userId ?? null,
        now: ctx.now,
        ttlMs: ctx.hearth.config.inviteTtlMs,
      });
      inviteToken = invitation.token;
      mail = await mailInvitation(ctx.db, ctx.hearth.config, { user, purpose: 'invite', ...invitation, origin, now: ctx.now });
    }
  }
  const already = await ctx.db
    .selectFrom('enrolments')
    .select(['id', 'status'])
    .where('group_id', '=', referral.group_id)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  if (already) throw new AppError('conflict', 'This person already has an enrolment in this group.');
  const enrolmentId = newId();
  await ctx.db
    .insertInto('enrolments')
    .values({
      id: enrolmentId,
      group_id: referral.group_id,
      participant_id: participantId,
      pseudonym: pseudonym.value,
      status: 'invited',
      joined_at: null,
      left_at: null,
      created_at: now,
      referral_id: referralId,
      status_changed_at: now,
    })
    .execute();
  await ctx.db
    .updateTable('referrals')
    .set({ status: 'enrolled', participant_id: participantId, enrolment_id: enrolmentId, responded_at: now, updated_at: now })
    .where('id', '=', referralId)
    .execute();
  // Contact details taken at referral and intake now belong to the person's record.
  await claimReferralContacts(ctx.db, referralId, participantId);
  await claimReferralIdentifiers(ctx.db, referralId, participantId);
  await ctx.audit({
    action: 'referrals.accept',
    resourceType: 'referral',
    resourceId: referralId,
    groupId: referral.group_id,
    detail: { enrolmentId, newAccount: inviteToken !== null },
  });
  return { enrolmentId, inviteToken, mail };
}
