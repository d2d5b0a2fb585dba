import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featuresOf, modelTextExpanded, substanceClassFeatures } from './features.js';
import { expandShorthand } from './prepare-text.js';
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
    // Stryker disable next-line MethodExpression: the trainer writes one bias per class, so the two lengths are equal
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

/** Softmax of a head's logits. */
function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Softmax scores of one head for a feature vector (training, and the reference for the compiled path). */
export function scoreHead(head: Head, features: Map<string, number>): number[] {
  const logits = head.bias.map((b) => b ?? 0);
  const weights = table(head);
  const k = logits.length;
  for (const [name, value] of features) {
    const w = weights.get(name);
    if (!w) continue;
    for (let c = 0; c < k; c++) logits[c] = (logits[c] as number) + (w[c] as number) * value;
  }
  return softmax(logits);
}

/**
 * The run-time path: the same features and the same arithmetic in the same order as featuresOf +
 * scoreHead (a test holds them equal to the last bit), without building a string per feature.
 * Every feature name gets a number once (the model's own features first, others as they are met),
 * each word's letter sequences are kept as numbers, and a message's distinct features are found
 * with a generation stamp instead of a Set of strings. A 2,000-character message otherwise builds
 * and hashes some 4,000 strings. The numbers for features the model does not know are only
 * counted (the vector is normalised by the count of all distinct features); they are forgotten
 * when there are too many, so a server that reads years of chat does not grow without bound.
 */
interface Compiled {
  k: number;
  known: number;
  /** Weights of feature id i at [i*k, i*k+k). */
  flat: Float64Array;
  names: string[];
  letters: Uint8Array;
  ids: Map<string, number>;
  /** Word → [id of w:word, ids of its c: sequences in featuresOf order]. */
  words: Map<string, Int32Array>;
  /** (id of w:first, id of w:second) → id of b:first second. */
  pairs: PairTable;
  stamps: Uint32Array;
  generation: number;
}
const MAX_UNKNOWN_IDS = 400_000;

/**
 * A map from a pair of feature ids to a feature id, by open addressing over one typed array
 * (first, second and value side by side: one cache line per probe). A Map of Maps did the same,
 * but its two lookups per word pair were half of featureIds' time.
 */
export class PairTable {
  /** Slot i at [3i, 3i+3): first (-1: empty), second, value. */
  private slots = new Int32Array(0);
  private mask = 0;
  size = 0;

  constructor(private readonly initial = 1 << 15) {
    this.clear();
  }

  clear(): void {
    this.allocate(this.initial);
    this.size = 0;
  }

  private allocate(capacity: number): void {
    this.slots = new Int32Array(capacity * 3).fill(-1);
    this.mask = capacity - 1;
  }

  /** Slot index (times 3) of (first, second), or of the empty slot where it would go. */
  private slot(first: number, second: number): number {
    // A multiply-xorshift mix of both ids (low bits alone would cluster consecutive ids).
    let h = Math.imul(first, 0x9e3779b1) ^ second;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    let at = (h ^ (h >>> 13)) & this.mask;
    const slots = this.slots;
    for (;;) {
      const k = at * 3;
      const f = slots[k] as number;
      if (f === -1 || (f === first && slots[k + 1] === second)) return k;
      // Stryker disable next-line ArithmeticOperator: probing downwards instead visits every slot too (the mask wraps -1 to the top)
      at = (at + 1) & this.mask;
    }
  }

  /** The value for (first, second), or -1. */
  get(first: number, second: number): number {
    const k = this.slot(first, second);
    return this.slots[k] === -1 ? -1 : (this.slots[k + 2] as number);
  }

  /** Sets the value for a pair not yet in the table. */
  add(first: number, second: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.put(first, second, value);
    this.size++;
  }

  private put(first: number, second: number, value: number): void {
    const k = this.slot(first, second);
    this.slots[k] = first;
    this.slots[k + 1] = second;
    this.slots[k + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.allocate((this.mask + 1) * 2);
    for (let k = 0; k < old.length; k += 3) if (old[k] !== -1) this.put(old[k] as number, old[k + 1] as number, old[k + 2] as number);
  }
}
const compiledHeads = new WeakMap<Head, Compiled>();
function compile(head: Head): Compiled {
  let c = compiledHeads.get(head);
  if (c) return c;
  const rows = table(head);
  // Stryker disable next-line MethodExpression: as in table(): one bias per class
  const k = Math.max(head.bias.length, head.classes.length);
  const names = [...rows.keys()];
  const flat = new Float64Array(names.length * k);
  names.forEach((name, i) => flat.set((rows.get(name) as Float64Array).subarray(0, k), i * k));
  c = {
    k,
    known: names.length,
    flat,
    names,
    letters: Uint8Array.from(names, (n) => (n.startsWith('c:') ? 1 : 0)),
    ids: new Map(names.map((n, i) => [n, i])),
    words: new Map(),
    pairs: new PairTable(),
    stamps: new Uint32Array(names.length * 2 + 1024),
    generation: 0,
  };
  compiledHeads.set(head, c);
  return c;
}
function idOf(c: Compiled, name: string): number {
  let id = c.ids.get(name);
  if (id === undefined) {
    id = c.names.length;
    c.names.push(name);
    c.ids.set(name, id);
  }
  return id;
}
// Stryker disable next-line BlockStatement: forgetting only bounds memory: a forgotten feature is numbered again when next met
function forgetUnknown(c: Compiled): void {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: when to forget only bounds memory (as above)
  if (c.names.length - c.known < MAX_UNKNOWN_IDS) return;
  c.names.length = c.known;
  c.ids = new Map(c.names.map((n, i) => [n, i]));
  c.words.clear();
  c.pairs.clear();
}
function wordIds(c: Compiled, word: string): Int32Array {
  let ids = c.words.get(word);
  if (ids) return ids;
  const list = [idOf(c, `w:${word}`)];
  if (word.length > 2) {
    const padded = ` ${word} `;
    for (let n = 3; n <= 4; n++) for (let j = 0; j + n <= padded.length; j++) list.push(idOf(c, `c:${padded.slice(j, j + n)}`));
  }
  ids = Int32Array.from(list);
  c.words.set(word, ids);
  return ids;
}
function pairId(c: Compiled, first: string, firstId: number, second: string, secondId: number): number {
  let id = c.pairs.get(firstId, secondId);
  if (id === -1) c.pairs.add(firstId, secondId, (id = idOf(c, `b:${first} ${second}`)));
  return id;
}

/** The distinct feature ids of an expanded text, in featuresOf's order. */
function featureIds(c: Compiled, expanded: string): number[] {
  forgetUnknown(c);
  const words = modelTextExpanded(expanded).split(' ').filter(Boolean).slice(0, 600);
  const perWord = words.map((w) => wordIds(c, w));
  const length = words.length <= 3 ? 'tiny' : words.length <= 8 ? 'short' : words.length <= 25 ? 'medium' : 'long';
  const lengthId = idOf(c, `n:${length}`);
  if (c.stamps.length < c.names.length) {
    const grown = new Uint32Array(c.names.length * 2);
    grown.set(c.stamps);
    c.stamps = grown;
  }
  if (++c.generation === 0xffffffff) {
    c.stamps.fill(0);
    c.generation = 1;
  }
  const g = c.generation;
  const stamps = c.stamps;
  const out: number[] = [];
  const add = (id: number): void => {
    if (stamps[id] === g) return;
    stamps[id] = g;
    out.push(id);
  };
  for (let i = 0; i < words.length; i++) {
    const ids = perWord[i] as Int32Array;
    add(ids[0] as number);
    if (i + 1 < words.length) {
      // The pair's id may be new: make room for its stamp.
      const id = pairId(c, words[i] as string, ids[0] as number, words[i + 1] as string, (perWord[i + 1] as Int32Array)[0] as number);
      if (id >= stamps.length) return featureIdsAfterGrowth(c, expanded);
      add(id);
    }
    for (let j = 1; j < ids.length; j++) add(ids[j] as number);
  }
  for (const feature of substanceClassFeatures(words)) {
    const id = idOf(c, feature);
    if (id >= stamps.length) return featureIdsAfterGrowth(c, expanded);
    add(id);
  }
  add(lengthId);
  return out;
}
/** New pair ids outgrew the stamps: grow them and start again (rare; the ids are kept now). */
function featureIdsAfterGrowth(c: Compiled, expanded: string): number[] {
  const grown = new Uint32Array(c.names.length * 2 + 1024);
  grown.set(c.stamps);
  c.stamps = grown;
  return featureIds(c, expanded);
}

function readable(feature: string): string {
  const body = feature.slice(2);
  if (feature.startsWith('n:')) return `(a ${body} message)`;
  return feature.startsWith('c:') ? `“${body.trim()}…” (letters)` : `“${body}”`;
}

/** The model's tier, kind and explanation for a text. */
export function predict(text: string, weights: ModelWeights = modelWeights()): ModelPrediction {
  return predictExpanded(expandShorthand(text), weights);
}

/** predict for a text already through expandShorthand (the detector expands once for all layers). */
export function predictExpanded(expanded: string, weights: ModelWeights = modelWeights()): ModelPrediction {
  const c = compile(weights.joint);
  const ids = featureIds(c, expanded);
  const value = ids.length ? 1 / Math.sqrt(ids.length) : 0;
  const { k, known, flat } = c;
  const logits = weights.joint.bias.map((b) => b ?? 0);
  // Indexed loops: a for…of here was sometimes left unoptimised by V8, allocating an iterator
  // result per feature (some 2,000 for a long message).
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id >= known) continue;
    const at = id * k;
    for (let j = 0; j < k; j++) logits[j] = (logits[j] as number) + (flat[at + j] as number) * value;
  }
  const decided = decide(softmax(logits), weights);
  // The six features that pushed hardest towards the predicted class.
  const best: Ranked<number>[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id >= known) continue;
    offerBest(best, id, ((flat[id * k + decided.towards] as number) - (decided.towards ? (flat[id * k] as number) : 0)) * value, c.letters[id] === 1);
  }
  return prediction(
    decided,
    best.map((b) => ({ ...b, key: c.names[b.key] as string })),
  );
}

/** The reference path (featuresOf + scoreHead, as the trainer scores): tests hold predict equal to it. */
export function predictReference(text: string, weights: ModelWeights = modelWeights()): ModelPrediction {
  return predictFeatures(featuresOf(text), weights);
}

function predictFeatures(features: Map<string, number>, weights: ModelWeights): ModelPrediction {
  const decided = decide(scoreHead(weights.joint, features), weights);
  const joint = table(weights.joint);
  const best: Ranked<string>[] = [];
  for (const [name, value] of features) {
    const w = joint.get(name);
    if (w) offerBest(best, name, ((w[decided.towards] as number) - (decided.towards ? (w[0] as number) : 0)) * value, name.startsWith('c:'));
  }
  return prediction(decided, best);
}

/** From the joint classes' probabilities: the tier (by the thresholds), the kind and the class the explanation leans towards. */
interface Decision {
  tier: ModelPrediction['tier'];
  kindIndex: number;
  /** Index of the predicted joint class (for none, none). */
  towards: number;
  probabilities: ModelPrediction['probabilities'];
}
/** The kind the joint classes lean to (concern and urgent of each kind together), as an index of KIND_CLASSES. */
function jointKindIndex(p: readonly number[]): number {
  const at = (i: number): number => p[i] ?? 0;
  const kinds = [at(1) + at(4), at(2) + at(5), at(3) + at(6)];
  return kinds.indexOf(Math.max(...kinds));
}

/** The model's kind from its joint probabilities (the trainer asks it as the detector does). */
export function jointKind(p: readonly number[]): RiskKind {
  return KIND_CLASSES[jointKindIndex(p)] ?? 'self_harm';
}

function decide(p: number[], weights: ModelWeights): Decision {
  const at = (i: number): number => p[i] ?? 0;
  const none = at(0);
  const concern = at(1) + at(2) + at(3);
  const urgent = at(4) + at(5) + at(6);
  const tier = urgent >= weights.thresholds.urgent ? 'urgent' : urgent + concern >= weights.thresholds.concern ? 'concern' : 'none';
  const kindIndex = jointKindIndex(p);
  const towards = tier === 'none' ? 0 : JOINT_CLASSES.indexOf(`${tier}:${KIND_CLASSES[kindIndex] ?? 'self_harm'}` as (typeof JOINT_CLASSES)[number]);
  return { tier, kindIndex, towards, probabilities: { none, concern, urgent } };
}

/** A feature's push towards the predicted class; words and word pairs rank before letter sequences. */
interface Ranked<K> {
  key: K;
  weight: number;
  letters: boolean;
}
const better = (a: { weight: number; letters: boolean }, b: { weight: number; letters: boolean }): boolean => (a.letters !== b.letters ? !a.letters : a.weight > b.weight);
/** Keeps the six strongest positive pushes in order (one pass, no sort of every feature; compared before an entry is made). */
function offerBest<K>(best: Ranked<K>[], key: K, weight: number, letters: boolean): void {
  if (weight <= 0) return;
  const last = best[5];
  if (last && !(letters !== last.letters ? !letters : weight > last.weight)) return;
  const entry = { key, weight, letters };
  let pos = best.length;
  while (pos > 0 && better(entry, best[pos - 1] as Ranked<K>)) pos--;
  best.splice(pos, 0, entry);
  if (best.length > 6) best.pop();
}

function prediction(decided: Decision, best: readonly Ranked<string>[]): ModelPrediction {
  return {
    tier: decided.tier,
    kind: KIND_CLASSES[decided.kindIndex] ?? 'self_harm',
    probabilities: decided.probabilities,
    features: best.map((b) => ({ feature: readable(b.key), weight: Math.round(b.weight * 100) / 100 })),
  };
}
