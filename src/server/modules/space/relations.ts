import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { publish } from '../../realtime/publish.js';
import { userChannel } from '../../realtime/events.js';
import type { SpaceViewer } from './access.js';

/** A fellow member of the viewer's group, by enrolment (current or former: old posts stay mutable). */
async function fellowMember(ctx: UseCaseContext, viewer: SpaceViewer, enrolmentId: string) {
  const row = await ctx.db.selectFrom('enrolments').select(['id', 'group_id']).where('id', '=', enrolmentId).where('group_id', '=', viewer.groupId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'This member was not found in your group.');
  if (row.id === viewer.enrolmentId) throw new AppError('invalid_state', 'You cannot mute or block yourself.');
  return row;
}

/** Mutes or unmutes a member: their posts disappear for the viewer only; they are not told. */
export async function setMute(ctx: UseCaseContext, viewer: SpaceViewer, enrolmentId: string, on: boolean): Promise<void> {
  await fellowMember(ctx, viewer, enrolmentId);
  if (on) {
    await ctx.db
      .insertInto('space_mutes')
      .values({ group_id: viewer.groupId, user_id: viewer.userId, muted_enrolment_id: enrolmentId, created_at: ctx.now.toISOString() })
      .onConflict((oc) => oc.columns(['user_id', 'muted_enrolment_id']).doNothing())
      .execute();
  } else {
    await ctx.db.deleteFrom('space_mutes').where('user_id', '=', viewer.userId).where('muted_enrolment_id', '=', enrolmentId).execute();
  }
  await ctx.audit({ action: on ? 'space.mute' : 'space.unmute', resourceType: 'enrolment', resourceId: enrolmentId, groupId: viewer.groupId });
  await publish(ctx.db, userChannel(viewer.userId), { type: 'space.mutes', userId: viewer.userId, groupId: viewer.groupId });
}

/**
 * Blocks or unblocks a member: their posts are hidden for the viewer, neither can reply to the
 * other or address the other directly (see isBlocked). Members only: staff are never blocked.
 */
export async function setBlock(ctx: UseCaseContext, viewer: SpaceViewer, enrolmentId: string, on: boolean): Promise<void> {
  if (!viewer.enrolmentId) throw new AppError('forbidden', 'Only members block other members.');
  await fellowMember(ctx, viewer, enrolmentId);
  if (on) {
    await ctx.db
      .insertInto('space_blocks')
      .values({ group_id: viewer.groupId, blocker_enrolment_id: viewer.enrolmentId, blocked_enrolment_id: enrolmentId, created_at: ctx.now.toISOString() })
      .onConflict((oc) => oc.columns(['blocker_enrolment_id', 'blocked_enrolment_id']).doNothing())
      .execute();
  } else {
    await ctx.db.deleteFrom('space_blocks').where('blocker_enrolment_id', '=', viewer.enrolmentId).where('blocked_enrolment_id', '=', enrolmentId).execute();
  }
  await ctx.audit({ action: on ? 'space.block' : 'space.unblock', resourceType: 'enrolment', resourceId: enrolmentId, groupId: viewer.groupId });
  await publish(ctx.db, userChannel(viewer.userId), { type: 'space.mutes', userId: viewer.userId, groupId: viewer.groupId });
}
