import type { Band, Caseness, ScoringRule } from './definition.js';

/**
 * Arithmetic every part of Hearth must agree on: item bounds, reverse scoring, rounding, the score
 * range and which band a score falls in. Shared by validation, the scorer and the web client.
 */

export interface Bounds {
  min: number;
  max: number;
}

/** Lowest and highest option value of an item. */
export function itemBounds(item: { readonly options: readonly { readonly value: number }[] }): Bounds {
  let min = Infinity;
  let max = -Infinity;
  for (const option of item.options) {
    if (option.value < min) min = option.value;
    if (option.value > max) max = option.value;
  }
  return { min, max };
}

/** Reverse scoring: (lowest + highest) − value. Applying it twice gives the value back. */
export function reverseValue(bounds: Bounds, value: number): number {
  return bounds.min + bounds.max - value;
}

/** Decimal places a fractional total is rounded to: as declared, else 1 for a sum and 2 for a mean. */
export function scoreDecimals(definition: { readonly scoring: Pick<ScoringRule, 'method' | 'decimals'> }): number {
  return definition.scoring.decimals ?? (definition.scoring.method === 'sum' ? 1 : 2);
}

/**
 * numerator / denominator rounded to `decimals`, half away from zero. Computed from integers so
 * that a true half (10.25 → 10.3) is never misread by binary floating point.
 */
export function roundRatio(numerator: number, denominator: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = (Math.abs(numerator) * factor) / denominator;
  const rounded = Math.round(scaled) / factor;
  return numerator < 0 ? -rounded : rounded;
}

/** Rounds a value to `decimals`, half away from zero (tolerating binary noise such as 2.675). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled + 1e-9 * Math.max(1, scaled)) / factor;
  return value < 0 ? -rounded : rounded;
}

/** The range of totals the items allow (null when nothing is scored). */
export function computeScoreRange(definition: {
  readonly items: readonly { readonly scored: boolean; readonly options: readonly { readonly value: number }[] }[];
  readonly scoring: Pick<ScoringRule, 'method' | 'decimals'>;
}): Bounds | null {
  let minSum = 0;
  let maxSum = 0;
  let count = 0;
  for (const item of definition.items) {
    if (!item.scored) continue;
    const bounds = itemBounds(item);
    minSum += bounds.min;
    maxSum += bounds.max;
    count += 1;
  }
  if (count === 0) return null;
  if (definition.scoring.method === 'sum') return { min: minSum, max: maxSum };
  const decimals = scoreDecimals(definition);
  return { min: roundRatio(minSum, count, decimals), max: roundRatio(maxSum, count, decimals) };
}

/** Spacing of band bounds: whole numbers for a sum, 10^-decimals for a mean. */
export function bandStep(definition: { readonly scoring: Pick<ScoringRule, 'method' | 'decimals'> }): number {
  return definition.scoring.method === 'sum' ? 1 : 10 ** -scoreDecimals(definition);
}

/** Bands from lowest to highest score (a copy; the definition is not reordered). */
export function sortBands(bands: readonly Band[]): Band[] {
  return [...bands].sort((a, b) => a.min - b.min);
}

/**
 * The band a score falls in: the last band whose min is at or below it. Bands are contiguous, so a
 * fractional score between one band's max and the next band's min stays in the lower band.
 */
export function bandFor(sortedBands: readonly Band[], score: number): Band | null {
  let found: Band | null = null;
  for (const band of sortedBands) {
    if (band.min <= score) found = band;
    else break;
  }
  if (found !== null && score > found.max && found === sortedBands[sortedBands.length - 1]) return null;
  return found;
}

/** Whether a score is in the clinical range. */
export function isCase(caseness: Caseness, score: number): boolean {
  return caseness.direction === 'atOrAbove' ? score >= caseness.threshold : score <= caseness.threshold;
}
