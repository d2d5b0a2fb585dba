import type { UseCaseContext } from '../../http/use-case.js';
import { ACTIVITY_WINDOW_DAYS, memberActivity } from './member-activity.js';

/** Per member of a group, what they chose to share and how active they are (never private items); audited. */
export async function groupMemberActivity(ctx: UseCaseContext, groupId: string) {
  const members = await memberActivity(ctx.db, groupId, ctx.now);
  await ctx.audit({ action: 'member_activity.read', resourceType: 'group', resourceId: groupId, groupId });
  return { members, windowDays: ACTIVITY_WINDOW_DAYS };
}

/** One member's shared activity, for their record; audited. */
export async function enrolmentActivity(ctx: UseCaseContext, enrolmentId: string) {
  const { group_id: groupId } = await ctx.db.selectFrom('enrolments').select('group_id').where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  const members = await memberActivity(ctx.db, groupId, ctx.now, enrolmentId);
  await ctx.audit({ action: 'member_activity.read', resourceType: 'enrolment', resourceId: enrolmentId, groupId });
  return { members, windowDays: ACTIVITY_WINDOW_DAYS };
}
