import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Principal } from '../../policy/policy.js';
import { assessWithContext, detectorFaults } from '../risk/assess-risk.js';
import { careTeamMessage } from './care-team.js';
import { decideModeration, needsCareTeamMessage, NEW_MEMBER_HELD_ITEMS, type AuthorRole, type FieldFacts, type FieldRisk, type ModerationDecision } from './decision.js';
import type { ContentKind } from './kinds.js';
import { normalizeForStorage } from './normalize-text.js';
import { findContactDetails } from './pii-guard.js';
import { isStaffed, parseStaffedHours } from './staffed-hours.js';
import { loadWatchedPhrases, matchWatchedPhrases, redactPhrases } from './watched-phrases.js';

/** Who writes: their user id and role, and their enrolment in the group (null for staff: no alerts are raised about staff). */
export interface ModerationAuthor {
  userId: string;
  role: AuthorRole;
  enrolmentId: string | null;
}

/** The signed-in person as the author of what they send, with their enrolment in the group (null for staff). */
export function moderationAuthor(principal: Pick<Principal, 'userId' | 'role'>, enrolmentId: string | null): ModerationAuthor {
  return { userId: principal.userId, role: principal.role, enrolmentId };
}

export interface ModerationRequest<K extends string> {
  groupId: string;
  author: ModerationAuthor;
  kind: ContentKind;
  /** Every text of the item the group will read, by field name (a post: { text }; a thread: { title, text }). */
  fields: Record<K, string>;
  /** The preview: the same decision, refusals reported instead of thrown; the result cannot be recorded. */
  dryRun?: boolean;
}

/** A decision together with what it was made about; `recordModeration` writes it once the item is stored. */
export interface Moderated<K extends string = string> extends ModerationDecision<K> {
  kind: ContentKind;
  groupId: string;
  author: ModerationAuthor;
  dryRun: boolean;
}

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

// The composer previews a message (dryRun) and then sends the same text a moment later: the
// detector's answer for the same text read with the same recent messages is the same (it is pure),
// so the send reuses it instead of assessing twice. Small and bounded; failures are never kept.
const ASSESSED_CACHE_SIZE = 256;
const ASSESSED_TEXT_LIMIT = 8_000;
const assessed = new Map<string, Exclude<FieldRisk, 'failed'>>();

/** The detector on one field; a failure is logged and reported as 'failed' (the decision holds it: never dropped, never published unseen). */
function assessField(text: string, recent: readonly string[], request: { kind: ContentKind; groupId: string }): FieldRisk {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,ArrowFunction: these only turn the cache on or off for some lengths; the detector is pure, so an uncached text gets the same answer
  const key = text.length + recent.reduce((n, r) => n + r.length, 0) <= ASSESSED_TEXT_LIMIT ? `${recent.join('\u0000')}\u0001${text}` : null;
  // Stryker disable next-line EqualityOperator: `key === null` only looks up the null key, which is never stored, so nothing is read from the cache (the detector answers the same)
  const known = key !== null && !detectorFaults.next ? assessed.get(key) : undefined;
  // Stryker disable next-line ConditionalExpression: never reading the cache re-assesses the text with the same pure detector, to the same answer
  if (known) return known;
  try {
    const risk = assessWithContext(text, recent);
    const result = { tier: risk.tier, kind: risk.kind, explanation: risk.explanation, plainExplanation: risk.plainExplanation };
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: storing nothing, or under the null key that is never looked up, only loses the cache's time saving
    if (key !== null) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits memory; an evicted text is assessed again, to the same answer
      if (assessed.size >= ASSESSED_CACHE_SIZE) assessed.delete(assessed.keys().next().value as string);
      assessed.set(key, result);
    }
    return result;
  } catch (error) {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'risk detector failed; item held for a clinician',
        kind: request.kind,
        groupId: request.groupId,
        err: error instanceof Error ? error.message : String(error),
      }),
    );
    return 'failed';
  }
}

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
 * The one moderation call for every text a member or facilitator writes for a group (posts,
 * messages, threads, appreciations, feedback, strategies, celebrations, goals, skills practice).
 * Reads what the decision needs (the group's mode and staffed hours, watched phrases, the
 * author's recent messages and published count, the care team's names) and returns one merged
 * decision over all fields (`decideModeration`). Writes nothing, raises no alert.
 *
 * Sending (`dryRun` false) throws AppError('contact_details_refused') or AppError('blocked_phrase')
 * (422): nothing may be stored then. Otherwise store the item with `statusOf(decision)` and call
 * `recordModeration` in the same transaction. The preview (`dryRun` true) gets the same decision
 * with the refusals in it; it cannot be recorded.
 */
export async function moderate<K extends string>(db: DbOrTx, request: ModerationRequest<K>, now: Date): Promise<Moderated<K>> {
  const entries = Object.entries(request.fields) as [K, string][];
  const normalised = entries.map(([key, raw]) => ({ key, stored: normalizeForStorage(raw) }));
  const empty = normalised.find((f) => !f.stored);
  if (empty || normalised.length === 0) throw new AppError('validation_failed', 'Write something first.', [{ path: `body.${empty?.key ?? 'text'}`, message: 'Required.' }]);
  const group = await db.selectFrom('therapy_groups').select(['moderation_mode', 'staffed_hours', 'timezone']).where('id', '=', request.groupId).executeTakeFirst();
  if (!group) throw new AppError('not_found', 'This group was not found.');
  const participant = request.author.role === 'participant';

  // "@name" mentions of the group's own members are not handles: pseudonyms are read only when there is an @.
  // Stryker disable next-line StringLiteral,ArrayDeclaration: reading the pseudonyms for every item, or a list without them when no field has an @, changes nothing: they are only consulted at an @ (and the stored text is NFKC, so a full-width ＠ is already @)
  const mentions = normalised.some((f) => f.stored.includes('@') || f.stored.includes('＠')) ? await groupPseudonyms(db, request.groupId) : [];
  const phrases = await loadWatchedPhrases(db);
  const recent = participant ? await recentTexts(db, request.groupId, request.author.userId, now) : [];
  // An item of several fields (a strategy's title, when it helps and its steps; a thread's title and
  // first message) is read whole, as a peer reads it: a short field alone is easily misread ("Cold
  // water on my wrists" is a coping skill once its steps are read). Risk in any one field is still
  // in the whole text. Every field carries the whole item's risk.
  const whole = normalised.length > 1 ? assessField(normalised.map((f) => f.stored).join('\n'), recent, request) : null;
  const fields: FieldFacts<K>[] = normalised.map(({ key, stored }) => {
    const matches = matchWatchedPhrases(stored, phrases);
    const redact = matches.filter((m) => m.phrase.action === 'redact').map((m) => m.phrase);
    return {
      key,
      stored,
      redacted: redact.length ? redactPhrases(stored, redact) : stored,
      phraseActions: matches.map((m) => m.phrase.action),
      contact: findContactDetails(stored, mentions),
      // Risk is assessed on what the author wrote (before redaction), read with their messages of the last 30 minutes.
      risk: whole ?? assessField(stored, recent, request),
    };
  });
  const decision = decideModeration({
    role: request.author.role,
    fields,
    group: { moderationMode: group.moderation_mode, staffedNow: isStaffed(parseStaffedHours(group.staffed_hours), group.timezone, now) },
    publishedCount: participant ? await publishedCount(db, request.groupId, request.author.userId, NEW_MEMBER_HELD_ITEMS) : NEW_MEMBER_HELD_ITEMS,
    careTeamMessage: needsCareTeamMessage(request.author.role, fields) ? await careTeamMessage(db, request.groupId, now) : null,
  });
  const dryRun = request.dryRun ?? false;
  if (!dryRun) assertSendable(decision);
  return { ...decision, kind: request.kind, groupId: request.groupId, author: request.author, dryRun };
}

/** Throws the refusal a decision carries: contact details first, then a blocked phrase. */
export function assertSendable(decision: Pick<ModerationDecision, 'contactDetails' | 'blockedPhrase'>): void {
  const contact = decision.contactDetails;
  if (contact) throw new AppError('contact_details_refused', contact.message, [{ path: `body.${contact.field}`, message: contact.kind }]);
  if (decision.blockedPhrase) {
    throw new AppError('blocked_phrase', 'This contains a phrase this service does not allow in the group space. Please rephrase it and send again.');
  }
}

/** The stored status for a decision. */
export function statusOf(decision: Pick<ModerationDecision, 'outcome'>): 'published' | 'held' {
  return decision.outcome === 'publish' ? 'published' : 'held';
}
