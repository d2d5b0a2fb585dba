import { describe, expect, it } from 'vitest';
import { nextAttemptAt, retryDelayMs } from './backoff.js';

const policy = { baseMs: 60_000, maxMs: 8 * 60_000, maxAttempts: 5 };

describe('retry backoff', () => {
  it('doubles the wait after each failure, up to the cap, with half of it random', () => {
    const lowest = (n: number) => retryDelayMs(n, policy, () => 0);
    const highest = (n: number) => retryDelayMs(n, policy, () => 0.999_999);
    expect([1, 2, 3, 4, 5, 6].map(lowest)).toEqual([30_000, 60_000, 120_000, 240_000, 240_000, 240_000]);
    expect([1, 2, 3, 4, 5, 6].map(highest)).toEqual([60_000, 120_000, 240_000, 480_000, 480_000, 480_000]);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(180_000);
  });

  it('spreads instances that failed at the same moment', () => {
    const waits = new Set(Array.from({ length: 50 }, () => retryDelayMs(2, policy)));
    expect(waits.size).toBeGreaterThan(10);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(60_000);
      expect(wait).toBeLessThanOrEqual(120_000);
    }
  });

  it('keeps a broken random source and huge attempt counts within the schedule', () => {
    expect(retryDelayMs(2, policy, () => 7)).toBe(120_000);
    expect(retryDelayMs(2, policy, () => -1)).toBe(60_000);
    expect(retryDelayMs(0, policy, () => 0)).toBe(30_000);
    expect(retryDelayMs(5_000, policy, () => 0)).toBe(240_000);
  });

  it('gives up once the attempts are spent', () => {
    const now = new Date('2026-12-04T10:00:00.000Z');
    expect(nextAttemptAt(1, policy, now, () => 0)?.toISOString()).toBe('2026-12-04T10:00:30.000Z');
    expect(nextAttemptAt(4, policy, now, () => 0)?.toISOString()).toBe('2026-12-04T10:04:00.000Z');
    expect(nextAttemptAt(5, policy, now, () => 0)).toBeNull();
    expect(nextAttemptAt(6, policy, now, () => 0)).toBeNull();
  });
});
