import type { IsolationThresholds } from '../../../shared/schemas/isolation.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { putSetting } from '../alerts/settings.js';
import { orderProblems, readThresholds } from './thresholds.js';

/** Changes some of the service's early-warning thresholds; a `watch` above its `reach out` is refused and nothing is stored. */
export async function updateThresholds(ctx: UseCaseContext, changes: Partial<IsolationThresholds>): Promise<IsolationThresholds> {
  const current = await readThresholds(ctx.db);
  const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as IsolationThresholds;
  const problems = orderProblems(next);
  if (problems.length > 0) throw new AppError('validation_failed', 'A "watch" threshold cannot be above its "reach out" threshold.', problems);
  await putSetting(ctx.db, 'isolation.thresholds', JSON.stringify(next), ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'isolation.thresholds.update', detail: { keys: Object.keys(changes).join(',') } });
  return next;
}
