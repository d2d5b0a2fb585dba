import type { DbOrTx } from '../../db/database.js';
import { moderateText, type ContentKind, type ModerationDecision, type RiskTier } from '../moderation/moderate-text.js';
import { recordModeration } from '../moderation/record-moderation.js';

const TIER_ORDER: Record<RiskTier, number> = { none: 0, concern: 1, urgent: 2 };

export interface ShareAuthor {
  groupId: string;
  authorId: string;
  enrolmentId: string;
}

/**
 * Runs each text a member shares with their group through the one moderation entry point and
 * merges the decisions: held if any part is held, the highest risk tier, every reason. Throws
 * (contact details, blocked phrase) before anything is stored.
 */
export async function moderateShare(db: DbOrTx, author: ShareAuthor, kind: ContentKind, parts: string[], now: Date): Promise<{ decision: ModerationDecision; texts: string[] }> {
  const decisions: ModerationDecision[] = [];
  for (const text of parts) {
    decisions.push(await moderateText(db, { groupId: author.groupId, authorId: author.authorId, enrolmentId: author.enrolmentId, authorRole: 'participant', kind, text }, now));
  }
  const top = decisions.reduce<RiskTier>((tier, d) => (TIER_ORDER[d.risk.tier] > TIER_ORDER[tier] ? d.risk.tier : tier), 'none');
  const decision: ModerationDecision = {
    outcome: decisions.some((d) => d.outcome === 'hold') ? 'hold' : 'publish',
    text: decisions.map((d) => d.text).join('\n'),
    reasons: decisions.flatMap((d) => d.reasons),
    flagged: decisions.some((d) => d.flagged),
    risk: { tier: top, kind: decisions.find((d) => d.risk.tier === top)?.risk.kind ?? 'none', explanation: decisions.flatMap((d) => d.risk.explanation) },
  };
  return { decision, texts: decisions.map((d) => d.text) };
}

/** Writes the moderation record of a stored share, in the caller's transaction. */
export function recordShare(db: DbOrTx, decision: ModerationDecision, kind: ContentKind, id: string, author: ShareAuthor, now: Date): Promise<void> {
  return recordModeration(db, decision, { kind, id, groupId: author.groupId, authorId: author.authorId, enrolmentId: author.enrolmentId }, now);
}

/** The stored status for a decision. */
export function statusOf(decision: ModerationDecision): 'published' | 'held' {
  return decision.outcome === 'publish' ? 'published' : 'held';
}
