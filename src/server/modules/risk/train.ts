/**
 * `npm run train:risk`: trains the risk model (Layer 2) from the corpus batches marked "train",
 * chooses its thresholds on the "validation" batch, and writes model-weights.json. Seeded and
 * deterministic: the same corpus gives the same weights, byte for byte.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { seededRandom } from '../measures/engine/seeded-random.js';
import { assessLayer1, fusedModelTier, fusedTier } from './assess-risk.js';
import { listBatches, loadCorpus, trainingCorpus, type LabelledSentence } from './corpus.js';
import { featuresOf } from './features.js';
import { JOINT_CLASSES, WEIGHTS_FILE, jointKind, predict, scoreHead, type Head, type ModelWeights } from './model.js';

const SEED = 20261203;
const EPOCHS = Number(process.env.RISK_EPOCHS ?? 30);
// Chosen on the validation batch: 3e-3 in session 4 (fewer ordinary sentences tiered urgent than 1e-4, 3e-4 or 1e-3); 1e-3 in session 8, with batch h and the substance-class features (same urgent recall 0.967; 1 urgent sentence tiered none instead of 2 at 3e-3 and 3 at 6e-3; ordinary raised to at least concern 0.267 instead of 0.299).
const L2 = Number(process.env.RISK_L2 ?? 1e-3);
const MIN_DOCUMENT_FREQUENCY = 2;
/** At most this share of the validation batch’s ordinary (none) sentences may be tiered urgent : recall first up to that bound. A false urgent holds an ordinary post from the group and pages the duty clinician; the trade-off table is printed. */
const MAX_FALSE_URGENT = Number(process.env.RISK_MAX_FALSE_URGENT ?? 0.18);
/** Urgent recall the urgent threshold aims for on the validation batch: above the 0.95 the held-out batch must reach, for a margin (0.95 until session 8, which left the first-sight figure to chance). */
const URGENT_RECALL_TARGET = Number(process.env.RISK_URGENT_RECALL ?? 0.965);
/** At most this share of the validation batch's ordinary sentences may be raised to at least concern while the concern threshold buys fewer urgent sentences tiered none (a concern alert asks for a look within the day; it does not hold the post). */
// 0.3 until session 17: with model v8 (trained on 16,412 sentences) it let the threshold fall to 0.29, where 29 % of the validation
// batch's ordinary sentences and 26-30 % of batches 36 and 37's were raised, to save one validation urgent sentence from none ("my
// plan is friday"); 0.27 (model v7 raised 25.8 %) gives 0.34: on all labelled sentences 277 ordinary or concern sentences read
// closer to their label and 2 urgent sentences fall from concern to none (that one, and a methadone stockpile then fixed in Layer 1).
const MAX_FALSE_CONCERN = Number(process.env.RISK_MAX_FALSE_CONCERN ?? 0.27);
const LEARNING_RATE = Number(process.env.RISK_LR ?? 2);

function trainHead(classes: readonly string[], rows: { features: Map<string, number>; label: number }[], vocabulary: Set<string>, random: () => number): Head {
  const k = classes.length;
  const weights = new Map<string, number[]>();
  for (const f of vocabulary) weights.set(f, new Array<number>(k).fill(0));
  const bias = new Array<number>(k).fill(0);
  // Balanced class weights: a rare class (harm to others) counts as much as a frequent one.
  const counts = new Array<number>(k).fill(0);
  for (const r of rows) counts[r.label] = (counts[r.label] ?? 0) + 1;
  const classWeight = counts.map((c) => (c ? rows.length / (k * c) : 0));
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = LEARNING_RATE / (1 + epoch * 0.15);
    for (const index of order) {
      const row = rows[index] as (typeof rows)[number];
      const logits = [...bias];
      for (const [name, value] of row.features) {
        const w = weights.get(name);
        if (w) for (let c = 0; c < k; c++) logits[c] = (logits[c] ?? 0) + (w[c] ?? 0) * value;
      }
      const max = Math.max(...logits);
      const exps = logits.map((l) => Math.exp(l - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      const scale = rate * (classWeight[row.label] ?? 1);
      for (let c = 0; c < k; c++) {
        const gradient = (exps[c] ?? 0) / sum - (c === row.label ? 1 : 0);
        bias[c] = (bias[c] ?? 0) - scale * gradient;
        for (const [name, value] of row.features) {
          const w = weights.get(name);
          if (w) w[c] = (w[c] ?? 0) * (1 - rate * L2) - scale * gradient * value;
        }
      }
    }
  }
  const out: Record<string, number[]> = {};
  for (const [name, w] of [...weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (Math.max(...w.map(Math.abs)) < 0.02) continue;
    out[name] = w.map((x) => Math.round(x * 1e4) / 1e4);
  }
  return { classes, bias: bias.map((x) => Math.round(x * 1e4) / 1e4), weights: out };
}

function main(): void {
  const train = trainingCorpus();
  const validation = loadCorpus(['validation']);
  const random = seededRandom(SEED).next;
  const documents = train.map((s) => ({ sentence: s, features: featuresOf(s.text) }));
  const frequency = new Map<string, number>();
  for (const d of documents) for (const f of d.features.keys()) frequency.set(f, (frequency.get(f) ?? 0) + 1);
  const vocabulary = new Set([...frequency].filter(([, n]) => n >= MIN_DOCUMENT_FREQUENCY).map(([f]) => f));
  const joint = trainHead(
    JOINT_CLASSES,
    documents.map((d) => ({
      features: d.features,
      label: JOINT_CLASSES.indexOf((d.sentence.tier === 'none' ? 'none' : `${d.sentence.tier}:${d.sentence.kind}`) as (typeof JOINT_CLASSES)[number]),
    })),
    vocabulary,
    random,
  );
  const hash = crypto.createHash('sha256');
  for (const s of train) hash.update(`${s.text}\t${s.tier}\t${s.kind}\n`);
  const draft: ModelWeights = {
    version: `risk-model-${hash.digest('hex').slice(0, 12)}`,
    trainedOn: listBatches()
      .filter((b) => b.role === 'train')
      .map((b) => b.id),
    seed: SEED,
    thresholds: { urgent: 0.5, concern: 0.5 },
    joint,
  };
  // Thresholds: on the validation batch, the fused detector (Layer 1, and the model as the
  // fusion counts it) must find 95 % of urgent sentences as urgent (the largest threshold that does);
  // then the concern threshold is the largest that finds 90 % of concern-or-urgent ones as at least concern.
  const scored = validation.map((s: LabelledSentence) => {
    const p = scoreHead(joint, featuresOf(s.text));
    const urgent = (p[4] ?? 0) + (p[5] ?? 0) + (p[6] ?? 0);
    return { s, layer1: assessLayer1(s.text), urgent, atLeastConcern: 1 - (p[0] ?? 0), kind: jointKind(p) };
  });
  const fused = (x: (typeof scored)[number], t: { urgent: number; concern: number }): 'none' | 'concern' | 'urgent' => {
    const model = x.urgent >= t.urgent ? 'urgent' : x.atLeastConcern >= t.concern ? 'concern' : 'none';
    return fusedTier(x.layer1, fusedModelTier(x.layer1, model, x.urgent, x.kind));
  };
  const largest = (ok: (t: number) => boolean): number => {
    for (let t = 95; t >= 5; t--) if (ok(t / 100)) return t / 100;
    return 0.05;
  };
  const urgentItems = scored.filter((x) => x.s.tier === 'urgent');
  const riskItems = scored.filter((x) => x.s.tier !== 'none');
  const urgentRecall = (t: number): number => urgentItems.filter((x) => fused(x, { urgent: t, concern: 1 }) === 'urgent').length / (urgentItems.length || 1);
  // A false urgent holds an ordinary post from the group and pages the duty clinician: the share of
  // ordinary (none) sentences tiered urgent is bounded, then recall is as high as that allows.
  const noneItems = scored.filter((x) => x.s.tier === 'none');
  const falseUrgent = (t: number): number => noneItems.filter((x) => fused(x, { urgent: t, concern: 1 }) === 'urgent').length / (noneItems.length || 1);
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5])
    console.log(`  threshold ${t}: urgent recall ${urgentRecall(t).toFixed(3)}, ordinary sentences tiered urgent ${falseUrgent(t).toFixed(3)}`);
  const target = Math.min(URGENT_RECALL_TARGET, urgentRecall(0.05) - 0.005);
  const recallFirst = largest((t) => urgentRecall(t) >= target);
  draft.thresholds.urgent = falseUrgent(recallFirst) <= MAX_FALSE_URGENT ? recallFirst : Math.round((1 - largest((t) => falseUrgent(1 - t) <= MAX_FALSE_URGENT)) * 100) / 100;
  console.log(
    `validation: best reachable urgent recall ${urgentRecall(0.05).toFixed(3)}; chosen ${draft.thresholds.urgent}: recall ${urgentRecall(draft.thresholds.urgent).toFixed(3)}, ordinary tiered urgent ${falseUrgent(draft.thresholds.urgent).toFixed(3)}`,
  );
  // Concern: an urgent sentence tiered none is the worst miss (no alert at all), so first the fewest
  // urgent sentences tiered none that a bounded share of ordinary sentences raised (at least
  // concern) allows; among thresholds that reach it (and keep 90 % of risk sentences at least
  // concern), the one with the best F1 for the concern tier. (Until session 8 the best F1 alone
  // chose it: 0.73, where 7 of the validation batch's 300 urgent sentences were tiered none.)
  const urgentAsNone = (t: { urgent: number; concern: number }): number => urgentItems.filter((x) => fused(x, t) === 'none').length;
  const noneRaised = (t: { urgent: number; concern: number }): number => noneItems.filter((x) => fused(x, t) !== 'none').length / (noneItems.length || 1);
  let fewest = Infinity;
  for (let i = 95; i >= 5; i--) {
    const t = { urgent: draft.thresholds.urgent, concern: i / 100 };
    if (noneRaised(t) <= MAX_FALSE_CONCERN) fewest = Math.min(fewest, urgentAsNone(t));
  }
  let best = { t: 0.5, f1: -1 };
  for (let i = 95; i >= 5; i--) {
    const t = { urgent: draft.thresholds.urgent, concern: i / 100 };
    const got = scored.map((x) => fused(x, t));
    if (riskItems.filter((x) => fused(x, t) !== 'none').length < 0.9 * riskItems.length) continue;
    if (urgentAsNone(t) > fewest) continue;
    const tp = got.filter((g, j) => g === 'concern' && scored[j]?.s.tier === 'concern').length;
    const f1 = (2 * tp) / (got.filter((g) => g === 'concern').length + scored.filter((x) => x.s.tier === 'concern').length || 1);
    if (f1 > best.f1) best = { t: i / 100, f1 };
  }
  draft.thresholds.concern = best.t;
  console.log(
    `validation: concern threshold ${best.t}: urgent tiered none ${urgentAsNone(draft.thresholds)}, ordinary raised to at least concern ${noneRaised(draft.thresholds).toFixed(3)}`,
  );
  // RISK_WEIGHTS_OUT writes a trial elsewhere (hyper-parameter comparisons on the validation batch).
  fs.writeFileSync(process.env.RISK_WEIGHTS_OUT ?? WEIGHTS_FILE, `${JSON.stringify(draft)}\n`);
  const sample = predict('i have counted out all my tablets for tonight', draft);
  console.log(
    `trained ${draft.version} on ${train.length} sentences (${vocabulary.size} features kept ${Object.keys(joint.weights).length}); thresholds urgent ${draft.thresholds.urgent}, concern ${draft.thresholds.concern}; sample: ${sample.tier}`,
  );
}

main();
