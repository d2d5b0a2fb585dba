import { AppError, notFound } from '../../http/errors.js';
import type { RouteContext } from '../../http/route.js';

/**
 * Changes along the pathway are for the group's facilitators. A referring clinician follows
 * their referrals read-only; to them the change looks like any record outside their reach.
 */
export async function assertFacilitator(ctx: RouteContext, groupId: string): Promise<void> {
  if (ctx.principal.role !== 'clinician') throw new AppError('forbidden', 'Only the group’s facilitators can do this.');
  const row = await ctx.db.selectFrom('group_facilitators').select('user_id').where('group_id', '=', groupId).where('user_id', '=', ctx.principal.userId).executeTakeFirst();
  if (!row) throw notFound();
}
