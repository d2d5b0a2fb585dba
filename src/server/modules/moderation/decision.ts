import { RISK_URGENT_REASON } from '../../../shared/schemas/moderation.js';
import type { RiskKind } from '../risk/assess-risk.js';
import type { ContactProblem } from './pii-guard.js';
import type { WatchedPhraseAction } from '../../db/schema.js';

// The merged moderation decision as a pure function of what was read: no database, no clock, no
// detector. `moderate()` gathers the facts and calls `decideModeration`; everything that decides
// what is held, flagged, redacted or refused lives here and nowhere else.

export type RiskTier = 'none' | 'concern' | 'urgent';
export type AuthorRole = 'participant' | 'clinician' | 'admin';

export interface Reason {
  code: string;
  message: string;
}

/** What the detector said about one field (already read with the author's recent messages), or 'failed'. */
export type FieldRisk = { tier: RiskTier; kind: RiskKind | 'none'; explanation: readonly string[]; plainExplanation: readonly string[] } | 'failed';

/** One field as written (normalised for storage), what it met and what the detector said. */
export interface FieldFacts<K extends string = string> {
  key: K;
  /** The normalised text (before redaction). */
  stored: string;
  /** The text with watched phrases of action 'redact' replaced (equal to `stored` when none). */
  redacted: string;
  /** Actions of the watched phrases the field contains. */
  phraseActions: readonly WatchedPhraseAction[];
  /** Contact details found in the field, whoever wrote it (the decision knows whose are refused). */
  contact: ContactProblem | null;
  risk: FieldRisk;
}

export interface ModerationFacts<K extends string = string> {
  role: AuthorRole;
  fields: readonly FieldFacts<K>[];
  group: { moderationMode: 'pre' | 'post'; staffedNow: boolean };
  /** The author's items in the group that reached it, counted up to NEW_MEMBER_HELD_ITEMS (read for participants only). */
  publishedCount: number;
  /** Who the author of an urgent item is told has been told (read only when `needsCareTeamMessage`). */
  careTeamMessage: string | null;
}

export interface ModerationDecision<K extends string = string> {
  /** publish = visible to the group now; hold = visible to author + clinicians until a clinician approves. */
  outcome: 'publish' | 'hold';
  /** The text to store, per field (normalised; watched phrases with action 'redact' replaced). */
  texts: Record<K, string>;
  /** The fields' stored texts joined by a blank line (the whole text of a one-field item). */
  text: string;
  /** Why it was held, flagged or changed, for the moderation log and the author (one reason per code). */
  reasons: Reason[];
  flagged: boolean;
  /** The highest tier over the fields; the kind of the first field at that tier. */
  risk: { tier: RiskTier; kind: RiskKind | 'none'; explanation: string[]; plainExplanation: string[] };
  /** Refused on sending (422 contact_details_refused): the first field with contact details, from a participant. */
  contactDetails: (ContactProblem & { field: string }) | null;
  /** Refused on sending (422 blocked_phrase): a field contains a phrase with action 'block'. */
  blockedPhrase: boolean;
}

/**
 * How many of a participant's items in a group are held for a facilitator before their posts
 * publish straight away. Three lets a facilitator see how a new member writes across a few
 * situations (an introduction, a reply, a harder day) without making them wait for weeks.
 */
export const NEW_MEMBER_HELD_ITEMS = 3;

/** Reasons that hold an item (the others only explain). */
export const HOLDING_REASONS: ReadonlySet<string> = new Set([
  'pre_moderation',
  'outside_staffed_hours',
  'new_member',
  'watched_phrase_hold',
  'risk_check_failed',
  RISK_URGENT_REASON,
]);

const TIER_RANK: Record<RiskTier, number> = { none: 0, concern: 1, urgent: 2 };

export const DETECTOR_FAILED_EXPLANATION = 'The risk detector failed on this text: it was held for a clinician to read.';

/** The merged risk over fields: highest tier, the kind of the first field at that tier, every explanation once. A failed field counts as tier none. */
export function mergeRisk(fields: readonly Pick<FieldFacts, 'risk'>[]): ModerationDecision['risk'] {
  const risks = fields.map((f) =>
    f.risk === 'failed' ? { tier: 'none' as const, kind: 'none' as const, explanation: [DETECTOR_FAILED_EXPLANATION], plainExplanation: [] } : f.risk,
  );
  let top: (typeof risks)[number] | undefined;
  for (const r of risks) if (!top || TIER_RANK[r.tier] > TIER_RANK[top.tier]) top = r;
  const tier = top?.tier ?? 'none';
  return {
    tier,
    kind:
      // Stryker disable next-line ConditionalExpression,StringLiteral: at tier none the top field's kind is already 'none' (the detector names a kind only above none, a failed field is none/none), so reading it instead changes nothing
      tier === 'none'
        ? 'none'
        : // Stryker disable next-line OptionalChaining,StringLiteral: reached only above tier none, where `top` is a field's risk whose kind is never undefined, so neither `?.` nor the fallback is ever used
          (top?.kind ?? 'none'),
    explanation: [...new Set(risks.flatMap((r) => r.explanation))],
    plainExplanation: [...new Set(risks.flatMap((r) => r.plainExplanation))],
  };
}

/** True when the decision will name the care team to the author (a participant's urgent item): only then is the message read. */
export function needsCareTeamMessage(role: AuthorRole, fields: readonly Pick<FieldFacts, 'risk'>[]): boolean {
  return role === 'participant' && mergeRisk(fields).tier === 'urgent';
}

/**
 * The one moderation decision for an item of one or more fields. Field by field: redaction,
 * watched-phrase holds and flags, contact details and blocked phrases, the detector's tier (a
 * failure holds). Then for the author: a participant's urgent item goes to their care team
 * first, on every surface; a participant's item follows the group's mode (pre-moderation, or
 * held outside staffed hours) and a new member's first items are held. Staff items are held only
 * for a watched phrase or a detector failure, and their contact details are their professional
 * choice. Refusals (contact details, blocked phrase) are reported, not thrown: `moderate()`
 * throws them when sending and the preview shows them.
 */
export function decideModeration<K extends string>(facts: ModerationFacts<K>): ModerationDecision<K> {
  const participant = facts.role === 'participant';
  const actions = new Set(facts.fields.flatMap((f) => f.phraseActions));
  const reasons: Reason[] = [];
  if (actions.has('redact')) reasons.push({ code: 'redacted', message: 'Part of the text was replaced because it contains a phrase this service removes.' });
  if (actions.has('hold')) reasons.push({ code: 'watched_phrase_hold', message: 'Held: it contains a phrase a facilitator checks before the group sees it.' });
  const flagged = actions.has('flag');
  if (flagged) reasons.push({ code: 'flagged', message: 'Published, and shown to a facilitator because it contains a watched phrase.' });

  const risk = mergeRisk(facts.fields);
  if (facts.fields.some((f) => f.risk === 'failed')) reasons.push({ code: 'risk_check_failed', message: 'Held: a facilitator reads this before the group sees it.' });
  if (participant && risk.tier === 'urgent') {
    reasons.push({
      code: RISK_URGENT_REASON,
      message: facts.careTeamMessage ?? 'Shared with your care team first: they will read it before the group sees it. If you need help now, call the crisis line.',
    });
  }
  if (participant) {
    if (facts.group.moderationMode === 'pre') {
      reasons.push({ code: 'pre_moderation', message: 'Held: in this group a facilitator reads posts before the group sees them.' });
    } else if (!facts.group.staffedNow) {
      reasons.push({ code: 'outside_staffed_hours', message: 'Held: outside staffed hours, posts wait until a facilitator has read them.' });
    }
    if (facts.publishedCount < NEW_MEMBER_HELD_ITEMS) {
      reasons.push({ code: 'new_member', message: 'Held: a facilitator reads a new member’s first posts before the group sees them.' });
    }
  }

  const texts = {} as Record<K, string>;
  for (const f of facts.fields) texts[f.key] = f.redacted;
  const contactField = participant ? facts.fields.find((f) => f.contact) : undefined;
  return {
    outcome: reasons.some((r) => HOLDING_REASONS.has(r.code)) ? 'hold' : 'publish',
    texts,
    text: facts.fields.map((f) => f.redacted).join('\n\n'),
    reasons,
    flagged,
    risk,
    contactDetails: contactField?.contact ? { ...contactField.contact, field: contactField.key } : null,
    blockedPhrase: actions.has('block'),
  };
}
