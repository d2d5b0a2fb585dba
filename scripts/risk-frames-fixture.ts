/**
 * `npm run risk:frames-fixture`: records which labelled sentences the risk detector's frames read
 * right (src/server/modules/risk/frames-corpus.fixture.json), the fixture of frames-corpus.test.ts.
 * Run it after a deliberate change to the frames or after adding a corpus batch, and say in the
 * commit which sentences it stopped reading right (the script prints them) and why that is accepted.
 */
import fs from 'node:fs';
import { listBatches, loadBatch, type LabelledSentence } from '../src/server/modules/risk/corpus.js';
import { FRAMES_FIXTURE_FILE, buildFramesFixture, recordedReadings, sentenceKey, type FramesFixture } from '../src/server/modules/risk/frames-fixture.js';

const corpus = listBatches().flatMap(loadBatch);
const before: FramesFixture | null = fs.existsSync(FRAMES_FIXTURE_FILE) ? (JSON.parse(fs.readFileSync(FRAMES_FIXTURE_FILE, 'utf8')) as FramesFixture) : null;
const { fixture, wrong, hashes } = buildFramesFixture(corpus, `${new Date().toISOString().slice(0, 10)} by npm run risk:frames-fixture, ${corpus.length} labelled sentences`);
fs.writeFileSync(FRAMES_FIXTURE_FILE, `${JSON.stringify(fixture, null, 0)}\n`);
console.log(
  `${FRAMES_FIXTURE_FILE}: ${fixture.risk.length} urgent or concern sentences and ${fixture.none.length} ordinary ones read right; ${fixture.misread.length} urgent or ordinary ones misread as concern.`,
);
if (before) {
  const recordedBefore = recordedReadings(before);
  const lost = new Map<string, LabelledSentence>();
  const changed = new Map<string, LabelledSentence>();
  for (const s of corpus) {
    const key = sentenceKey(s.text);
    if (!recordedBefore.has(key)) continue;
    if (wrong.has(key)) lost.set(key, s);
    else if (recordedBefore.get(key) !== hashes.get(key)) changed.set(key, s);
  }
  for (const s of lost.values()) console.log(`  no longer read right: [${s.tier}/${s.kind}] ${s.text}`);
  for (const s of changed.values()) console.log(`  read differently, still right: [${s.tier}/${s.kind}] ${s.text}`);
  console.log(`${lost.size} sentence(s) recorded before no longer read right; ${changed.size} read right but differently (frames, tiers or modifiers).`);
}
