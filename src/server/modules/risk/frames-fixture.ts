import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { framesOf } from './assess-risk.js';
import type { LabelledSentence } from './corpus.js';
import type { FrameHit, RiskKind } from './frames.js';
import { expandShorthand } from './prepare-text.js';

/**
 * What the frames alone (Layer 1's concept frames, without the phrase rules or the model) make of a
 * labelled sentence, and the record of the sentences they read right — the fixture of
 * `frames-corpus.test.ts`. That test keeps every sentence the frames read right reading right, so a
 * changed frame (a pattern narrowed or widened, a tier or kind swapped, a modifier lost) that turns
 * one of the labelled sentences wrong fails it: the frame table's hundreds of patterns are judged
 * against 22,000 labelled sentences, not against a handful of hand-picked ones. A sentence the frames
 * read wrong may change freely (a better reading is not a failure). Read by tests and by
 * `npm run risk:frames-fixture`, never by the server.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FRAMES_FIXTURE_FILE = path.join(HERE, 'frames-corpus.fixture.json');

export interface FramesFixture {
  /** When it was recorded, and by what. */
  recorded: string;
  /** Urgent and concern sentences the frames read right (tier and kind), as `key:reading` (see `readingHash`). */
  risk: string[];
  /** Ordinary sentences the frames read right, as `key:reading`: every one a frame matched (and did not count), and one in sixteen of the others. */
  none: string[];
  /**
   * Keys of sentences the frames read wrong, as concern, that could be read further from their label:
   * an urgent one (which must not drop to none) or an ordinary one (which must not rise to urgent).
   */
  misread: string[];
}

/** A sentence's key: the first 12 hex digits of the SHA-1 of its text (the fixture does not depend on batch order). */
export const sentenceKey = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 12);

export interface FramesReading {
  tier: 'none' | 'concern' | 'urgent';
  /** The kinds of the counted frames at that tier. */
  kinds: RiskKind[];
  hits: FrameHit[];
}

/** The frames' reading of one text, as the detector's Layer 1 takes it (shorthand expanded, sentences analysed). */
export function framesReading(text: string): FramesReading {
  const { frames: hits, frameTier: tier } = framesOf(expandShorthand(text));
  return { tier, kinds: hits.filter((h) => h.tier === tier).map((h) => h.kind), hits };
}

/** Right: the labelled tier, and for a risk, a counted frame of the labelled kind at that tier. */
export const readsRight = (sentence: LabelledSentence, reading: FramesReading): boolean =>
  reading.tier === sentence.tier && (sentence.kind === 'none' || reading.kinds.includes(sentence.kind));

/**
 * What a clinician would see of the frames' reading, hashed: the tier, the kinds at that tier, and each
 * frame that matched with its tier and its modifiers (the reasons it was not counted or was lowered,
 * which the alert card shows). Not the matched words: a pattern may match a word more or less and read
 * the same.
 */
export function readingHash(reading: FramesReading): string {
  const kinds = [...new Set(reading.kinds)].sort().join('+');
  const hits = reading.hits.map((h) => `${h.frame}:${h.tier}:${h.modifiers.join(';')}`).join(',');
  return createHash('sha1').update(`${reading.tier}|${kinds}|${hits}`).digest('hex').slice(0, 8);
}

/** Read further from the label than a recorded misreading (concern) may go: urgent to none, ordinary to urgent. */
export const readsFurtherFrom = (sentence: LabelledSentence, reading: FramesReading): boolean =>
  (sentence.tier === 'urgent' && reading.tier === 'none') || (sentence.tier === 'none' && reading.tier === 'urgent');

/**
 * The fixture for a corpus, as the frames read it now, and the keys of every text they read wrong (a
 * text labelled both ways in different batches is kept only where every copy reads right), with each
 * text's reading hash.
 */
export function buildFramesFixture(corpus: readonly LabelledSentence[], recorded: string): { fixture: FramesFixture; wrong: Set<string>; hashes: Map<string, string> } {
  const risk = new Set<string>();
  const none = new Set<string>();
  const misread = new Set<string>();
  const wrong = new Set<string>();
  const labelled = new Map<string, Set<string>>();
  const hashes = new Map<string, string>();
  for (const sentence of corpus) {
    const reading = framesReading(sentence.text);
    const key = sentenceKey(sentence.text);
    hashes.set(key, readingHash(reading));
    labelled.set(key, (labelled.get(key) ?? new Set()).add(sentence.tier));
    if (!readsRight(sentence, reading)) {
      wrong.add(key);
      if (reading.tier === 'concern' && sentence.tier !== 'concern') misread.add(key);
    } else if (sentence.tier !== 'none') risk.add(key);
    // Every ordinary sentence a frame matched (its ordinary reading is what is at stake), and one in
    // sixteen of the rest, chosen by key: a pattern widened to match what it should not reaches the
    // near misses first, and the test stays fast enough to run for every mutant of the frames.
    else if (reading.hits.length > 0 || key.startsWith('0')) none.add(key);
  }
  const right = (keys: Set<string>): string[] =>
    [...keys]
      .filter((key) => !wrong.has(key))
      .sort()
      .map((key) => `${key}:${hashes.get(key) as string}`);
  const once = [...misread].filter((key) => labelled.get(key)?.size === 1).sort();
  return { fixture: { recorded, risk: right(risk), none: right(none), misread: once }, wrong, hashes };
}

/** The recorded reading hash of each right-read sentence, by key (the fixture stores them as `key:reading`). */
export const recordedReadings = (fixture: FramesFixture): Map<string, string> => new Map([...fixture.risk, ...fixture.none].map((entry) => entry.split(':') as [string, string]));

export function loadFramesFixture(): FramesFixture {
  return JSON.parse(fs.readFileSync(FRAMES_FIXTURE_FILE, 'utf8')) as FramesFixture;
}
