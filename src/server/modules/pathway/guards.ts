import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { isFacilitator } from '../../policy/membership.js';

/**
 * Changes along the pathway are for the group's facilitators. A referring clinician follows
 * their referrals read-only; to them the change looks like any record outside their reach.
 */
export async function assertFacilitator(ctx: UseCaseContext, groupId: string): Promise<void> {
  if (ctx.principal.role !== 'clinician') throw new AppError('forbidden', 'Only the group’s facilitators can do this.');
  if (!(await isFacilitator(ctx.db, ctx.principal.userId, groupId))) throw notFound();
}
