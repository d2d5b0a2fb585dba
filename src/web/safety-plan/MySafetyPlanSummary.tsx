import { useMySafetyPlan } from './api';
import { SafetyPlanPanel } from './SafetyPlanPanel';

/**
 * The signed-in participant's own plan, fetched on demand, for screens that show risk support
 * (the measures safety screen). Shows nothing while loading or when the plan cannot be read:
 * the crisis line is always shown by the screen itself.
 */
export function MySafetyPlanSummary({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const plan = useMySafetyPlan();
  if (!plan.data?.plan) return null;
  return <SafetyPlanPanel plan={plan.data.plan} crisisLine={plan.data.crisisLine} headingLevel={headingLevel} />;
}
