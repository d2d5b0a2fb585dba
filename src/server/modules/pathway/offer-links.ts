import type { Selectable } from 'kysely';
import type { ReferralsTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { hashToken, newId, newSecretToken } from '../../lib/ids.js';
import { queueTemplatedMail, templateOptions } from '../mail/queue-mail.js';
import { invitationUrl } from '../users/invitations.js';
import { respondToOffer } from './respond-to-offer.js';

// An offer of a place is e-mailed to the referred person with two links, accept and decline,
// that carry one random token (in the URL fragment, so it never reaches server logs). Only its
// hash is stored; it works once, until the offer expires, and a new offer replaces it.

export type OfferLinkState = 'open' | 'accepted' | 'declined' | 'expired' | 'closed';

/** The page a person opens from the offer e-mail, with the answer it proposes. */
export function offerLinkUrl(origin: string, token: string, answer: 'accept' | 'decline'): string {
  return `${origin}/offer#token=${token}&answer=${answer}`;
}

/** Issues the offer's link (retiring any earlier one of this referral) and e-mails it to the person. */
export async function mailOfferLinks(ctx: UseCaseContext, referral: Selectable<ReferralsTable>, expiresAt: string, origin: string): Promise<'queued' | 'outbox'> {
  const now = ctx.now.toISOString();
  await ctx.db.updateTable('offer_links').set({ used_at: now }).where('referral_id', '=', referral.id).where('used_at', 'is', null).execute();
  const token = newSecretToken();
  await ctx.db
    .insertInto('offer_links')
    .values({ id: newId(), referral_id: referral.id, token_hash: hashToken(token), created_at: now, expires_at: expiresAt, used_at: null, answer: null })
    .execute();
  return queueTemplatedMail(
    ctx.db,
    { userId: referral.participant_id, address: referral.person_email },
    { kind: 'offer', name: referral.person_name, acceptUrl: offerLinkUrl(origin, token, 'accept'), declineUrl: offerLinkUrl(origin, token, 'decline'), expiresAt },
    templateOptions(ctx.hearth.config, ctx.now),
  );
}

async function findLink(ctx: UseCaseContext, token: string) {
  const row = await ctx.db
    .selectFrom('offer_links as l')
    .innerJoin('referrals as r', 'r.id', 'l.referral_id')
    .innerJoin('therapy_groups as g', 'g.id', 'r.group_id')
    .select([
      'l.id',
      'l.used_at',
      'l.answer',
      'l.expires_at',
      'r.id as referral_id',
      'r.status',
      'r.offer_expires_at',
      'r.person_name',
      'r.person_email',
      'r.participant_id',
      'r.group_id',
      'g.name as group_name',
    ])
    .where('l.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw new AppError('offer_link_invalid', 'This link is not valid. Please use the newest e-mail about your offer, or contact the service.');
  return row;
}

function stateOf(link: Awaited<ReturnType<typeof findLink>>, now: string): OfferLinkState {
  if (link.answer) return link.answer;
  if (link.used_at) return 'closed';
  if (link.status === 'offered') return (link.offer_expires_at ?? '') <= now || link.expires_at <= now ? 'expired' : 'open';
  if (link.status === 'expired') return 'expired';
  return 'closed';
}

/** A signed-in person may only answer their own offer (the link is theirs by its e-mail address). */
async function assertNotSomeoneElse(ctx: UseCaseContext, link: Awaited<ReturnType<typeof findLink>>): Promise<void> {
  if (!ctx.auth) return;
  const me = ctx.auth.principal.userId;
  if (link.participant_id) {
    if (link.participant_id === me) return;
  } else {
    const user = await ctx.db.selectFrom('users').select('email').where('id', '=', me).executeTakeFirst();
    if (user && user.email.toLowerCase() === link.person_email.toLowerCase()) return;
  }
  throw new AppError('offer_wrong_person', 'This offer was sent to someone else. Sign out first if you are opening it for the person it was sent to.');
}

/** What the offer page shows: whose offer, which group, its first session and whether it can still be answered. */
export async function inspectOfferLink(ctx: UseCaseContext, token: string) {
  const link = await findLink(ctx, token);
  await assertNotSomeoneElse(ctx, link);
  const first = await ctx.db
    .selectFrom('group_sessions')
    .select('starts_at')
    .where('group_id', '=', link.group_id)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', ctx.now.toISOString())
    .orderBy('starts_at')
    .executeTakeFirst();
  return {
    state: stateOf(link, ctx.now.toISOString()),
    personName: link.person_name,
    groupName: link.group_name,
    firstSessionAt: first?.starts_at ?? null,
    expiresAt: link.offer_expires_at ?? link.expires_at,
    serviceName: ctx.hearth.config.serviceName,
  };
}

/**
 * Answers an offer from its link, without signing in: spends the link (a conditional update, so
 * two answers at once record one) and records the answer through `respondToOffer`. A link already
 * answered, expired or replaced changes nothing and says which.
 */
export async function answerOfferByLink(
  ctx: UseCaseContext,
  token: string,
  input: { accept: true; pseudonym: string } | { accept: false; reason?: string | undefined },
  origin: string,
): Promise<{ answer: 'accepted' | 'declined'; inviteUrl: string | null; mail: 'queued' | 'outbox' | null }> {
  const link = await findLink(ctx, token);
  await assertNotSomeoneElse(ctx, link);
  const state = stateOf(link, ctx.now.toISOString());
  if (state === 'accepted' || state === 'declined') throw new AppError('offer_link_used', `You already ${state} this place. Nothing has changed.`);
  if (state === 'expired') throw new AppError('offer_expired', 'This offer has expired. Please contact the service if you would still like a place.');
  if (state === 'closed') throw new AppError('offer_link_invalid', 'This offer is no longer open. Please use the newest e-mail about your offer, or contact the service.');
  const answer = input.accept ? 'accepted' : 'declined';
  const spent = await ctx.db.updateTable('offer_links').set({ used_at: ctx.now.toISOString(), answer }).where('id', '=', link.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw new AppError('offer_link_used', 'This offer was already answered. Nothing has changed.');
  const result = await respondToOffer(
    ctx,
    link.referral_id,
    input.accept ? { accept: true, pseudonym: input.pseudonym } : { accept: false, reason: input.reason?.trim() || 'Declined through the link in the offer e-mail.' },
    origin,
  );
  return { answer, inviteUrl: result.inviteToken ? invitationUrl(origin, result.inviteToken) : null, mail: result.mail };
}
