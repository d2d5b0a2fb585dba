import type { z } from 'zod';
import type { intakeBodySchema, referralBodySchema } from '../../../shared/schemas/pathway.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { saveContactDetails } from '../contacts/save-contact-details.js';
import { groupCapacity } from '../groups/capacity.js';
import { mailOfferLinks } from './offer-links.js';
import { parseRecordNumber, saveRecordNumber } from './record-number.js';
import { loadReferralRow, waitlistOrder } from './repository.js';

/** A clinician refers a person to a group, with a reason. Any clinician may refer. */
export async function createReferral(ctx: UseCaseContext, input: z.infer<typeof referralBodySchema>): Promise<string> {
  const recordNumber = input.recordNumber !== undefined ? parseRecordNumber(ctx, input.recordNumber) : undefined;
  const group = await ctx.db.selectFrom('therapy_groups').select(['id', 'status']).where('id', '=', input.groupId).executeTakeFirst();
  if (!group) throw new AppError('validation_failed', 'Unknown group.', [{ path: 'body.groupId', message: 'Unknown group.' }]);
  if (group.status === 'completed' || group.status === 'cancelled') throw new AppError('invalid_state', `This group is ${group.status}: it takes no referrals.`);
  const open = await ctx.db
    .selectFrom('referrals')
    .select('id')
    .where('group_id', '=', input.groupId)
    .where('person_email', '=', input.personEmail)
    .where('status', 'in', ['referred', 'waitlisted', 'offered'])
    .executeTakeFirst();
  if (open) throw new AppError('conflict', 'This person already has an open referral to this group.');
  const existingUser = await ctx.db.selectFrom('users').select(['id', 'role']).where('email', '=', input.personEmail).executeTakeFirst();
  if (existingUser && existingUser.role !== 'participant') throw new AppError('invalid_state', 'This e-mail address belongs to a staff account.');
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('referrals')
    .values({
      id,
      group_id: input.groupId,
      person_name: input.personName,
      person_email: input.personEmail,
      participant_id: existingUser?.id ?? null,
      referred_by: ctx.principal.userId,
      reason: input.reason,
      status: 'referred',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.audit({ action: 'referrals.create', resourceType: 'referral', resourceId: id, groupId: input.groupId });
  // Someone without an account keeps their details on the referral until they accept a place.
  if (input.contact) await saveContactDetails(ctx, existingUser ? { participantId: existingUser.id } : { referralId: id }, input.contact);
  if (recordNumber) await saveRecordNumber(ctx, existingUser ? { participantId: existingUser.id } : { referralId: id }, recordNumber);
  return id;
}

/** Intake: the suitability screen. Suitable people join the waitlist; others are closed with the reason on file. */
export async function screenReferral(ctx: UseCaseContext, referralId: string, input: z.infer<typeof intakeBodySchema>): Promise<void> {
  const referral = await loadReferralRow(ctx.db, referralId);
  if (referral.status !== 'referred') throw new AppError('invalid_state', `This referral is already ${referral.status}.`);
  const recordNumber = input.recordNumber !== undefined ? parseRecordNumber(ctx, input.recordNumber) : undefined;
  const now = ctx.now.toISOString();
  await ctx.db
    .updateTable('referrals')
    .set({
      suitability: input.suitable ? 'suitable' : 'not_suitable',
      intake_notes: input.notes,
      screened_by: ctx.principal.userId,
      screened_at: now,
      status: input.suitable ? 'waitlisted' : 'not_suitable',
      waitlisted_at: input.suitable ? now : null,
      priority: input.priority,
      updated_at: now,
    })
    .where('id', '=', referralId)
    .execute();
  await ctx.audit({ action: 'referrals.intake', resourceType: 'referral', resourceId: referralId, groupId: referral.group_id, detail: { suitable: input.suitable } });
  if (input.contact) await saveContactDetails(ctx, referral.participant_id ? { participantId: referral.participant_id } : { referralId }, input.contact);
  if (recordNumber) await saveRecordNumber(ctx, referral.participant_id ? { participantId: referral.participant_id } : { referralId }, recordNumber);
}

/**
 * Offers a place. Capacity-aware (members plus live offers may not exceed capacity) and
 * ordered: offering to anyone but the head of the waitlist needs a recorded reason.
 */
export async function offerPlace(ctx: UseCaseContext, referralId: string, input: { expiresInDays: number; skipReason?: string | undefined }, origin: string): Promise<void> {
  const referral = await loadReferralRow(ctx.db, referralId);
  const expired = referral.status === 'offered' && (referral.offer_expires_at ?? '') <= ctx.now.toISOString();
  if (referral.status !== 'waitlisted' && referral.status !== 'expired' && !expired) {
    throw new AppError('invalid_state', `A place can only be offered from the waitlist (this referral is ${referral.status}).`);
  }
  const capacity = await groupCapacity(ctx.db, referral.group_id, ctx.now);
  if (capacity.openPlaces < 1) throw new AppError('group_full', `The group is full (${capacity.members} members, ${capacity.offered} open offers, capacity ${capacity.capacity}).`);
  const waitlist = await ctx.db
    .selectFrom('referrals')
    .select(['id', 'priority', 'waitlisted_at'])
    .where('group_id', '=', referral.group_id)
    .where('status', '=', 'waitlisted')
    .execute();
  const head = waitlist.sort(waitlistOrder)[0];
  if (head && head.id !== referralId && !input.skipReason) {
    throw new AppError('validation_failed', 'Someone is ahead on the waitlist: give a reason to offer out of order.', [
      { path: 'body.skipReason', message: 'Required when not first on the waitlist.' },
    ]);
  }
  const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000).toISOString();
  await ctx.db
    .updateTable('referrals')
    .set({ status: 'offered', offered_at: ctx.now.toISOString(), offer_expires_at: expiresAt, outcome_reason: input.skipReason ?? null, updated_at: ctx.now.toISOString() })
    .where('id', '=', referralId)
    .execute();
  const mail = await mailOfferLinks(ctx, referral, expiresAt, origin);
  await ctx.audit({ action: 'referrals.offer', resourceType: 'referral', resourceId: referralId, groupId: referral.group_id, detail: { outOfOrder: !!input.skipReason, mail } });
}
