import { describe, expect, it } from 'vitest';
import { hasValidLoincCheckDigit } from './loinc.js';
import { reliableChangeThreshold, resolveReliableChange } from './reliable-change.js';
import { bandFor, roundRatio, roundTo } from './scale.js';

describe('roundRatio', () => {
  it('rounds halves away from zero, exactly', () => {
    expect(roundRatio(81, 8, 1)).toBe(10.1); // 10.125
    expect(roundRatio(41, 4, 1)).toBe(10.3); // 10.25
    expect(roundRatio(-41, 4, 1)).toBe(-10.3);
    expect(roundRatio(7, 3, 2)).toBe(2.33);
    expect(roundRatio(27, 1, 0)).toBe(27);
  });
});

describe('roundTo', () => {
  it('is not fooled by binary representation', () => {
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-0.5, 0)).toBe(-1);
  });
});

describe('bandFor', () => {
  const bands = [
    { min: 0, max: 4, label: 'Minimal', severity: 0 },
    { min: 5, max: 9, label: 'Mild', severity: 1 },
    { min: 10, max: 14, label: 'Moderate', severity: 2 },
  ];
  it('keeps a fractional score between two bands in the lower one', () => {
    expect(bandFor(bands, 4.6)?.label).toBe('Minimal');
    expect(bandFor(bands, 9.9)?.label).toBe('Mild');
    expect(bandFor(bands, 10)?.label).toBe('Moderate');
  });
  it('finds no band outside the bands', () => {
    expect(bandFor(bands, -1)).toBeNull();
    expect(bandFor(bands, 14.5)).toBeNull();
    expect(bandFor([], 3)).toBeNull();
  });
});

describe('LOINC check digits', () => {
  it('accepts the codes Hearth ships and refuses typos', () => {
    for (const code of ['44249-1', '44261-6', '44260-8', '55757-9', '55758-7', '69737-5', '70274-6', '69722-7', '68509-9']) {
      expect(hasValidLoincCheckDigit(code)).toBe(true);
    }
    expect(hasValidLoincCheckDigit('44261-5')).toBe(false);
    expect(hasValidLoincCheckDigit('44216-6')).toBe(false);
    expect(hasValidLoincCheckDigit('LA6568-5')).toBe(false);
  });
});

describe('Jacobson–Truax reliable change', () => {
  it('is 1.96 · SD · √2 · √(1 − r)', () => {
    expect(reliableChangeThreshold(5, 0.84)).toBeCloseTo(1.96 * 5 * Math.SQRT2 * 0.4, 10);
    expect(reliableChangeThreshold(5, 0.84)).toBeCloseTo(5.544, 3);
    expect(reliableChangeThreshold(1, 0)).toBeCloseTo(2.772, 3);
  });
  it('refuses impossible inputs', () => {
    expect(() => reliableChangeThreshold(0, 0.8)).toThrow(RangeError);
    expect(() => reliableChangeThreshold(5, 1)).toThrow(RangeError);
    expect(() => reliableChangeThreshold(5, -0.1)).toThrow(RangeError);
  });
  it('resolves a definition rule either way', () => {
    expect(resolveReliableChange({ threshold: 6 })).toBe(6);
    expect(resolveReliableChange({ sd: 5, reliability: 0.84 })).toBeCloseTo(5.544, 3);
    expect(resolveReliableChange(undefined)).toBeNull();
  });
});
