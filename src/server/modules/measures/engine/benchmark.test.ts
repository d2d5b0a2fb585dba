import { describe, expect, it } from 'vitest';
import { PHQ_9 } from '../../../../shared/instruments/builtins/index.js';
import { benchmarkScoring, makePhq9Responses } from './benchmark.js';
import { scoreMany } from './score.js';
import { seededRandom } from './seeded-random.js';

// Throughput is measured by the bench harness (benchmarkScoring), never asserted here.
describe('benchmarkScoring', () => {
  it('scores 100,000 PHQ-9 responses and reports a rate', () => {
    const rate = benchmarkScoring(100_000);
    expect(Number.isFinite(rate)).toBe(true);
    expect(rate).toBeGreaterThan(0);
  });

  it('refuses a nonsensical count', () => {
    expect(() => benchmarkScoring(0)).toThrow(RangeError);
  });

  it('uses reproducible responses that all score, some prorated', () => {
    const responses = makePhq9Responses(2_000, 42);
    expect(makePhq9Responses(2_000, 42)).toEqual(responses);
    const results = scoreMany(PHQ_9, responses);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.some((r) => r.ok && r.prorated)).toBe(true);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in bounds', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    const values = Array.from({ length: 1_000 }, () => a.int(-3, 3));
    expect(values).toEqual(Array.from({ length: 1_000 }, () => b.int(-3, 3)));
    expect(new Set(values)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
    expect(() => a.pick([])).toThrow(RangeError);
  });
});
