import type { InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { resolveReliableChange } from '../../../../shared/instruments/reliable-change.js';
import { isCase } from '../../../../shared/instruments/scale.js';

export { reliableChangeThreshold, resolveReliableChange } from '../../../../shared/instruments/reliable-change.js';

export type ChangeDirection = 'improved' | 'deteriorated' | 'unchanged';
export type ChangeCategory = 'reliable_improvement' | 'reliable_deterioration' | 'no_reliable_change';

export interface ChangeClassification {
  /** last − first, in score points. */
  change: number;
  /** Which way the score moved, read with the definition's `higherIsBetter`. */
  direction: ChangeDirection;
  /** |change| reached the reliable-change threshold. False when the definition has none. */
  reliable: boolean;
  category: ChangeCategory;
  threshold: number | null;
  /**
   * Recovery (NHS Talking Therapies' sense): the first score was a case and the last is not.
   * False when the definition has no caseness.
   */
  recovered: boolean;
  /** The strict definition: recovered *and* a reliable improvement. */
  reliablyRecovered: boolean;
}

const EPSILON = 1e-9;

/**
 * Classifies the change between two totals of the same instrument: direction, reliable change
 * (Jacobson–Truax threshold, reached when |change| ≥ threshold), recovery and reliable recovery.
 */
export function classifyChange(
  definition: Pick<InstrumentDefinition, 'higherIsBetter' | 'caseness' | 'reliableChange' | 'scoring'>,
  first: number,
  last: number,
): ChangeClassification {
  const { min, max } = definition.scoring.range;
  for (const [name, score] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (!Number.isFinite(score) || score < min - EPSILON || score > max + EPSILON) {
      throw new RangeError(`${name} score ${score} is outside the range ${min}–${max}.`);
    }
  }
  const change = last - first;
  const better = definition.higherIsBetter ? change > 0 : change < 0;
  const direction: ChangeDirection = change === 0 ? 'unchanged' : better ? 'improved' : 'deteriorated';
  const threshold = resolveReliableChange(definition.reliableChange);
  const reliable = threshold !== null && change !== 0 && Math.abs(change) >= threshold - EPSILON;
  const category: ChangeCategory = !reliable ? 'no_reliable_change' : better ? 'reliable_improvement' : 'reliable_deterioration';
  const { caseness } = definition;
  const recovered = caseness !== undefined && isCase(caseness, first) && !isCase(caseness, last);
  return {
    change,
    direction,
    reliable,
    category,
    threshold,
    recovered,
    reliablyRecovered: recovered && category === 'reliable_improvement',
  };
}

export interface ScorePair {
  first: number;
  last: number;
}

export interface PrePostEffect {
  n: number;
  meanFirst: number | null;
  meanLast: number | null;
  /** Mean of (last − first). */
  meanChange: number | null;
  sdFirst: number | null;
  sdLast: number | null;
  /** √((sd_first² + sd_last²) / 2): the pooled SD of two samples of equal size. */
  pooledSd: number | null;
  /** Cohen's d = (mean_last − mean_first) / pooled SD; negative when scores fell. Null below n = 2 or with no spread. */
  cohensD: number | null;
  /** Cohen's d signed so that positive means improvement (uses `higherIsBetter`). */
  improvementD: number | null;
}

/** Pre–post effect size for a group or service report, over the people with both a first and a last score. */
export function prePostEffectSize(definition: Pick<InstrumentDefinition, 'higherIsBetter'>, pairs: readonly ScorePair[]): PrePostEffect {
  const n = pairs.length;
  if (n === 0) {
    return {
      n,
      meanFirst: null,
      meanLast: null,
      meanChange: null,
      sdFirst: null,
      sdLast: null,
      pooledSd: null,
      cohensD: null,
      improvementD: null,
    };
  }
  const firsts = pairs.map((p) => p.first);
  const lasts = pairs.map((p) => p.last);
  const meanFirst = mean(firsts);
  const meanLast = mean(lasts);
  const sdFirst = n > 1 ? sampleSd(firsts, meanFirst) : null;
  const sdLast = n > 1 ? sampleSd(lasts, meanLast) : null;
  const pooledSd = sdFirst !== null && sdLast !== null ? Math.sqrt((sdFirst ** 2 + sdLast ** 2) / 2) : null;
  const cohensD = pooledSd !== null && pooledSd > 0 ? (meanLast - meanFirst) / pooledSd : null;
  const improvementD = cohensD === null ? null : definition.higherIsBetter ? cohensD : -cohensD;
  return { n, meanFirst, meanLast, meanChange: meanLast - meanFirst, sdFirst, sdLast, pooledSd, cohensD, improvementD };
}

export interface OutcomeSummary {
  n: number;
  reliablyImproved: number;
  reliablyDeteriorated: number;
  noReliableChange: number;
  /** People who were a case at the first score: the denominator for recovery rates. */
  casesAtStart: number;
  recovered: number;
  reliablyRecovered: number;
}

/** Counts of change categories over first → last pairs (shares are these over `n`, recovery over `casesAtStart`). */
export function summariseOutcomes(
  definition: Pick<InstrumentDefinition, 'higherIsBetter' | 'caseness' | 'reliableChange' | 'scoring'>,
  pairs: readonly ScorePair[],
): OutcomeSummary {
  const summary: OutcomeSummary = {
    n: pairs.length,
    reliablyImproved: 0,
    reliablyDeteriorated: 0,
    noReliableChange: 0,
    casesAtStart: 0,
    recovered: 0,
    reliablyRecovered: 0,
  };
  for (const pair of pairs) {
    const result = classifyChange(definition, pair.first, pair.last);
    if (result.category === 'reliable_improvement') summary.reliablyImproved += 1;
    else if (result.category === 'reliable_deterioration') summary.reliablyDeteriorated += 1;
    else summary.noReliableChange += 1;
    if (definition.caseness !== undefined && isCase(definition.caseness, pair.first)) summary.casesAtStart += 1;
    if (result.recovered) summary.recovered += 1;
    if (result.reliablyRecovered) summary.reliablyRecovered += 1;
  }
  return summary;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function sampleSd(values: readonly number[], average: number): number {
  let squares = 0;
  for (const v of values) squares += (v - average) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
