import { describe, expect, it } from 'vitest';
import { CONNECTED_CHECK_IN, GAD_7, PHQ_2, PHQ_9 } from '../../../../shared/instruments/builtins/index.js';
import type { InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { classifyChange, prePostEffectSize, reliableChangeThreshold, summariseOutcomes } from './change.js';

describe('classifyChange on PHQ-9 (higher is worse, reliable change 6, caseness ≥ 10)', () => {
  it.each([
    [18, 12, 'improved', true, 'reliable_improvement', false, false],
    [18, 13, 'improved', false, 'no_reliable_change', false, false],
    [12, 9, 'improved', false, 'no_reliable_change', true, false],
    [15, 9, 'improved', true, 'reliable_improvement', true, true],
    [10, 4, 'improved', true, 'reliable_improvement', true, true],
    [9, 3, 'improved', true, 'reliable_improvement', false, false],
    [4, 10, 'deteriorated', true, 'reliable_deterioration', false, false],
    [4, 9, 'deteriorated', false, 'no_reliable_change', false, false],
    [11, 11, 'unchanged', false, 'no_reliable_change', false, false],
  ] as const)('%i → %i: %s, reliable %s, recovered %s, reliably %s', (first, last, direction, reliable, category, recovered, reliablyRecovered) => {
    expect(classifyChange(PHQ_9, first, last)).toEqual({
      change: last - first,
      direction,
      reliable,
      category,
      threshold: 6,
      recovered,
      reliablyRecovered,
    });
  });

  it('uses GAD-7 thresholds (4 and ≥ 8)', () => {
    expect(classifyChange(GAD_7, 12, 8)).toMatchObject({ category: 'reliable_improvement', recovered: false });
    expect(classifyChange(GAD_7, 11, 7)).toMatchObject({
      category: 'reliable_improvement',
      recovered: true,
      reliablyRecovered: true,
    });
    expect(classifyChange(GAD_7, 9, 6)).toMatchObject({
      category: 'no_reliable_change',
      recovered: true,
      reliablyRecovered: false,
    });
  });

  it('reads direction with higherIsBetter', () => {
    expect(classifyChange(CONNECTED_CHECK_IN, 3, 7)).toMatchObject({
      direction: 'improved',
      reliable: false,
      threshold: null,
      recovered: false,
    });
    const withThreshold: InstrumentDefinition = {
      ...CONNECTED_CHECK_IN,
      kind: 'validated',
      reliableChange: { threshold: 3 },
      caseness: { threshold: 3, direction: 'atOrBelow' },
    };
    expect(classifyChange(withThreshold, 2, 7)).toMatchObject({
      direction: 'improved',
      category: 'reliable_improvement',
      recovered: true,
      reliablyRecovered: true,
    });
    expect(classifyChange(withThreshold, 8, 4)).toMatchObject({
      direction: 'deteriorated',
      category: 'reliable_deterioration',
      recovered: false,
    });
  });

  it('computes the threshold from SD and reliability when the definition gives those', () => {
    const definition: InstrumentDefinition = { ...PHQ_9, reliableChange: { sd: 5, reliability: 0.84 } };
    const threshold = reliableChangeThreshold(5, 0.84);
    expect(classifyChange(definition, 15, 10)).toMatchObject({ reliable: false, threshold });
    expect(classifyChange(definition, 15, 9)).toMatchObject({ reliable: true, category: 'reliable_improvement' });
  });

  it('never calls a change reliable without a threshold', () => {
    expect(classifyChange(PHQ_2, 6, 0)).toMatchObject({
      reliable: false,
      category: 'no_reliable_change',
      recovered: true,
      reliablyRecovered: false,
    });
  });

  it('works with prorated (fractional) totals', () => {
    expect(classifyChange(PHQ_9, 16.1, 10.1)).toMatchObject({ reliable: true, recovered: false });
    expect(classifyChange(PHQ_9, 10.1, 9.9)).toMatchObject({ reliable: false, recovered: true });
  });

  it('refuses scores outside the range', () => {
    expect(() => classifyChange(PHQ_9, 28, 3)).toThrow(RangeError);
    expect(() => classifyChange(PHQ_9, 3, Number.NaN)).toThrow(RangeError);
  });
});

describe('prePostEffectSize', () => {
  it("gives mean change and Cohen's d with the pooled SD", () => {
    const pairs = [
      { first: 16, last: 10 },
      { first: 14, last: 9 },
      { first: 18, last: 8 },
      { first: 12, last: 11 },
    ];
    const effect = prePostEffectSize(PHQ_9, pairs);
    // first: mean 15, SD √(20/3); last: mean 9.5, SD √(5/3); pooled √((20/3 + 5/3) / 2) = √(25/6).
    expect(effect.n).toBe(4);
    expect(effect.meanFirst).toBe(15);
    expect(effect.meanLast).toBe(9.5);
    expect(effect.meanChange).toBe(-5.5);
    expect(effect.pooledSd).toBeCloseTo(Math.sqrt(25 / 6), 12);
    expect(effect.cohensD).toBeCloseTo(-5.5 / Math.sqrt(25 / 6), 12);
    expect(effect.improvementD).toBeCloseTo(5.5 / Math.sqrt(25 / 6), 12);
  });

  it('signs improvement by higherIsBetter', () => {
    const effect = prePostEffectSize(CONNECTED_CHECK_IN, [
      { first: 2, last: 5 },
      { first: 4, last: 6 },
    ]);
    expect(effect.cohensD).toBeGreaterThan(0);
    expect(effect.improvementD).toBe(effect.cohensD);
  });

  it('has no d for fewer than two people or no spread', () => {
    expect(prePostEffectSize(PHQ_9, [])).toMatchObject({ n: 0, meanChange: null, cohensD: null });
    expect(prePostEffectSize(PHQ_9, [{ first: 12, last: 6 }])).toMatchObject({
      n: 1,
      meanChange: -6,
      pooledSd: null,
      cohensD: null,
    });
    expect(
      prePostEffectSize(PHQ_9, [
        { first: 12, last: 6 },
        { first: 12, last: 6 },
      ]),
    ).toMatchObject({ pooledSd: 0, cohensD: null });
  });
});

describe('summariseOutcomes', () => {
  it('counts improvement, deterioration and recovery', () => {
    const summary = summariseOutcomes(PHQ_9, [
      { first: 15, last: 9 },
      { first: 12, last: 9 },
      { first: 5, last: 12 },
      { first: 8, last: 7 },
    ]);
    expect(summary).toEqual({
      n: 4,
      reliablyImproved: 1,
      reliablyDeteriorated: 1,
      noReliableChange: 2,
      casesAtStart: 2,
      recovered: 2,
      reliablyRecovered: 1,
    });
  });
});
