import { describe, expect, it } from 'vitest';
import { RISK_URGENT_REASON } from '../../../shared/schemas/moderation.js';
import { AppError } from '../../http/errors.js';
import {
  decideModeration,
  DETECTOR_FAILED_EXPLANATION,
  HOLDING_REASONS,
  mergeRisk,
  needsCareTeamMessage,
  NEW_MEMBER_HELD_ITEMS,
  type FieldFacts,
  type FieldRisk,
  type ModerationFacts,
} from './decision.js';
import { assertSendable, statusOf } from './moderate.js';

// The merged decision is a pure function of what moderate() read: these tests pin each rule
// (fields × risk × holds × watched words × author) without a database.

const NONE: FieldRisk = { tier: 'none', kind: 'none', explanation: [], plainExplanation: [] };
const CONCERN: FieldRisk = { tier: 'concern', kind: 'self_harm', explanation: ['concern rule'], plainExplanation: ['You sound low.'] };
const URGENT_SELF: FieldRisk = { tier: 'urgent', kind: 'self_harm', explanation: ['urgent rule'], plainExplanation: ['You mention ending your life.'] };
const URGENT_DANGER: FieldRisk = { tier: 'urgent', kind: 'being_harmed', explanation: ['danger frame'], plainExplanation: ['Someone may hurt you.'] };
const EMAIL = { kind: 'email' as const, message: 'Email addresses are not shared here.' };
const PHONE = { kind: 'phone' as const, message: 'Phone numbers are not shared here.' };
const CARE_TEAM = 'Shared with your care team first: Dr Ada has been told.';

function field<K extends string = 'text'>(over: Partial<FieldFacts<K>> = {}): FieldFacts<K> {
  return { key: 'text' as K, stored: 'hello', redacted: 'hello', phraseActions: [], contact: null, risk: NONE, ...over };
}

/** A participant long past their first posts, in a post-moderated group that is staffed now. */
function facts<K extends string = 'text'>(over: Partial<ModerationFacts<K>> = {}): ModerationFacts<K> {
  return { role: 'participant', fields: [field<K>()], group: { moderationMode: 'post', staffedNow: true }, publishedCount: NEW_MEMBER_HELD_ITEMS, careTeamMessage: null, ...over };
}

const codes = (f: ModerationFacts) => decideModeration(f).reasons.map((r) => r.code);

describe('decideModeration: a plain item', () => {
  it('publishes a settled member’s ordinary text with nothing to explain', () => {
    expect(decideModeration(facts())).toEqual({
      outcome: 'publish',
      texts: { text: 'hello' },
      text: 'hello',
      reasons: [],
      flagged: false,
      risk: { tier: 'none', kind: 'none', explanation: [], plainExplanation: [] },
      contactDetails: null,
      blockedPhrase: false,
    });
  });

  it('stores the redacted text per field and joins the fields with a blank line', () => {
    const d = decideModeration(
      facts({
        fields: [field({ key: 'title', stored: 'Hi', redacted: 'Hi' }), field({ key: 'text', stored: 'bloody bus', redacted: '[removed] bus', phraseActions: ['redact'] })],
      }),
    );
    expect(d.texts).toEqual({ title: 'Hi', text: '[removed] bus' });
    expect(d.text).toBe('Hi\n\n[removed] bus');
  });
});

describe('decideModeration: the group’s holds apply to participants', () => {
  it('holds a new member’s first items, and no longer once they have enough published', () => {
    expect(codes(facts({ publishedCount: NEW_MEMBER_HELD_ITEMS - 1 }))).toEqual(['new_member']);
    expect(decideModeration(facts({ publishedCount: NEW_MEMBER_HELD_ITEMS - 1 })).outcome).toBe('hold');
    expect(decideModeration(facts({ publishedCount: 0 })).outcome).toBe('hold');
    expect(codes(facts({ publishedCount: NEW_MEMBER_HELD_ITEMS }))).toEqual([]);
    expect(NEW_MEMBER_HELD_ITEMS).toBe(3);
  });

  it('holds in a pre-moderated group (staffed or not: pre-moderation says it all)', () => {
    expect(codes(facts({ group: { moderationMode: 'pre', staffedNow: true } }))).toEqual(['pre_moderation']);
    expect(codes(facts({ group: { moderationMode: 'pre', staffedNow: false } }))).toEqual(['pre_moderation']);
    expect(decideModeration(facts({ group: { moderationMode: 'pre', staffedNow: true } })).outcome).toBe('hold');
  });

  it('holds outside staffed hours in a post-moderated group', () => {
    expect(codes(facts({ group: { moderationMode: 'post', staffedNow: false } }))).toEqual(['outside_staffed_hours']);
    expect(decideModeration(facts({ group: { moderationMode: 'post', staffedNow: false } })).outcome).toBe('hold');
  });

  it('lists every hold that applies, in order: group mode, then new member', () => {
    expect(codes(facts({ group: { moderationMode: 'post', staffedNow: false }, publishedCount: 0 }))).toEqual(['outside_staffed_hours', 'new_member']);
  });

  for (const role of ['clinician', 'admin'] as const) {
    it(`does not hold a ${role}'s item for the group's mode, hours or newness`, () => {
      const d = decideModeration(facts({ role, group: { moderationMode: 'pre', staffedNow: false }, publishedCount: 0 }));
      expect(d.reasons).toEqual([]);
      expect(d.outcome).toBe('publish');
    });
  }
});

describe('decideModeration: watched phrases, for every author', () => {
  it('redact: replaced and explained, still published', () => {
    const d = decideModeration(facts({ fields: [field({ phraseActions: ['redact'] })] }));
    expect(d.reasons.map((r) => r.code)).toEqual(['redacted']);
    expect(d.reasons[0]?.message).toMatch(/replaced/);
    expect(d.outcome).toBe('publish');
    expect(d.flagged).toBe(false);
  });

  it('hold: held for a facilitator, also a clinician’s', () => {
    for (const role of ['participant', 'clinician'] as const) {
      const d = decideModeration(facts({ role, fields: [field({ phraseActions: ['hold'] })] }));
      expect(d.reasons.map((r) => r.code)).toEqual(['watched_phrase_hold']);
      expect(d.outcome).toBe('hold');
    }
  });

  it('flag: published and flagged', () => {
    const d = decideModeration(facts({ fields: [field({ phraseActions: ['flag'] })] }));
    expect(d.flagged).toBe(true);
    expect(d.outcome).toBe('publish');
    expect(d.reasons.map((r) => r.code)).toEqual(['flagged']);
  });

  it('block: reported as a refusal, for staff too; nothing else is said about it', () => {
    for (const role of ['participant', 'clinician'] as const) {
      const d = decideModeration(facts({ role, fields: [field({ phraseActions: ['block'] })] }));
      expect(d.blockedPhrase).toBe(true);
      expect(d.reasons).toEqual([]);
    }
    expect(decideModeration(facts()).blockedPhrase).toBe(false);
  });

  it('explains each action once even when several fields or phrases meet it, in a fixed order', () => {
    const d = decideModeration(facts({ fields: [field({ key: 'a', phraseActions: ['flag', 'hold'] }), field({ key: 'b', phraseActions: ['redact', 'hold', 'flag'] })] }));
    expect(d.reasons.map((r) => r.code)).toEqual(['redacted', 'watched_phrase_hold', 'flagged']);
    expect(d.outcome).toBe('hold');
    expect(d.flagged).toBe(true);
  });
});

describe('decideModeration: contact details', () => {
  it('refuses a participant’s, naming the first field that has them', () => {
    const d = decideModeration(facts({ fields: [field({ key: 'title' }), field({ key: 'steps', contact: PHONE }), field({ key: 'text', contact: EMAIL })] }));
    expect(d.contactDetails).toEqual({ ...PHONE, field: 'steps' });
  });

  it('leaves staff contact details alone (a service line is their professional choice)', () => {
    expect(decideModeration(facts({ role: 'clinician', fields: [field({ contact: PHONE })] })).contactDetails).toBeNull();
    expect(decideModeration(facts({ role: 'admin', fields: [field({ contact: EMAIL })] })).contactDetails).toBeNull();
  });
});

describe('decideModeration: risk', () => {
  it('a participant’s urgent item goes to their care team first, named to them', () => {
    const d = decideModeration(facts({ fields: [field({ risk: URGENT_SELF })], careTeamMessage: CARE_TEAM }));
    expect(d.reasons).toEqual([{ code: RISK_URGENT_REASON, message: CARE_TEAM }]);
    expect(d.outcome).toBe('hold');
    expect(d.risk).toEqual({ tier: 'urgent', kind: 'self_harm', explanation: ['urgent rule'], plainExplanation: ['You mention ending your life.'] });
  });

  it('still holds an urgent item when the care team could not be named', () => {
    const d = decideModeration(facts({ fields: [field({ risk: URGENT_DANGER })] }));
    expect(d.reasons.map((r) => r.code)).toEqual([RISK_URGENT_REASON]);
    expect(d.reasons[0]?.message).toMatch(/care team first/);
    expect(d.outcome).toBe('hold');
  });

  it('concern follows the group’s setting: published in a staffed post-moderated group, with its tier', () => {
    const d = decideModeration(facts({ fields: [field({ risk: CONCERN })] }));
    expect(d.outcome).toBe('publish');
    expect(d.reasons).toEqual([]);
    expect(d.risk.tier).toBe('concern');
    expect(decideModeration(facts({ fields: [field({ risk: CONCERN })], group: { moderationMode: 'pre', staffedNow: true } })).reasons.map((r) => r.code)).toEqual([
      'pre_moderation',
    ]);
  });

  it('tiers a clinician’s words the same but does not hold them for the care team', () => {
    const d = decideModeration(facts({ role: 'clinician', fields: [field({ risk: URGENT_SELF })], careTeamMessage: CARE_TEAM }));
    expect(d.risk.tier).toBe('urgent');
    expect(d.outcome).toBe('publish');
    expect(d.reasons).toEqual([]);
  });

  it('merges fields: the highest tier, the kind of the first field at that tier, every explanation once', () => {
    const d = decideModeration(
      facts({ fields: [field({ key: 'a', risk: CONCERN }), field({ key: 'b', risk: URGENT_DANGER }), field({ key: 'c', risk: URGENT_SELF }), field({ key: 'd', risk: CONCERN })] }),
    );
    expect(d.risk).toEqual({
      tier: 'urgent',
      kind: 'being_harmed',
      explanation: ['concern rule', 'danger frame', 'urgent rule'],
      plainExplanation: ['You sound low.', 'Someone may hurt you.', 'You mention ending your life.'],
    });
    expect(d.reasons.map((r) => r.code)).toEqual([RISK_URGENT_REASON]);
  });

  it('a concern in one field and nothing in another is a concern', () => {
    expect(mergeRisk([{ risk: NONE }, { risk: CONCERN }])).toMatchObject({ tier: 'concern', kind: 'self_harm' });
    expect(mergeRisk([{ risk: NONE }, { risk: NONE }])).toEqual({ tier: 'none', kind: 'none', explanation: [], plainExplanation: [] });
    expect(mergeRisk([])).toEqual({ tier: 'none', kind: 'none', explanation: [], plainExplanation: [] });
  });

  it('a detector failure holds the item for a clinician (any author), explained, and the other fields still count', () => {
    for (const role of ['participant', 'clinician'] as const) {
      const d = decideModeration(facts({ role, fields: [field({ key: 'a', risk: 'failed' })] }));
      expect(d.reasons.map((r) => r.code)).toEqual(['risk_check_failed']);
      expect(d.outcome).toBe('hold');
      expect(d.risk).toEqual({ tier: 'none', kind: 'none', explanation: [DETECTOR_FAILED_EXPLANATION], plainExplanation: [] });
    }
    const mixed = decideModeration(facts({ fields: [field({ key: 'a', risk: 'failed' }), field({ key: 'b', risk: URGENT_SELF })], careTeamMessage: CARE_TEAM }));
    expect(mixed.reasons.map((r) => r.code)).toEqual(['risk_check_failed', RISK_URGENT_REASON]);
    expect(mixed.risk.tier).toBe('urgent');
    expect(mixed.risk.explanation).toEqual([DETECTOR_FAILED_EXPLANATION, 'urgent rule']);
  });

  it('reads the care team’s names only when the decision will say them', () => {
    expect(needsCareTeamMessage('participant', [{ risk: URGENT_SELF }])).toBe(true);
    expect(needsCareTeamMessage('participant', [{ risk: CONCERN }, { risk: URGENT_DANGER }])).toBe(true);
    expect(needsCareTeamMessage('participant', [{ risk: CONCERN }])).toBe(false);
    expect(needsCareTeamMessage('participant', [{ risk: 'failed' }])).toBe(false);
    expect(needsCareTeamMessage('clinician', [{ risk: URGENT_SELF }])).toBe(false);
    expect(needsCareTeamMessage('admin', [{ risk: URGENT_SELF }])).toBe(false);
  });
});

describe('decideModeration: everything at once', () => {
  it('orders reasons: redaction, watched hold, flag, detector failure, care team, group mode, new member', () => {
    const all = facts({
      fields: [field({ key: 'a', phraseActions: ['flag', 'redact', 'hold'] }), field({ key: 'b', risk: 'failed' }), field({ key: 'c', risk: URGENT_SELF })],
      group: { moderationMode: 'post', staffedNow: false },
      publishedCount: 1,
      careTeamMessage: CARE_TEAM,
    });
    expect(codes(all)).toEqual(['redacted', 'watched_phrase_hold', 'flagged', 'risk_check_failed', RISK_URGENT_REASON, 'outside_staffed_hours', 'new_member']);
  });

  it('holds exactly for the holding reasons', () => {
    expect([...HOLDING_REASONS].sort()).toEqual(['new_member', 'outside_staffed_hours', 'pre_moderation', RISK_URGENT_REASON, 'risk_check_failed', 'watched_phrase_hold'].sort());
    expect(HOLDING_REASONS.has('flagged')).toBe(false);
    expect(HOLDING_REASONS.has('redacted')).toBe(false);
  });
});

describe('sending a decision', () => {
  it('throws contact details first (with the field), then a blocked phrase; otherwise nothing', () => {
    // Decided inside the test, not while the file is collected: a decision that throws must fail a
    // test (a file that fails to load counts as no failure for the mutation gate).
    const base = decideModeration(facts());
    const both = { ...base, contactDetails: { ...EMAIL, field: 'title' }, blockedPhrase: true };
    expect(() => assertSendable(both)).toThrow(
      expect.objectContaining({ code: 'contact_details_refused', message: EMAIL.message, details: [{ path: 'body.title', message: 'email' }] }) as Error,
    );
    expect(() => assertSendable({ ...base, blockedPhrase: true })).toThrow(expect.objectContaining({ code: 'blocked_phrase' }) as Error);
    expect(() => assertSendable({ ...base, blockedPhrase: true })).toThrow(AppError);
    expect(() => assertSendable(base)).not.toThrow();
  });

  it('stores a held decision as held and a published one as published', () => {
    expect(statusOf({ outcome: 'hold' })).toBe('held');
    expect(statusOf({ outcome: 'publish' })).toBe('published');
  });
});
