import type { ErasureLine } from '../../../shared/schemas/data-rights.js';
import type { DbOrTx } from '../../db/database.js';
import { erasurePlan, type ErasureSubject, type RetentionPolicy } from './erasure-plan.js';

/** Each step of the plan with its row count and what the policy does to it (empty kinds left out). */
export async function countErasure(db: DbOrTx, subject: ErasureSubject, policy: RetentionPolicy): Promise<ErasureLine[]> {
  const lines: ErasureLine[] = [];
  for (const step of erasurePlan) {
    const count = await step.count(db, subject);
    if (count > 0) lines.push({ kind: step.kind, outcome: step.outcome(policy), count, why: step.why(policy) });
  }
  return lines;
}

/** Rows per outcome. */
export function totalsOf(lines: readonly ErasureLine[]) {
  const totals = { removed: 0, anonymised: 0, kept: 0 };
  for (const l of lines) totals[l.outcome] += l.count;
  return totals;
}
