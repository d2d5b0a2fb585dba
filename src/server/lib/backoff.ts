/** How a failed send is retried: the first wait, the longest wait, and how many attempts in all. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/**
 * The wait before attempt `failedAttempts + 1`, after `failedAttempts` failures (1 or more):
 * exponential (base, 2×base, 4×base… capped at maxMs) with "equal jitter" — half of it fixed, half
 * random — so instances that failed together do not all come back at the same moment, yet no
 * retry comes sooner than half the schedule. `random` returns [0, 1) (Math.random outside tests).
 */
export function retryDelayMs(failedAttempts: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const half = ceiling / 2;
  return Math.round(half + half * Math.min(Math.max(random(), 0), 1));
}

/**
 * What to do after a failed attempt: try again at `retryAt`, or give up (`null`) once the
 * policy's attempts are spent.
 */
export function nextAttemptAt(failedAttempts: number, policy: RetryPolicy, now: Date, random: () => number = Math.random): Date | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  return new Date(now.getTime() + retryDelayMs(failedAttempts, policy, random));
}
