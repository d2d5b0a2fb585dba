/** Latency percentiles over raw samples, in the samples' unit. */
export interface LatencySummary {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/**
 * Nearest-rank percentiles. autocannon's own histogram keeps whole milliseconds, which reads
 * "0 ms" for a fast local route; the raw samples keep the sub-millisecond detail.
 */
export function summariseLatencies(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { p50: 0, p90: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sum / sorted.length,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/** The value at or below which `p` per cent of the sorted samples fall (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
