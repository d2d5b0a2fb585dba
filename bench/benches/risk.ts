import { performance } from 'node:perf_hooks';
import { assessRisk } from '../../src/server/modules/risk/assess-risk.js';
import { evaluateRisk, type Evaluation } from '../../src/server/modules/risk/evaluate.js';
import { HELD_OUT, LABELLED_SENTENCES } from '../../src/server/modules/risk/labelled-sentences.js';
import type { Benchmark } from '../lib/benchmark.js';

/** Issue 6: urgent recall on the labelled set must be at least this. */
const URGENT_RECALL_TARGET = 0.95;
const THROUGHPUT_SECONDS = 2;

function table(title: string, evaluation: Evaluation): void {
  console.log(`\n${title}: ${evaluation.total} sentences, accuracy ${(evaluation.accuracy * 100).toFixed(1)} %`);
  console.log('  tier      support  precision  recall');
  for (const t of evaluation.tiers) {
    console.log(`  ${t.tier.padEnd(8)}  ${String(t.support).padStart(7)}  ${t.precision.toFixed(3).padStart(9)}  ${t.recall.toFixed(3).padStart(6)}`);
  }
}

/** Risk detection: precision and recall per tier on the labelled sentences, and sentences per second. Pure CPU: no database. */
export const riskBench: Benchmark = {
  name: 'risk',
  description: 'risk detection: precision and recall per tier on the labelled sentences (tuned and held out), and throughput',
  async run() {
    const tuned = evaluateRisk(LABELLED_SENTENCES);
    const heldOut = evaluateRisk(HELD_OUT);
    table('Labelled set (tuned)', tuned);
    table('Held out (never tuned against)', heldOut);
    const all = [...LABELLED_SENTENCES, ...HELD_OUT];
    let assessed = 0;
    let chars = 0;
    for (let i = 0; i < 200; i++) assessRisk(all[i % all.length]?.text ?? '');
    const started = performance.now();
    while (performance.now() - started < THROUGHPUT_SECONDS * 1000) {
      const sentence = all[assessed % all.length];
      assessRisk(sentence?.text ?? '');
      chars += sentence?.text.length ?? 0;
      assessed++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nThroughput: ${Math.round(assessed / seconds).toLocaleString('en-GB')} sentences/s (${Math.round(chars / seconds / 1024).toLocaleString('en-GB')} KiB/s of text), ${(seconds * 1e6 / assessed).toFixed(1)} µs per sentence, one core`);
    const a2000 = 'word '.repeat(400);
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) assessRisk(a2000);
    console.log(`A 2,000-character message: ${((performance.now() - t0) / 50).toFixed(2)} ms`);
    const urgent = tuned.tiers.find((t) => t.tier === 'urgent')?.recall ?? 0;
    console.log(`\nUrgent recall ${urgent.toFixed(3)} ≥ ${URGENT_RECALL_TARGET}: ${urgent >= URGENT_RECALL_TARGET ? 'PASS' : 'FAIL'}`);
    if (heldOut.misses.length) {
      console.log('\nHeld-out sentences tiered differently from their label:');
      for (const m of heldOut.misses) console.log(`  ${m.sentence.tier} → ${m.got}: ${m.sentence.text}`);
    }
  },
};
