/**
 * A token bucket per key: `burst` tokens to start, refilled at `perSecond`. Small and in memory
 * on purpose: it limits floods on one instance's sockets; nothing depends on it being shared.
 * (No npm rate limiter fits a WebSocket message loop without an HTTP request around it.)
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty (the caller refuses the action). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const refilled = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    // Full buckets carry no information: forget them so the map stays small.
    if (this.buckets.size > 10_000) this.sweep(now);
    return true;
  }

  /** Refills every bucket (tests start each case from a full burst). */
  reset(): void {
    this.buckets.clear();
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}
