import { describe, expect, it } from 'vitest';
import { listBatches, loadBatch, type LabelledSentence } from './corpus.js';
import { framesReading, loadFramesFixture, readingHash, readsFurtherFrom, readsRight, recordedReadings, sentenceKey, type FramesReading } from './frames-fixture.js';

// The frame table judged against the labelled corpus: every sentence its frames read right when the
// fixture was recorded (frames-fixture.ts) must still read right — the labelled tier, and a counted
// frame of the labelled kind — and read the same (the same frames, tiers, kinds and modifiers: what
// the alert card shows); every urgent or ordinary sentence they misread as concern must not be read
// further from its label. A frame's pattern widened (an ordinary sentence now raised), narrowed (an
// urgent one now missed), its tier or kind swapped, or a modifier lost or reworded, fails it.
// After a deliberate change, `npm run risk:frames-fixture` records the new readings and lists what
// stopped reading right and what reads differently; say which in the commit.
const fixture = loadFramesFixture();
const recorded = recordedReadings(fixture);
const misread = new Set(fixture.misread);
const corpus: LabelledSentence[] = [];
const seen = new Set<string>();
for (const sentence of listBatches().flatMap(loadBatch)) {
  const key = sentenceKey(sentence.text);
  if ((recorded.has(key) || misread.has(key)) && !seen.has(`${key}:${sentence.tier}`)) {
    seen.add(`${key}:${sentence.tier}`);
    corpus.push(sentence);
  }
}

const describeReading = (r: FramesReading): string =>
  r.hits.length ? r.hits.map((h) => `${h.frame}:${h.tier}${h.modifiers.length ? ` (${h.modifiers.join('; ')})` : ''}`).join(', ') : 'no frame';

describe('the frames against the labelled corpus', () => {
  it('finds the fixture’s sentences in the corpus (re-record it if a batch was rewritten)', () => {
    const found = new Set(corpus.map((s) => sentenceKey(s.text)));
    expect(fixture.risk.length).toBeGreaterThan(4000);
    expect(fixture.none.length).toBeGreaterThan(1000);
    expect(fixture.misread.length).toBeGreaterThan(100);
    expect(found.size).toBe(recorded.size + misread.size);
  });

  // In chunks of 100 sentences, each its own test: the mutation gate runs, for a mutant in one frame's
  // rule, only the chunks whose sentences reach that rule (Stryker's per-test coverage), and the chunk
  // that fails names the sentences. The wording is checked across all chunks in the last test.
  const labels = new Map<string, Set<string>>();
  const plains = new Map<string, Set<string>>();
  const CHUNK = 100;
  for (let from = 0; from < corpus.length; from += CHUNK) {
    const chunk = corpus.slice(from, from + CHUNK);
    it(`keeps reading the labelled sentences as recorded (${from + 1}–${from + chunk.length} of ${corpus.length})`, () => {
      const wrong: string[] = [];
      for (const sentence of chunk) {
        const reading = framesReading(sentence.text);
        const key = sentenceKey(sentence.text);
        const now = `[${sentence.tier}/${sentence.kind}, read ${reading.tier} ${reading.kinds.join('+')}: ${describeReading(reading)}] ${sentence.text}`;
        if (misread.has(key)) {
          if (readsFurtherFrom(sentence, reading)) wrong.push(`read further from its label than concern: ${now}`);
        } else if (!readsRight(sentence, reading)) wrong.push(now);
        else if (readingHash(reading) !== recorded.get(key)) wrong.push(`read differently (frames, tiers or modifiers): ${now}`);
        for (const hit of reading.hits) {
          if (hit.label.length < 10) wrong.push(`${hit.frame} has no label: ${sentence.text}`);
          if (hit.tier !== 'none' && hit.plain.length < 10) wrong.push(`${hit.frame} counted (${hit.tier}) with no plain wording: ${sentence.text}`);
          labels.set(hit.frame, (labels.get(hit.frame) ?? new Set()).add(hit.label));
          // The frames kept only as ordinary context for the fusion (a routine, a coping skill) have no
          // plain wording because they never count: nobody sees them.
          if (hit.plain !== '') plains.set(hit.frame, (plains.get(hit.frame) ?? new Set()).add(hit.plain));
        }
      }
      expect(wrong, 'labelled sentences the frames no longer read right').toEqual([]);
    });
  }

  it('names each frame it counts for what it is: its own wording, the same every time, not another frame’s', () => {
    expect(labels.size, 'frames seen in the chunks (run the whole file)').toBeGreaterThanOrEqual(20);
    const problems: string[] = [];
    for (const [frame, set] of labels) if (set.size !== 1) problems.push(`${frame}: labels ${[...set].join(' | ')}`);
    for (const [frame, set] of plains) if (set.size !== 1) problems.push(`${frame}: plain wording ${[...set].join(' | ')}`);
    expect(problems).toEqual([]);
    const allLabels = [...labels.values()].map((set) => [...set][0]);
    const allPlains = [...plains.values()].map((set) => [...set][0]);
    expect(new Set(allLabels).size, 'two frames share a label').toBe(allLabels.length);
    expect(new Set(allPlains).size, 'two frames share plain wording').toBe(allPlains.length);
  });
});
