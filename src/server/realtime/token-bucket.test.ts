import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.js';

describe('TokenBuckets', () => {
  it('allows a burst, then one per second, per key', () => {
    let now = 1_000_000;
    const buckets = new TokenBuckets(3, 1, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([true, true, true]);
    expect(buckets.take('a')).toBe(false);
    // Another member is not affected by the first one's flood.
    expect(buckets.take('b')).toBe(true);
    now += 500;
    expect(buckets.take('a')).toBe(false);
    now += 600;
    expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
  });

  it('never refills beyond the burst', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 1, () => now);
    now += 60_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([true, true, false]);
  });
});
