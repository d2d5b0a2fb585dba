import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';

const BREAK_GLASS_MINUTES = 60;

/** Emergency access for an administrator to a group's notes: reasoned, audited with its reason, for one hour (the route's object check has found the group). */
export async function openBreakGlass(ctx: UseCaseContext, input: { groupId: string; reason: string }) {
  const id = newId();
  const expiresAt = new Date(ctx.now.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString();
  await ctx.db
    .insertInto('break_glass_grants')
    .values({ id, user_id: ctx.principal.userId, group_id: input.groupId, reason: input.reason, created_at: ctx.now.toISOString(), expires_at: expiresAt })
    .execute();
  await ctx.audit({
    action: 'break_glass.open',
    resourceType: 'break_glass_grant',
    resourceId: id,
    groupId: input.groupId,
    detail: { minutes: BREAK_GLASS_MINUTES, reason: input.reason },
  });
  return { id, expiresAt };
}
