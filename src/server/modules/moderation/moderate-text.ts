import { RISK_URGENT_REASON } from '../../../shared/schemas/moderation.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { assessWithContext, type RiskAssessment } from '../risk/assess-risk.js';
import { normalizeForStorage } from './normalize-text.js';
import { assertNoContactDetails } from './pii-guard.js';
import { careTeamMessage } from './care-team.js';
import { isStaffed, parseStaffedHours } from './staffed-hours.js';
import { loadWatchedPhrases, matchWatchedPhrases, redactPhrases } from './watched-phrases.js';

export type ContentKind = 'post' | 'message' | 'appreciation' | 'feedback_request' | 'strategy' | 'celebration' | 'goal' | 'skill_practice';

export interface ModerationInput {
  groupId: string;
  authorId: string;
  enrolmentId: string | null;
  authorRole: 'participant' | 'clinician' | 'admin';
  kind: ContentKind;
  text: string;
}
export type RiskTier = 'none' | 'concern' | 'urgent';
export interface ModerationDecision {
  /** publish = visible to the group now; hold = visible to author + clinicians until a clinician approves. */
  outcome: 'publish' | 'hold';
  /** The text to store (normalised; watched phrases with action 'redact' replaced). */
  text: string;
  /** Why it was held, flagged or changed, for the moderation log and the author. */
  reasons: { code: string; message: string }[];
  flagged: boolean;
  risk: { tier: RiskTier; kind: RiskAssessment['kind']; explanation: string[] };
}

/**
 * How many of a participant's items in a group are held for a facilitator before their posts
 * publish straight away. Three lets a facilitator see how a new member writes across a few
 * situations (an introduction, a reply, a harder day) without making them wait for weeks.
 */
export const NEW_MEMBER_HELD_ITEMS = 3;

/** Reasons that hold an item (the others only explain). */
export const HOLDING_REASONS = new Set(['pre_moderation', 'outside_staffed_hours', 'new_member', 'watched_phrase_hold', 'risk_check_failed', RISK_URGENT_REASON]);

/** How far back the author's own messages are read together with a new one (risk split across messages). */
export const RISK_CONTEXT_MINUTES = 30;
const RISK_CONTEXT_MESSAGES = 5;

/** The author's own group-space messages of the last 30 minutes, oldest first. */
async function recentTexts(db: DbOrTx, groupId: string, authorId: string, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - RISK_CONTEXT_MINUTES * 60_000).toISOString();
  const rows = await db
    .selectFrom('space_posts')
    .select('body')
    .where('author_id', '=', authorId)
    .where('group_id', '=', groupId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(RISK_CONTEXT_MESSAGES)
    .execute();
  return rows.map((r) => r.body).reverse();
}

/**
 * The risk of a participant's text, read with their messages of the last 30 minutes. A detector
 * failure never drops or publishes the text unseen: it is held for a clinician and logged.
 */
async function assessForModeration(db: DbOrTx, input: ModerationInput, stored: string, now: Date): Promise<{ risk: ModerationDecision['risk']; failed: boolean }> {
  try {
    const recent = input.authorRole === 'participant' ? await recentTexts(db, input.groupId, input.authorId, now) : [];
    const risk = assessWithContext(stored, recent);
    return { risk: { tier: risk.tier, kind: risk.kind, explanation: risk.explanation }, failed: false };
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', msg: 'risk detector failed; item held for a clinician', kind: input.kind, groupId: input.groupId, err: error instanceof Error ? error.message : String(error) }));
    return { risk: { tier: 'none', kind: 'none', explanation: ['The risk detector failed on this text: it was held for a clinician to read.'] }, failed: true };
  }
}

/** Items by this author in this group that reached the group (published directly or approved). */
/** Published items of the author in the group, counted up to `upTo` (a long-standing member's history is not scanned per post). */
async function publishedCount(db: DbOrTx, groupId: string, authorId: string, upTo: number): Promise<number> {
  const rows = await db
    .selectFrom('moderation_log')
    .select('item_id')
    .distinct()
    .where('group_id', '=', groupId)
    .where('author_id', '=', authorId)
    .where('action', 'in', ['published', 'flagged', 'approved'])
    .limit(upTo)
    .execute();
  return rows.length;
}

async function groupPseudonyms(db: DbOrTx, groupId: string): Promise<string[]> {
  const rows = await db.selectFrom('enrolments').select('pseudonym').where('group_id', '=', groupId).execute();
  return rows.map((r) => r.pseudonym.normalize('NFKC').toLowerCase());
}

/**
 * Decides what happens to a text. Throws AppError('contact_details_refused') (422, with the reason:
 * email / phone / social handle) and AppError('blocked_phrase') (422) — nothing is stored then.
 * Reads the group's moderation mode (pre/post), staffed hours and the author's number of published
 * posts (new members' first posts are held), and the service's watched phrases. Writes nothing.
 */
export async function moderateText(db: DbOrTx, input: ModerationInput, now: Date): Promise<ModerationDecision> {
  const stored = normalizeForStorage(input.text);
  if (!stored) throw new AppError('validation_failed', 'Write something first.', [{ path: 'body.text', message: 'Required.' }]);
  const participant = input.authorRole === 'participant';
  const group = await db
    .selectFrom('therapy_groups')
    .select(['moderation_mode', 'staffed_hours', 'timezone'])
    .where('id', '=', input.groupId)
    .executeTakeFirst();
  if (!group) throw new AppError('not_found', 'This group was not found.');

  // Contact details from staff (a service phone line, say) are their professional choice.
  // The group's pseudonyms only matter for "@name" mentions, so they are read only when there is an @.
  if (participant) assertNoContactDetails(stored, stored.includes('@') || stored.includes('＠') ? await groupPseudonyms(db, input.groupId) : []);

  const matches = matchWatchedPhrases(stored, await loadWatchedPhrases(db));
  if (matches.some((m) => m.phrase.action === 'block')) {
    throw new AppError('blocked_phrase', 'This contains a phrase this service does not allow in the group space. Please rephrase it and send again.');
  }
  const reasons: ModerationDecision['reasons'] = [];
  const redact = matches.filter((m) => m.phrase.action === 'redact').map((m) => m.phrase);
  const text = redact.length ? redactPhrases(stored, redact) : stored;
  if (redact.length) reasons.push({ code: 'redacted', message: 'Part of the text was replaced because it contains a phrase this service removes.' });
  if (matches.some((m) => m.phrase.action === 'hold')) {
    reasons.push({ code: 'watched_phrase_hold', message: 'Held: it contains a phrase a facilitator checks before the group sees it.' });
  }
  const flagged = matches.some((m) => m.phrase.action === 'flag');
  if (flagged) reasons.push({ code: 'flagged', message: 'Published, and shown to a facilitator because it contains a watched phrase.' });

  // Risk is assessed on what the author wrote (before redaction), read with their messages of the
  // last 30 minutes. An urgent item from a participant goes to their care team first, on every
  // surface; a concern follows the group's setting; a detector failure holds the item.
  const { risk, failed } = await assessForModeration(db, input, stored, now);
  if (failed) reasons.push({ code: 'risk_check_failed', message: 'Held: a facilitator reads this before the group sees it.' });
  if (participant && risk.tier === 'urgent') {
    reasons.push({ code: RISK_URGENT_REASON, message: await careTeamMessage(db, input.groupId, now) });
  }

  if (participant) {
    if (group.moderation_mode === 'pre') {
      reasons.push({ code: 'pre_moderation', message: 'Held: in this group a facilitator reads posts before the group sees them.' });
    } else if (!isStaffed(parseStaffedHours(group.staffed_hours), group.timezone, now)) {
      reasons.push({ code: 'outside_staffed_hours', message: 'Held: outside staffed hours, posts wait until a facilitator has read them.' });
    }
    if ((await publishedCount(db, input.groupId, input.authorId, NEW_MEMBER_HELD_ITEMS)) < NEW_MEMBER_HELD_ITEMS) {
      reasons.push({ code: 'new_member', message: 'Held: a facilitator reads a new member’s first posts before the group sees them.' });
    }
  }

  return {
    outcome: reasons.some((r) => HOLDING_REASONS.has(r.code)) ? 'hold' : 'publish',
    text,
    reasons,
    flagged,
    risk,
  };
}
