import type { SendAppreciationBody } from '../../../shared/schemas/feedback.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { enrolmentAt, notAMember, requireEnrolledMember } from '../../policy/membership.js';
import { moderate, moderationAuthor, statusOf } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';
import { isBlocked } from '../space/blocks.js';

/**
 * A member sends an appreciation to named peers of the same group. Every recipient must be a
 * current member other than the sender; the text goes through the one moderation entry point.
 */
export async function sendAppreciation(ctx: UseCaseContext, groupId: string, body: SendAppreciationBody): Promise<{ id: string; status: 'published' | 'held' }> {
  const { enrolmentId: senderId } = await requireEnrolledMember(ctx, groupId, 'contribute');
  const wanted = [...new Set(body.recipientEnrolmentIds)];
  if (wanted.includes(senderId)) throw new AppError('cannot_appreciate_self', 'Appreciations are for the other members of your group.');
  const recipients = await ctx.db
    .selectFrom('enrolments')
    .select(['id', 'participant_id'])
    .where('id', 'in', wanted)
    .where('group_id', '=', groupId)
    .where(enrolmentAt('contribute', 'status'))
    .execute();
  if (recipients.length !== wanted.length) {
    throw notAMember('contribute', 'Appreciations can only go to current members of this group.');
  }
  if (recipients.some((r) => r.participant_id === ctx.principal.userId)) throw new AppError('cannot_appreciate_self', 'Appreciations are for the other members of your group.');
  // A block in the group space (either way) also stops direct appreciations.
  for (const r of recipients) {
    if (await isBlocked(ctx.db, senderId, r.id)) throw notAMember('contribute', 'This person cannot receive appreciations from you in this group.');
  }
  if (body.sessionId) {
    const session = await ctx.db
      .selectFrom('group_sessions')
      .select('id')
      .where('id', '=', body.sessionId)
      .where('group_id', '=', groupId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (!session) throw new AppError('validation_failed', 'Choose one of this group’s sessions.', [{ path: 'sessionId', message: 'Not a session of this group.' }]);
  }
  const decision = await moderate(ctx.db, { groupId, author: moderationAuthor(ctx.principal, senderId), kind: 'appreciation', fields: { body: body.body } }, ctx.now);
  const status = statusOf(decision);
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('appreciations')
    .values({
      id,
      group_id: groupId,
      sender_enrolment_id: senderId,
      sender_id: ctx.principal.userId,
      session_id: body.sessionId ?? null,
      body: decision.texts.body,
      moderation_status: status,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('appreciation_recipients')
    .values(recipients.map((r) => ({ appreciation_id: id, recipient_enrolment_id: r.id, recipient_id: r.participant_id, created_at: now })))
    .execute();
  await recordModeration(ctx.db, decision, id, ctx.now);
  await ctx.audit({ action: 'appreciations.send', resourceType: 'appreciation', resourceId: id, groupId, detail: { recipients: recipients.length, status } });
  return { id, status: status === 'held' ? 'held' : 'published' };
}
