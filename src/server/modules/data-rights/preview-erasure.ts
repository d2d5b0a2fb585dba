import type { ErasureReport } from '../../../shared/schemas/data-rights.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { checkErasable } from './check-erasable.js';
import { countErasure, totalsOf } from './count-erasure.js';

/** The dry run: what an erasure of this participant would remove, anonymise and keep, and why. Changes nothing; audited. */
export async function previewErasure(ctx: UseCaseContext, userId: string): Promise<ErasureReport> {
  const subject = await checkErasable(ctx.db, userId, ctx.principal.userId, ctx.now);
  const policy = ctx.hearth.config.retention;
  const lines = await countErasure(ctx.db, subject, policy);
  await ctx.audit({ action: 'erasure.preview', resourceType: 'user', resourceId: userId });
  return { id: null, userId, displayName: subject.displayName, dryRun: true, policy, lines, totals: totalsOf(lines), reason: null, processedBy: null, processedAt: null };
}
