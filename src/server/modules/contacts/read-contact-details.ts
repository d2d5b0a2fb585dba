import type { ContactDetails } from '../../../shared/schemas/contacts.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { assertCan, hideFields } from '../../policy/policy.js';
import { presentContactDetails } from './presenters.js';
import { findContactRow, type ContactOwner } from './repository.js';

/** Reads a member's contact details, leaving an audit row; fields the caller's rule hides are removed. */
export async function readContactDetails(ctx: UseCaseContext, participantId: string): Promise<ContactDetails> {
  return read(ctx, { participantId }, { groupId: null, via: 'record' });
}

/**
 * The details taken at a referral, for the facilitators screening it and its referrer: the
 * person's own once they have an account, otherwise those kept on the referral.
 */
export async function readReferralContactDetails(ctx: UseCaseContext, referralId: string): Promise<ContactDetails> {
  const referral = await ctx.db.selectFrom('referrals').select(['participant_id', 'group_id']).where('id', '=', referralId).executeTakeFirstOrThrow();
  const owner: ContactOwner = referral.participant_id ? { participantId: referral.participant_id } : { referralId };
  return read(ctx, owner, { groupId: referral.group_id, via: 'referral' });
}

async function read(ctx: UseCaseContext, owner: ContactOwner, context: { groupId: string | null; via: string }): Promise<ContactDetails> {
  const rule = assertCan(ctx.principal, 'contact', 'read');
  const row = await findContactRow(ctx.db, owner);
  const participantId = 'participantId' in owner ? owner.participantId : null;
  await ctx.audit({
    action: 'contacts.read',
    resourceType: participantId ? 'participant' : 'referral',
    resourceId: participantId ?? ('referralId' in owner ? owner.referralId : null),
    groupId: context.groupId,
    detail: { found: !!row, by: ctx.principal.role, via: context.via },
  });
  return hideFields(rule, presentContactDetails(participantId, row, ctx.hearth.config.serviceCountry));
}
