import type { ErasureReport } from '../../../shared/schemas/data-rights.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { checkErasable } from './check-erasable.js';
import { countErasure, totalsOf } from './count-erasure.js';
import { ERASED_NAME, erasurePlan } from './erasure-plan.js';

/**
 * Carries out an erasure in the request's one transaction: every step of the plan the retention
 * policy does not keep, then the report (counted before, so it says what was there) stored with
 * the policy applied, and one audit row with the totals. Any failure rolls all of it back.
 */
export async function eraseParticipant(ctx: UseCaseContext, userId: string, reason: string): Promise<ErasureReport> {
  const subject = await checkErasable(ctx.db, userId, ctx.principal.userId, ctx.now);
  const policy = ctx.hearth.config.retention;
  const lines = await countErasure(ctx.db, subject, policy);
  for (const step of erasurePlan) {
    if (step.outcome(policy) !== 'kept') await step.apply(ctx.db, subject, policy);
  }
  const admin = await ctx.db.selectFrom('users').select('display_name').where('id', '=', ctx.principal.userId).executeTakeFirstOrThrow();
  const id = newId();
  const totals = totalsOf(lines);
  const report: ErasureReport = {
    id,
    userId,
    displayName: ERASED_NAME,
    dryRun: false,
    policy,
    lines,
    totals,
    reason,
    processedBy: admin.display_name,
    processedAt: subject.now,
  };
  await ctx.db
    .insertInto('erasure_requests')
    .values({ id, user_id: userId, requested_by: ctx.principal.userId, reason, policy: JSON.stringify(policy), report: JSON.stringify(report), created_at: subject.now })
    .execute();
  await ctx.audit({
    action: 'erasure.process',
    resourceType: 'user',
    resourceId: userId,
    detail: { erasure: id, ...totals, clinicalRecord: policy.clinicalRecord, measures: policy.measures },
  });
  return report;
}
