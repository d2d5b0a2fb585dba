import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess-risk.js';

const RANK = { none: 0, concern: 1, urgent: 2 } as const;
const tier = (text: string): number => RANK[assessRisk(text).tier];

// Urgent statements written so that a negation or "years ago" fits in one place.
const URGENT = ['i am going to take all my pills', 'i am going to jump off the bridge', 'i am going to kill myself', 'i am going to cut my wrists'];
const IDEATION = ['i want to die', 'i wish i was dead', 'i just want to not exist', 'i keep thinking about dying'];
const BENIGN = ['had a good day at the allotment', 'my sister came round for tea', 'the group helped a lot this week', 'walked the dog by the river'];

describe('risk properties (fast-check)', () => {
  it('a well-placed negation lowers an urgent statement', () => {
    fc.assert(
      fc.property(fc.constantFrom(...URGENT), fc.constantFrom('not', 'never'), (text, negator) => {
        const negated = text.replace('am going', `am ${negator} going`);
        expect(tier(negated)).toBeLessThan(tier(text));
      }),
      { numRuns: 20, seed: 1 },
    );
  });
  it('a threat denied is lower than the threat, but a denied act beside a danger keeps its tier', () => {
    const THREATS = ['he is going to hurt me', 'my partner is going to kill me', 'he will hurt me', 'my ex is going to hit me'];
    fc.assert(
      fc.property(fc.constantFrom(...THREATS), (text) => {
        const denied = text.replace(/ is going/, ' is not going').replace(/ will /, ' will not ');
        expect(tier(denied)).toBeLessThan(tier(text));
        // a condition keeps the threat: "not going to hurt me if i keep quiet"
        expect(tier(`${denied} if i keep quiet`)).toBeGreaterThan(RANK.none);
      }),
      { numRuns: 20, seed: 7 },
    );
    // "he doesn't hit me but…" is how coercive control is often told: still raised
    expect(tier('he doesnt hit me but he punches the walls next to my head and blocks the door')).toBeGreaterThan(RANK.none);
  });
  it('a subject talked about is not an intention ("suicide prevention in class"); researching suicide still is', () => {
    expect(assessRisk('we talked about suicide prevention in class').tier).toBe('none');
    expect(assessRisk('i have been researching suicide methods').tier).toBe('urgent');
  });
  it('"years ago" turns a statement into the past and lowers it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...URGENT.map((t) => t.replace('i am going to', 'i tried to'))), (text) => {
        expect(tier(`${text} years ago, i am in a much better place now`)).toBeLessThan(RANK.urgent);
      }),
      { numRuns: 20, seed: 2 },
    );
  });
  it('adding "tonight" or "right now" to ideation raises it to urgent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IDEATION), fc.constantFrom('tonight', 'right now'), (text, soon) => {
        expect(tier(text)).toBeLessThan(RANK.urgent);
        expect(tier(`${text} ${soon}`)).toBe(RANK.urgent);
      }),
      { numRuns: 20, seed: 3 },
    );
  });
  it('case, extra spaces, missing apostrophes and common typos keep the tier', () => {
    const variants = (text: string): string[] => [
      text.toUpperCase(),
      text.replace(/ /g, '  '),
      text.replace(/'/g, ''),
      text.replace(/tonight/g, 'tonite').replace(/pills/g, 'pils'),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...URGENT.map((t) => `${t} tonight`), ...BENIGN, "i'm going to take all my pills tonight"), (text) => {
        for (const v of variants(text)) expect(tier(v), v).toBe(tier(text));
      }),
      { numRuns: 30, seed: 4 },
    );
  });
  it('ordinary text padded around an urgent statement keeps it urgent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...URGENT), fc.constantFrom(...BENIGN), fc.constantFrom(...BENIGN), (risk, before, after) => {
        expect(assessRisk(`${before}. ${risk} tonight. ${after}.`).tier).toBe('urgent');
      }),
      { numRuns: 30, seed: 5 },
    );
  });
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), (text) => {
        expect(['none', 'concern', 'urgent']).toContain(assessRisk(text).tier);
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});
