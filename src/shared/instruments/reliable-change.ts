import type { ReliableChangeRule } from './definition.js';

/**
 * Jacobson–Truax reliable change: RC = 1.96 · SD · √2 · √(1 − r). A change at least this large is
 * unlikely (p < .05) to be measurement error alone. `sd` is the SD of the baseline (or normative)
 * sample, `reliability` the test–retest or internal-consistency coefficient.
 */
export function reliableChangeThreshold(sd: number, reliability: number): number {
  if (!(sd > 0) || !Number.isFinite(sd)) throw new RangeError('sd must be a positive number.');
  if (!(reliability >= 0 && reliability < 1)) throw new RangeError('reliability must be at least 0 and below 1.');
  return 1.96 * sd * Math.SQRT2 * Math.sqrt(1 - reliability);
}

/** The threshold a definition's rule stands for: the fixed value, or the one computed from SD and reliability. */
export function resolveReliableChange(rule: ReliableChangeRule | undefined): number | null {
  if (rule === undefined) return null;
  return 'threshold' in rule ? rule.threshold : reliableChangeThreshold(rule.sd, rule.reliability);
}
