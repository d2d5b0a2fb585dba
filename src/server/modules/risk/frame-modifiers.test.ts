import { describe, expect, it } from 'vitest';
import { assessLayer1 } from './assess-risk.js';
import type { FrameHit } from './frames.js';

// What stops a concept frame from counting, or lowers or raises it: negation, the past (unless it
// is happening again), questions, figures of speech, ordinary use (unless distress or a goodbye is
// in the message), and whose act it is. Read through Layer 1 as the chat reads a message.
const frame = (text: string, id: string): FrameHit | undefined => assessLayer1(text).frames.find((f) => f.frame === id);

describe('negation', () => {
  it('"never" and "not going to" stop a self-harm frame', () => {
    expect(frame('i never cut myself', 'sharp_self')).toMatchObject({ tier: 'none', modifiers: ['negated'] });
    expect(frame('im not going to cut myself', 'sharp_self')).toMatchObject({ tier: 'none', modifiers: ['negated'] });
    expect(frame('i cut myself', 'sharp_self')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
  it('a pattern that holds its own negation is not negated by it', () => {
    expect(frame('i will not stop cutting my arms', 'sharp_self')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
});

describe('the past', () => {
  it('"used to" makes a frame past, with its cue', () => {
    expect(frame('i used to cut myself', 'sharp_self')).toMatchObject({ tier: 'none', modifiers: ['past or recovery (“used to”)'] });
  });
  it('but not when it is happening again, tonight', () => {
    expect(frame('i used to cut myself and i did it again tonight', 'sharp_self')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
});

describe('self-harm with a blade: how recent and how bad', () => {
  it('a wound that has healed is concern; again, or still bleeding, is urgent', () => {
    expect(frame('i cut myself last week, it has healed', 'sharp_self')?.tier).toBe('concern');
    expect(frame('i cut myself again', 'sharp_self')?.tier).toBe('urgent');
    expect(frame('i am cutting my wrists right now', 'sharp_self')?.tier).toBe('urgent');
    expect(assessLayer1('i cut myself last week and it is still bleeding').tier).toBe('urgent');
  });
  it('voices telling the writer to do it are the voices’ frame, not this one', () => {
    expect(frame('the voices told me i cut myself', 'sharp_self')?.tier).toBe('none');
  });
});

describe('questions, figures of speech and ordinary use', () => {
  it('"what if" makes a frame a question', () => {
    expect(frame('what if i cut myself', 'sharp_self')).toMatchObject({ tier: 'none', modifiers: ['a question or “if” (“what if”)'] });
  });
  it('a rope for climbing is ordinary use and a figure of speech, and counts for nothing', () => {
    const l1 = assessLayer1('got a new rope for climbing');
    expect(l1.tier).toBe('none');
    expect(frame('got a new rope for climbing', 'ordinary_use')?.modifiers).toContain('ordinary context (“climbing”)');
    expect(frame('got a new rope for climbing', 'means_prepared')?.modifiers).toContain('ordinary context (“climbing”)');
  });
  it('the same rope with a goodbye or with distress in the message is not ordinary', () => {
    for (const text of ['got a new rope for climbing, goodbye everyone', 'got a new rope for climbing and i feel worthless']) {
      const hits = assessLayer1(text).frames;
      expect(
        hits.some((f) => f.modifiers.some((m) => m.startsWith('ordinary context'))),
        text,
      ).toBe(false);
      expect(
        hits.some((f) => f.frame === 'ordinary_use'),
        text,
      ).toBe(false);
    }
  });
});

describe('whose act it is', () => {
  it('a threat made by somebody else is not the writer’s threat', () => {
    expect(frame('my brother wants to stab him tonight', 'threat_to_other')).toMatchObject({ tier: 'none', modifiers: ['about someone else'] });
    expect(frame('im going to stab him tonight', 'threat_to_other')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
  it('a peer’s means made ready is a worry (concern); a peer’s act just done is urgent', () => {
    expect(frame('my friend has her pills lined up', 'means_prepared')).toMatchObject({ tier: 'concern', modifiers: ['about someone else'] });
    expect(frame('she just took all her pills', 'act_ingested')).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });
});
