import { PHQ_9 } from '../../../../shared/instruments/builtins/phq-9.js';
import { scoreResponse, type ResponseInput } from './score.js';
import { seededRandom } from './seeded-random.js';

/**
 * Scoring throughput in responses per second: scores `n` seeded random PHQ-9 responses (about one
 * in twenty with an item missing) after a short warm-up. For the bench harness; tests do not time it.
 */
export function benchmarkScoring(n = 100_000): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive whole number.');
  const responses = makePhq9Responses(n, 20_240_601);
  const warmUp = Math.min(n, 5_000);
  for (let i = 0; i < warmUp; i += 1) scoreResponse(PHQ_9, responses[i] as ResponseInput);

  let scored = 0;
  const started = performance.now();
  for (let i = 0; i < n; i += 1) {
    if (scoreResponse(PHQ_9, responses[i] as ResponseInput).ok) scored += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  if (scored !== n) throw new Error(`Benchmark responses should all score; ${n - scored} did not.`);
  return n / Math.max(seconds, 1e-9);
}

/** Seeded random PHQ-9 responses (items 1–9 and the difficulty question; occasionally one of items 1–8 left out). */
export function makePhq9Responses(n: number, seed: number): ResponseInput[] {
  const random = seededRandom(seed);
  const responses: ResponseInput[] = new Array<ResponseInput>(n);
  for (let i = 0; i < n; i += 1) {
    const answers: Record<string, number | null> = {};
    const skipped = random.chance(0.05) ? random.int(1, 8) : 0;
    for (let item = 1; item <= 9; item += 1) answers[`phq9-${item}`] = item === skipped ? null : random.int(0, 3);
    answers['phq9-difficulty'] = random.int(0, 3);
    responses[i] = { version: PHQ_9.version, answers };
  }
  return responses;
}
