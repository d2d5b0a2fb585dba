import type { DatabaseKind, DatabaseTarget } from './databases.js';
import type { LoadFigures, LoadSettings } from './load.js';

/** One benchmark: implemented in bench/benches/<name>.ts and listed in bench/registry.ts. */
export interface Benchmark {
  /** What `npm run bench -- <name>` selects; also the results file prefix. */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

/** What the runner gives every benchmark. */
export interface BenchContext {
  /** SQLite always, PostgreSQL when one answers. */
  databases: readonly DatabaseTarget[];
  /** The same load for every server a benchmark measures. */
  load: LoadSettings;
  /** Prints a result's table and verdicts and writes bench/results/<bench>-<database>.json. */
  publish(result: BenchResult): Promise<void>;
}

/** One server measured under load. */
export interface Measurement {
  label: string;
  figures: LoadFigures;
}

/** A measured value (a throughput ratio, a latency percentile) held against its target. */
export interface Comparison {
  label: string;
  value: number;
  /** How the value must stand against the target: at least it (ratios), or below it (latencies). */
  op: '≥' | '<';
  target: number;
  /** '' for ratios, 'ms' for latencies. */
  unit: '' | 'ms';
  pass: boolean;
  /** Why the figures cannot be trusted, when they cannot (counts as a fail). */
  invalid: string | null;
  /**
   * Share of the machine other processes used while the figures were measured, when above 15 %:
   * the verdict then says as much about the machine as about Hearth (CPU µs per request holds up better).
   */
  disturbed?: number;
}

/** Everything one benchmark measured on one database in this run. */
export interface BenchResult {
  bench: string;
  database: DatabaseKind;
  measurements: Measurement[];
  comparisons: Comparison[];
  /** Facts worth keeping next to the figures (what the route did, what was not exercised). */
  notes: string[];
  /** Which table prints the measurements: req/s under concurrent load (default) or latency percentiles. */
  table?: 'throughput' | 'latency';
}
