import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryWhileUnavailable } from './idempotency.js';

// The release of an Idempotency-Key claim whose write failed is retried while the database is
// unreachable (db/cluster-restart.int.test.ts shows the effect against a real PostgreSQL stop).
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('retryWhileUnavailable', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tries again, with growing pauses, until the database answers', async () => {
    const calls: number[] = [];
    const work = vi.fn(async () => {
      calls.push(Date.now());
      if (calls.length <= 3) throw refused();
    });
    const onGiveUp = vi.fn();
    await retryWhileUnavailable(work, { withinMs: 60_000, onGiveUp });
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(work).toHaveBeenCalledTimes(4);
    expect(calls.slice(1).map((t, i) => t - calls[i]!)).toEqual([250, 500, 1000]);
    expect(onGiveUp).not.toHaveBeenCalled();
  });

  it('does not retry a failure that is not the database being unreachable', async () => {
    const wrong = new Error('syntax error at or near "delete"');
    const work = vi.fn(async () => {
      throw wrong;
    });
    const onGiveUp = vi.fn();
    await retryWhileUnavailable(work, { withinMs: 60_000, onGiveUp });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(work).toHaveBeenCalledTimes(1);
    expect(onGiveUp).toHaveBeenCalledWith(wrong);
  });

  it('gives up, with the last error, once the time is spent', async () => {
    const work = vi.fn(async () => {
      throw refused();
    });
    const onGiveUp = vi.fn();
    await retryWhileUnavailable(work, { withinMs: 5_000, onGiveUp });
    await vi.advanceTimersByTimeAsync(60_000);
    // 0, 0.25, 0.75, 1.75, 3.75 s; the next (5.75 s) would be past the limit.
    expect(work).toHaveBeenCalledTimes(5);
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    expect((onGiveUp.mock.calls[0]![0] as { code: string }).code).toBe('ECONNREFUSED');
  });

  it('succeeding at once is the whole story', async () => {
    const work = vi.fn(async () => undefined);
    const onGiveUp = vi.fn();
    await retryWhileUnavailable(work, { withinMs: 5_000, onGiveUp });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(work).toHaveBeenCalledTimes(1);
    expect(onGiveUp).not.toHaveBeenCalled();
  });
});
