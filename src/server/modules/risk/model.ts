import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featuresOf, featuresOfExpanded } from './features.js';
import type { RiskKind } from './frames.js';

/**
 * Layer 2: a linear model (multinomial logistic regression) trained by `npm run train:risk`
 * from the corpus. Its weights are a committed, versioned artefact (model-weights.json) loaded
 * once at start; prediction is pure and deterministic. Its explanation is the features that
 * pushed the message towards the tier it gave.
 */
export const TIER_CLASSES = ['none', 'concern', 'urgent'] as const;
export const KIND_CLASSES = ['self_harm', 'harm_to_others', 'being_harmed'] as const;
/** One class per tier × kind (a joint head separates "angry about him" from "going to hurt him" better than two heads). */
export const JOINT_CLASSES = [
  'none',
  'concern:self_harm',
  'concern:harm_to_others',
  'concern:being_harmed',
  'urgent:self_harm',
  'urgent:harm_to_others',
  'urgent:being_harmed',
] as const;

export interface Head {
  classes: readonly string[];
  bias: number[];
  /** Feature → one weight per class. */
  weights: Record<string, number[]>;
}
export interface ModelWeights {
  version: string;
  trainedOn: string[];
  seed: number;
  /** Chosen on the validation batch (README, "Fusion"). */
  thresholds: { urgent: number; concern: number };
  joint: Head;
}

export interface ModelPrediction {
  tier: 'none' | 'concern' | 'urgent';
  kind: RiskKind;
  probabilities: { none: number; concern: number; urgent: number };
  /** Features that pushed towards the predicted tier, strongest first. */
  features: { feature: string; weight: number }[];
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const WEIGHTS_FILE = path.join(HERE, 'model-weights.json');

let loaded: ModelWeights | null = null;
/** The committed weights, read once. */
export function modelWeights(): ModelWeights {
  loaded ??= JSON.parse(fs.readFileSync(WEIGHTS_FILE, 'utf8')) as ModelWeights;
  return loaded;
}

// Weights as a Map of typed arrays (a 16,000-key object is slow to look up), built once per head.
// Each row has at least one weight per class (a missing weight reads as 0, as it always did), so
// the scoring loops read numbers only: a "?? 0" on each read made V8 throw away and recompile
// the optimised prediction code hundreds of times ("insufficient type feedback" deoptimisations).
const tables = new WeakMap<Head, Map<string, Float64Array>>();
function table(head: Head): Map<string, Float64Array> {
  let t = tables.get(head);
  if (!t) {
    const k = Math.max(head.bias.length, head.classes.length);
    t = new Map(
      Object.entries(head.weights).map(([name, w]) => {
        const row = Float64Array.from(w);
        if (row.length >= k) return [name, row];
        const padded = new Float64Array(k);
        padded.set(row);
        return [name, padded];
      }),
    );
    tables.set(head, t);
  }
  return t;
}

/** Softmax scores of one head for a feature vector. */
export function scoreHead(head: Head, features: Map<string, number>): number[] {
  const logits = head.bias.map((b) => b ?? 0);
  const weights = table(head);
  const k = logits.length;
  for (const [name, value] of features) {
    const w = weights.get(name);
    if (!w) continue;
    for (let c = 0; c < k; c++) logits[c] = (logits[c] as number) + (w[c] as number) * value;
  }
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function readable(feature: string): string {
  const body = feature.slice(2);
  if (feature.startsWith('n:')) return `(a ${body} message)`;
  return feature.startsWith('c:') ? `“${body.trim()}…” (letters)` : `“${body}”`;
}

/** The model's tier, kind and explanation for a text. */
export function predict(text: string, weights: ModelWeights = modelWeights()): ModelPrediction {
  return predictFeatures(featuresOf(text), weights);
}

/** predict for a text already through expandShorthand (the detector expands once for all layers). */
export function predictExpanded(expanded: string, weights: ModelWeights = modelWeights()): ModelPrediction {
  return predictFeatures(featuresOfExpanded(expanded), weights);
}

function predictFeatures(features: Map<string, number>, weights: ModelWeights): ModelPrediction {
  const p = scoreHead(weights.joint, features);
  const at = (i: number): number => p[i] ?? 0;
  const none = at(0);
  const concern = at(1) + at(2) + at(3);
  const urgent = at(4) + at(5) + at(6);
  const tier = urgent >= weights.thresholds.urgent ? 'urgent' : urgent + concern >= weights.thresholds.concern ? 'concern' : 'none';
  const kinds = [at(1) + at(4), at(2) + at(5), at(3) + at(6)];
  const kindIndex = kinds.indexOf(Math.max(...kinds));
  // Explanation: features pushing towards the predicted class (for none, towards none).
  const towards = tier === 'none' ? 0 : JOINT_CLASSES.indexOf(`${tier}:${KIND_CLASSES[kindIndex] ?? 'self_harm'}` as (typeof JOINT_CLASSES)[number]);
  // Explanation: the six features that pushed hardest towards the predicted class, words and word
  // pairs before letter sequences. One pass keeping the best six (no sort of every feature).
  const joint = table(weights.joint);
  const best: { name: string; weight: number; letters: boolean }[] = [];
  const better = (a: { weight: number; letters: boolean }, b: { weight: number; letters: boolean }): boolean => (a.letters !== b.letters ? !a.letters : a.weight > b.weight);
  for (const [name, value] of features) {
    const w = joint.get(name);
    if (!w) continue;
    const weight = ((w[towards] as number) - (towards ? (w[0] as number) : 0)) * value;
    if (weight <= 0) continue;
    const entry = { name, weight, letters: name.startsWith('c:') };
    if (best.length === 6 && !better(entry, best[5] as (typeof best)[number])) continue;
    let at = best.length;
    while (at > 0 && better(entry, best[at - 1] as (typeof best)[number])) at--;
    best.splice(at, 0, entry);
    if (best.length > 6) best.pop();
  }
  const contributions = best.map((c) => ({ feature: readable(c.name), weight: Math.round(c.weight * 100) / 100 }));
  return { tier, kind: KIND_CLASSES[kindIndex] ?? 'self_harm', probabilities: { none, concern, urgent }, features: contributions };
}
