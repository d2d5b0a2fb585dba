import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RiskKind } from './frames.js';

/**
 * The labelled corpus (README.md, "The corpus"): JSON Lines files in ./corpus, one per dated
 * batch, listed with their role in ./corpus/batches.json. Read by the training script, the tests
 * and the benchmark — never by the server at run time.
 */
export type Tier = 'none' | 'concern' | 'urgent';
export interface LabelledSentence {
  text: string;
  tier: Tier;
  kind: RiskKind | 'none';
  voice: string;
  batch: string;
}
export type BatchRole = 'legacy' | 'train' | 'validation' | 'heldout';
export interface BatchInfo {
  id: string;
  file: string;
  role: BatchRole;
  written: string;
  note: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = path.join(HERE, 'corpus');
const TIERS = new Set(['none', 'concern', 'urgent']);
const KINDS = new Set(['none', 'self_harm', 'harm_to_others', 'being_harmed']);

/** The batches in the order they were written. */
export function listBatches(): BatchInfo[] {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'batches.json'), 'utf8')) as BatchInfo[];
}

/** Every sentence of one batch; a malformed line is an error naming the file and line. */
export function loadBatch(batch: BatchInfo): LabelledSentence[] {
  const lines = fs.readFileSync(path.join(CORPUS_DIR, batch.file), 'utf8').split('\n');
  const out: LabelledSentence[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const row = JSON.parse(line) as Partial<LabelledSentence>;
    const ok = typeof row.text === 'string' && row.text.trim() && TIERS.has(row.tier ?? '') && KINDS.has(row.kind ?? '') && (row.tier === 'none') === (row.kind === 'none');
    if (!ok) throw new Error(`${batch.file}:${i + 1}: not a valid labelled sentence`);
    out.push({ text: row.text as string, tier: row.tier as Tier, kind: row.kind as LabelledSentence['kind'], voice: row.voice ?? '', batch: batch.id });
  });
  return out;
}

/** Sentences of every batch with one of the given roles. */
export function loadCorpus(roles: readonly BatchRole[]): LabelledSentence[] {
  return listBatches()
    .filter((b) => roles.includes(b.role))
    .flatMap(loadBatch);
}

/** The sentences the model is trained on: every "train" batch, without a sentence that a validation or held-out batch also holds (case and outer spaces ignored). Short stock lines ("lol same") recur across batches; once a held-out batch is moved to training, its copy of a line the validation batch holds would otherwise leak it. */
export function trainingCorpus(): LabelledSentence[] {
  const key = (s: LabelledSentence): string => s.text.toLowerCase().trim();
  const kept = new Set(loadCorpus(['validation', 'heldout']).map(key));
  return loadCorpus(['train']).filter((s) => !kept.has(key(s)));
}
