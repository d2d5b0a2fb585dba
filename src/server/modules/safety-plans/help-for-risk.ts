import type { SafetyPlan } from '../../../shared/schemas/safety-plans.js';
import type { UseCaseContext } from '../../http/use-case.js';
import type { RiskKind } from '../risk/assess-risk.js';
import { loadSafetyPlan } from './repository.js';

/**
 * What a member is shown when risk is noticed in their own words: their safety plan for
 * self-harm; when someone is in danger from them or they from someone, the emergency number and
 * the safeguarding line instead (a self-harm plan is not what helps then). Nothing when no risk.
 */
export async function helpForRisk(
  ctx: UseCaseContext,
  risk: { tier: 'none' | 'concern' | 'urgent'; kind: RiskKind | 'none' },
): Promise<{ safetyPlan: SafetyPlan | null; danger: { emergencyNumber: string; safeguardingLine: string } | null }> {
  if (risk.tier === 'none') return { safetyPlan: null, danger: null };
  if (risk.kind === 'harm_to_others' || risk.kind === 'being_harmed') {
    return { safetyPlan: null, danger: { emergencyNumber: ctx.hearth.config.emergencyNumber, safeguardingLine: ctx.hearth.config.safeguardingLine } };
  }
  return { safetyPlan: await loadSafetyPlan(ctx.db, ctx.principal.userId), danger: null };
}
