import { assessRisk, type RiskTier } from './assess-risk.js';
import type { LabelledSentence } from './labelled-sentences.js';

export interface TierFigures {
  tier: RiskTier;
  /** How many sentences carry this label. */
  support: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  tiers: TierFigures[];
  /** Sentences the detector tiered differently from their label. */
  misses: { sentence: LabelledSentence; got: RiskTier }[];
}

const TIERS: readonly RiskTier[] = ['urgent', 'concern', 'none'];

/** Precision and recall per tier of the detector on labelled sentences (a ratio of 1 when nothing was predicted or expected). */
export function evaluateRisk(sentences: readonly LabelledSentence[]): Evaluation {
  const results = sentences.map((sentence) => ({ sentence, got: assessRisk(sentence.text).tier }));
  const tiers = TIERS.map((tier) => {
    const predicted = results.filter((r) => r.got === tier);
    const expected = results.filter((r) => r.sentence.tier === tier);
    const hits = predicted.filter((r) => r.sentence.tier === tier).length;
    return {
      tier,
      support: expected.length,
      precision: predicted.length ? hits / predicted.length : 1,
      recall: expected.length ? hits / expected.length : 1,
    };
  });
  const misses = results.filter((r) => r.got !== r.sentence.tier);
  return { total: results.length, accuracy: results.length ? 1 - misses.length / results.length : 1, tiers, misses };
}
