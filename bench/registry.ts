import { connectionBench } from './benches/connection.js';
import { exportBench } from './benches/export.js';
import { faultsBench } from './benches/faults.js';
import { groupsBench } from './benches/groups.js';
import { meBench } from './benches/me.js';
import { outcomesBench } from './benches/outcomes.js';
import { participantHomeBench } from './benches/participant-home.js';
import { riskBench } from './benches/risk.js';
import { spaceBench } from './benches/space.js';
import { webBench } from './benches/web.js';
import type { Benchmark } from './lib/benchmark.js';

/** Every benchmark `npm run bench` runs, in order. Add new ones here (one file each in benches/). */
export const benchmarks: readonly Benchmark[] = [
  meBench,
  groupsBench,
  outcomesBench,
  connectionBench,
  riskBench,
  participantHomeBench,
  spaceBench,
  webBench,
  faultsBench,
  exportBench,
];
