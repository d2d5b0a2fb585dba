import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { SharedTokenBuckets } from './shared-rate-limit.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the group space rate limit, kept in the database', () => {
  it('allows a burst, then one per second, per key', async () => {
    let now = 1_000_000;
    const buckets = new SharedTokenBuckets(t.database.db, 3, 1, () => now);
    expect([await buckets.take('a'), await buckets.take('a'), await buckets.take('a')]).toEqual([true, true, true]);
    expect(await buckets.take('a')).toBe(false);
    // Another member is not affected by the first one's flood.
    expect(await buckets.take('b')).toBe(true);
    now += 500;
    expect(await buckets.take('a')).toBe(false);
    now += 600;
    expect(await buckets.take('a')).toBe(true);
    expect(await buckets.take('a')).toBe(false);
  });

  it('never refills beyond the burst', async () => {
    let now = 5_000_000;
    const buckets = new SharedTokenBuckets(t.database.db, 2, 1, () => now);
    expect(await buckets.take('c')).toBe(true);
    now += 60_000;
    expect([await buckets.take('c'), await buckets.take('c'), await buckets.take('c')]).toEqual([true, true, false]);
  });

  it('holds across instances: two instances’ limiters spend one member’s bucket, even at once', async () => {
    const now = 9_000_000;
    // Each instance has its own limiter object over the shared database; neither keeps state.
    const first = new SharedTokenBuckets(t.database.db, 10, 1, () => now);
    const second = new SharedTokenBuckets(t.database.db, 10, 1, () => now);
    const takes = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? first : second).take('member')));
    expect(takes.filter(Boolean)).toHaveLength(10);
    expect(await first.take('member')).toBe(false);
    expect(await second.take('member')).toBe(false);
  });
});
