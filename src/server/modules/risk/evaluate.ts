import type { LabelledSentence, Tier } from './corpus.js';
import type { RiskKind } from './frames.js';

export interface TierFigures {
  tier: Tier;
  /** How many sentences carry this label. */
  support: number;
  precision: number;
  recall: number;
}
export interface KindFigures {
  kind: RiskKind;
  support: number;
  /** Of the sentences of this kind (tier concern or urgent), the share the detector raised at all (≥ concern). */
  detected: number;
  /** Of those detected, the share given the right kind. */
  kindRight: number;
  /** Urgent sentences of this kind found as urgent. */
  urgentRecall: number;
}
export interface Evaluation {
  total: number;
  accuracy: number;
  tiers: TierFigures[];
  kinds: KindFigures[];
  /** confusion[label][got] */
  confusion: Record<Tier, Record<Tier, number>>;
  /** Urgent sentences tiered none: the misses that matter most. */
  urgentAsNone: number;
  misses: { sentence: LabelledSentence; got: Tier; gotKind: string }[];
}

export type Detector = (text: string) => { tier: Tier; kind: RiskKind | 'none' };
const TIERS: readonly Tier[] = ['urgent', 'concern', 'none'];
const KINDS: readonly RiskKind[] = ['self_harm', 'harm_to_others', 'being_harmed'];
const ratio = (a: number, b: number): number => (b ? a / b : 1);

/** Precision and recall per tier, detection per kind, and the confusion matrix of a detector on labelled sentences. */
export function evaluateDetector(sentences: readonly LabelledSentence[], detect: Detector): Evaluation {
  const results = sentences.map((sentence) => {
    const got = detect(sentence.text);
    return { sentence, got: got.tier, gotKind: got.kind };
  });
  const confusion = Object.fromEntries(TIERS.map((l) => [l, Object.fromEntries(TIERS.map((g) => [g, 0]))])) as Evaluation['confusion'];
  for (const r of results) confusion[r.sentence.tier][r.got]++;
  const tiers = TIERS.map((tier) => {
    const predicted = results.filter((r) => r.got === tier);
    const expected = results.filter((r) => r.sentence.tier === tier);
    const hits = predicted.filter((r) => r.sentence.tier === tier).length;
    return { tier, support: expected.length, precision: ratio(hits, predicted.length), recall: ratio(hits, expected.length) };
  });
  const kinds = KINDS.map((kind) => {
    const ofKind = results.filter((r) => r.sentence.kind === kind);
    const detected = ofKind.filter((r) => r.got !== 'none');
    const urgent = ofKind.filter((r) => r.sentence.tier === 'urgent');
    return {
      kind,
      support: ofKind.length,
      detected: ratio(detected.length, ofKind.length),
      kindRight: ratio(detected.filter((r) => r.gotKind === kind).length, detected.length),
      urgentRecall: ratio(urgent.filter((r) => r.got === 'urgent').length, urgent.length),
    };
  });
  const misses = results.filter((r) => r.got !== r.sentence.tier);
  return { total: results.length, accuracy: 1 - ratio(misses.length, results.length), tiers, kinds, confusion, urgentAsNone: confusion.urgent.none, misses };
}

/** The figures as Markdown tables (README batch log and the benchmark print the same). */
export function formatEvaluation(title: string, e: Evaluation): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [`${title} — ${e.total} sentences, accuracy ${f(e.accuracy)}, urgent tiered none: ${e.urgentAsNone}`, '', '| tier | n | precision | recall |', '|---|---|---|---|'];
  for (const t of e.tiers) lines.push(`| ${t.tier} | ${t.support} | ${f(t.precision)} | ${f(t.recall)} |`);
  lines.push('', '| kind | n | raised (≥ concern) | kind right | urgent recall |', '|---|---|---|---|---|');
  for (const k of e.kinds) lines.push(`| ${k.kind} | ${k.support} | ${f(k.detected)} | ${f(k.kindRight)} | ${f(k.urgentRecall)} |`);
  lines.push('', '| label \\ got | urgent | concern | none |', '|---|---|---|---|');
  for (const l of TIERS) lines.push(`| ${l} | ${e.confusion[l].urgent} | ${e.confusion[l].concern} | ${e.confusion[l].none} |`);
  return lines.join('\n');
}
