import { describe, expect, it } from 'vitest';
import { reliableChangeThreshold } from './reliable-change.js';
import { bandStep, computeScoreRange, isCase, scoreDecimals } from './scale.js';

/** The arithmetic a clinician reads off a score: the clinical cut-off, decimals, the range a scale allows. */
describe('caseness cut-off', () => {
  it('counts a score exactly at the threshold as a case, in either direction', () => {
    expect(isCase({ threshold: 10, direction: 'atOrAbove' }, 10)).toBe(true);
    expect(isCase({ threshold: 10, direction: 'atOrAbove' }, 9.9)).toBe(false);
    expect(isCase({ threshold: 10, direction: 'atOrAbove' }, 11)).toBe(true);
    expect(isCase({ threshold: 40, direction: 'atOrBelow' }, 40)).toBe(true);
    expect(isCase({ threshold: 40, direction: 'atOrBelow' }, 40.1)).toBe(false);
    expect(isCase({ threshold: 40, direction: 'atOrBelow' }, 12)).toBe(true);
  });
});

describe('decimals and band spacing', () => {
  it('rounds a prorated sum to 1 decimal and a mean to 2 unless the definition says otherwise', () => {
    expect(scoreDecimals({ scoring: { method: 'sum' } })).toBe(1);
    expect(scoreDecimals({ scoring: { method: 'mean' } })).toBe(2);
    expect(scoreDecimals({ scoring: { method: 'mean', decimals: 0 } })).toBe(0);
    expect(scoreDecimals({ scoring: { method: 'sum', decimals: 3 } })).toBe(3);
  });

  it('spaces band bounds by whole numbers for a sum and by the rounding step for a mean', () => {
    expect(bandStep({ scoring: { method: 'sum', decimals: 2 } })).toBe(1);
    expect(bandStep({ scoring: { method: 'mean' } })).toBeCloseTo(0.01, 10);
    expect(bandStep({ scoring: { method: 'mean', decimals: 1 } })).toBeCloseTo(0.1, 10);
  });
});

describe('score range', () => {
  const item = (values: number[], scored = true) => ({ scored, options: values.map((value) => ({ value })) });

  it('adds the lowest and highest options of the scored items, ignoring unscored ones', () => {
    const definition = { items: [item([0, 1, 2, 3]), item([1, 5]), item([0, 100], false)], scoring: { method: 'sum' as const } };
    expect(computeScoreRange(definition)).toEqual({ min: 1, max: 8 });
  });

  it('is the mean range, rounded, for a mean', () => {
    const definition = { items: [item([0, 4]), item([1, 4]), item([0, 3])], scoring: { method: 'mean' as const } };
    expect(computeScoreRange(definition)).toEqual({ min: 0.33, max: 3.67 });
  });

  it('is null when nothing is scored', () => {
    expect(computeScoreRange({ items: [item([0, 3], false)], scoring: { method: 'sum' } })).toBeNull();
    expect(computeScoreRange({ items: [], scoring: { method: 'mean' } })).toBeNull();
  });
});

describe('reliable change inputs', () => {
  it('says which input is impossible', () => {
    expect(() => reliableChangeThreshold(0, 0.8)).toThrow('sd must be a positive number.');
    expect(() => reliableChangeThreshold(5, 1)).toThrow('reliability must be at least 0 and below 1.');
  });
});
