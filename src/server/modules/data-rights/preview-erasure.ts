import type { ErasureReport } from '../../../shared/schemas/data-rights.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { checkErasable } from './check-erasable.js';
import { countErasure, totalsOf } from './count-erasure.js';
import { storedErasureReport } from './erasure-reports.js';

/**
 * Where a participant's erasure stands: once carried out, its stored report; before, the dry run
 * — what an erasure would remove, anonymise and keep under the retention policy, and why —
 * changing nothing. Either way audited. Staff accounts are refused (erasure_not_supported).
 */
export async function erasureStatus(ctx: UseCaseContext, userId: string): Promise<ErasureReport> {
  const stored = await storedErasureReport(ctx, userId);
  if (stored) return stored;
  const subject = await checkErasable(ctx.db, userId, ctx.principal.userId, ctx.now);
  const policy = ctx.hearth.config.retention;
  const lines = await countErasure(ctx.db, subject, policy);
  await ctx.audit({ action: 'erasure.preview', resourceType: 'user', resourceId: userId });
  return { id: null, userId, displayName: subject.displayName, dryRun: true, policy, lines, totals: totalsOf(lines), reason: null, processedBy: null, processedAt: null };
}
