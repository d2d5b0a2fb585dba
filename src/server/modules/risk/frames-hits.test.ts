import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { matchFrames, type FrameHit } from './frames.js';
import { expandShorthand } from './prepare-text.js';

// What a clinician reads of each frame that fired: the words it matched (the cue quoted in the
// explanation), the tier and the reason it was lowered — an animal's act, somebody else's act or
// threat, somebody else in danger now.
function frames(text: string): Pick<FrameHit, 'frame' | 'tier' | 'cue' | 'modifiers'>[] {
  const sentences = analyse(expandShorthand(text).replace(/'/g, ''));
  return matchFrames(sentences, { words: sentences.map((s) => s.words).join(' '), lemmas: sentences.map((s) => s.lemmas).join(' ') }).map(({ frame, tier, cue, modifiers }) => ({
    frame,
    tier,
    cue,
    modifiers,
  }));
}

describe('a frame’s cue, tier and reasons', () => {
  it('quotes the matched words and counts the writer’s own act', () => {
    expect(frames('i took a whole packet of ibuprofen')).toEqual([{ frame: 'act_ingested', tier: 'urgent', cue: 'took a whole packet of ibuprofen', modifiers: [] }]);
    expect(frames('he says he will kill me')).toEqual([{ frame: 'threat_from_other', tier: 'urgent', cue: 'he says he will kill me', modifiers: [] }]);
  });

  it('does not count an animal’s act', () => {
    expect(frames('the dog ate a whole packet of ibuprofen')).toEqual([
      { frame: 'act_ingested', tier: 'none', cue: 'ate a whole packet of ibuprofen', modifiers: ['about an animal'] },
    ]);
  });

  it('reads somebody else’s injury as a worry about a peer (concern), not as the writer’s', () => {
    expect(frames('she slit her wrists')).toEqual([{ frame: 'act_injury', tier: 'concern', cue: 'slit her wrists', modifiers: ['about someone else'] }]);
  });

  it('adds no reason to a frame that already does not count', () => {
    expect(frames('the dog did not eat a whole packet of ibuprofen')).toEqual([
      { frame: 'act_ingested', tier: 'none', cue: 'eat a whole packet of ibuprofen', modifiers: ['negated'] },
    ]);
    expect(frames('she did not slit her wrists')).toEqual([{ frame: 'act_injury', tier: 'none', cue: 'slit her wrists', modifiers: ['negated'] }]);
  });

  it('takes "myself" as the writer’s act only inside the matched words', () => {
    expect(frames('i keep telling myself that she slit her wrists')).toEqual([{ frame: 'act_injury', tier: 'concern', cue: 'slit her wrists', modifiers: ['about someone else'] }]);
  });

  it('keeps somebody else in danger now urgent, and says so', () => {
    expect(frames('she is on the bridge and says she will jump')).toEqual([
      { frame: 'place_of_danger', tier: 'urgent', cue: 'is on the bridge', modifiers: ['about someone else, in danger now'] },
    ]);
  });

  it('does not count somebody else’s threat to a third person as the writer’s', () => {
    expect(frames('he wants to stab his brother')).toEqual([{ frame: 'threat_to_other', tier: 'none', cue: 'wants to stab his brother', modifiers: ['about someone else'] }]);
  });
});
