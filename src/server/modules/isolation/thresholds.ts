import { DEFAULT_ISOLATION_THRESHOLDS, WATCH_REACH_OUT_PAIRS, isolationThresholdsSchema, type IsolationThresholds } from '../../../shared/schemas/isolation.js';
import type { DbOrTx } from '../../db/database.js';
import { getSetting } from '../alerts/settings.js';

/** The service's thresholds: the stored ones over the defaults (a stored value that no longer validates falls back to the defaults). */
export async function readThresholds(db: DbOrTx): Promise<IsolationThresholds> {
  const stored = await getSetting(db, 'isolation.thresholds');
  let parsed: unknown = {};
  try {
    parsed = JSON.parse(stored);
  } catch {
    parsed = {};
  }
  const merged = isolationThresholdsSchema.safeParse({ ...DEFAULT_ISOLATION_THRESHOLDS, ...(parsed as object) });
  return merged.success ? merged.data : { ...DEFAULT_ISOLATION_THRESHOLDS };
}

/** Pairs where `watch` is above `reach out`, as validation details. */
export function orderProblems(thresholds: IsolationThresholds): { path: string; message: string }[] {
  return WATCH_REACH_OUT_PAIRS.filter(([watch, reachOut]) => thresholds[watch] > thresholds[reachOut]).map(([watch, reachOut]) => ({
    path: `body.${watch}`,
    message: `Must not be above ${reachOut} (${thresholds[reachOut]}).`,
  }));
}
