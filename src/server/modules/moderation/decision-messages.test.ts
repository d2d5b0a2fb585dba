import { describe, expect, it } from 'vitest';
import { RISK_URGENT_REASON } from '../../../shared/schemas/moderation.js';
import { decideModeration, NEW_MEMBER_HELD_ITEMS, type FieldFacts, type FieldRisk, type ModerationFacts } from './decision.js';

// What the author and the clinician are told, word for word: each reason's message is what the
// author reads under a held, flagged or changed item, and a detector failure's explanation is what
// the clinician reads when they open it. Every decision is made inside a test (none while the file
// is collected), so a broken decision fails these tests rather than the file's loading.

const NONE: FieldRisk = { tier: 'none', kind: 'none', explanation: [], plainExplanation: [] };

/** The messages the author is shown, per reason (the care team's own message aside). */
const TOLD = {
  redacted: 'Part of the text was replaced because it contains a phrase this service removes.',
  watched_phrase_hold: 'Held: it contains a phrase a facilitator checks before the group sees it.',
  flagged: 'Published, and shown to a facilitator because it contains a watched phrase.',
  risk_check_failed: 'Held: a facilitator reads this before the group sees it.',
  pre_moderation: 'Held: in this group a facilitator reads posts before the group sees them.',
  outside_staffed_hours: 'Held: outside staffed hours, posts wait until a facilitator has read them.',
  new_member: 'Held: a facilitator reads a new member’s first posts before the group sees them.',
} as const;

function field(over: Partial<FieldFacts> = {}): FieldFacts {
  return { key: 'text', stored: 'hello', redacted: 'hello', phraseActions: [], contact: null, risk: NONE, ...over };
}

/** A participant long past their first posts, in a post-moderated group that is staffed now. */
function facts(over: Partial<ModerationFacts> = {}): ModerationFacts {
  return { role: 'participant', fields: [field()], group: { moderationMode: 'post', staffedNow: true }, publishedCount: NEW_MEMBER_HELD_ITEMS, careTeamMessage: null, ...over };
}

const told = (code: keyof typeof TOLD) => ({ code, message: TOLD[code] });

describe('what the author is told', () => {
  it('about watched phrases: replaced, held for a facilitator, shown to a facilitator', () => {
    const d = decideModeration(facts({ fields: [field({ phraseActions: ['redact', 'hold', 'flag'] })] }));
    expect(d.reasons).toEqual([told('redacted'), told('watched_phrase_hold'), told('flagged')]);
  });

  it('when the risk detector failed: held until a facilitator has read it', () => {
    expect(decideModeration(facts({ fields: [field({ risk: 'failed' })] })).reasons).toEqual([told('risk_check_failed')]);
  });

  it('in a pre-moderated group, outside staffed hours, and as a new member', () => {
    expect(decideModeration(facts({ group: { moderationMode: 'pre', staffedNow: true } })).reasons).toEqual([told('pre_moderation')]);
    expect(decideModeration(facts({ group: { moderationMode: 'post', staffedNow: false }, publishedCount: 0 })).reasons).toEqual([
      told('outside_staffed_hours'),
      told('new_member'),
    ]);
  });

  it('every hold and change at once, each in its own words, the care team’s own message first among the holds it shares', () => {
    const careTeam = 'Shared with your care team first: Dr Ada has been told.';
    const d = decideModeration(
      facts({
        fields: [
          field({ key: 'a', phraseActions: ['flag', 'redact', 'hold'] }),
          field({ key: 'b', risk: 'failed' }),
          field({ key: 'c', risk: { tier: 'urgent', kind: 'self_harm', explanation: ['urgent rule'], plainExplanation: ['You mention ending your life.'] } }),
        ],
        group: { moderationMode: 'pre', staffedNow: false },
        publishedCount: 0,
        careTeamMessage: careTeam,
      }),
    );
    expect(d.outcome).toBe('hold');
    expect(d.reasons).toEqual([
      told('redacted'),
      told('watched_phrase_hold'),
      told('flagged'),
      told('risk_check_failed'),
      { code: RISK_URGENT_REASON, message: careTeam },
      told('pre_moderation'),
      told('new_member'),
    ]);
  });
});

describe('what the clinician reads about a detector failure', () => {
  it('says the detector failed and that the item was held for them, beside the other fields’ reasons', () => {
    const concern: FieldRisk = { tier: 'concern', kind: 'self_harm', explanation: ['concern rule'], plainExplanation: ['You sound low.'] };
    const d = decideModeration(facts({ fields: [field({ key: 'title', risk: 'failed' }), field({ key: 'text', risk: concern })] }));
    expect(d.risk).toEqual({
      tier: 'concern',
      kind: 'self_harm',
      explanation: ['The risk detector failed on this text: it was held for a clinician to read.', 'concern rule'],
      plainExplanation: ['You sound low.'],
    });
  });
});
