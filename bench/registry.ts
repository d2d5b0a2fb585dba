import { groupsBench } from './benches/groups.js';
import { meBench } from './benches/me.js';
import { outcomesBench } from './benches/outcomes.js';
import type { Benchmark } from './lib/benchmark.js';

/** Every benchmark `npm run bench` runs, in order. Add new ones here (one file each in benches/). */
export const benchmarks: readonly Benchmark[] = [meBench, groupsBench, outcomesBench];
