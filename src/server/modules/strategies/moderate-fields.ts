import type { DbOrTx } from '../../db/database.js';
import type { ModerationStatus } from '../../db/schema.js';
import type { Principal } from '../../policy/policy.js';
import { moderateText, type ContentKind, type ModerationDecision, type RiskTier } from '../moderation/moderate-text.js';
import { recordModeration } from '../moderation/record-moderation.js';

const tierRank: Record<RiskTier, number> = { none: 0, concern: 1, urgent: 2 };

/**
 * Passes each field of one item through the one moderation entry point and merges the
 * decisions: held if any field is held, flagged if any is, the highest risk tier. A refusal
 * (contact details, blocked phrase) throws before anything is stored.
 */
export async function moderateFields<K extends string>(
  db: DbOrTx,
  input: { groupId: string; principal: Principal; enrolmentId: string | null; kind: ContentKind; fields: Record<K, string> },
  now: Date,
): Promise<{ decision: ModerationDecision; texts: Record<K, string>; status: ModerationStatus }> {
  const texts = {} as Record<K, string>;
  const decisions: ModerationDecision[] = [];
  for (const [key, value] of Object.entries(input.fields) as [K, string][]) {
    const decision = await moderateText(
      db,
      { groupId: input.groupId, authorId: input.principal.userId, enrolmentId: input.enrolmentId, authorRole: input.principal.role, kind: input.kind, text: value },
      now,
    );
    texts[key] = decision.text;
    decisions.push(decision);
  }
  const worst = decisions.reduce((a, b) => (tierRank[b.risk.tier] > tierRank[a.risk.tier] ? b : a));
  const decision: ModerationDecision = {
    outcome: decisions.some((d) => d.outcome === 'hold') ? 'hold' : 'publish',
    text: Object.values<string>(texts).join('\n\n'),
    reasons: dedupe(decisions.flatMap((d) => d.reasons)),
    flagged: decisions.some((d) => d.flagged),
    risk: { tier: worst.risk.tier, kind: worst.risk.kind, explanation: [...new Set(decisions.flatMap((d) => d.risk.explanation))] },
  };
  return { decision, texts, status: decision.outcome === 'hold' ? 'held' : 'published' };
}

function dedupe(reasons: { code: string; message: string }[]) {
  const seen = new Set<string>();
  return reasons.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
}

/** Records the merged decision in the same transaction, right after the item is stored. */
export function recordItemModeration(
  db: DbOrTx,
  decision: ModerationDecision,
  item: { kind: ContentKind; id: string; groupId: string; authorId: string; enrolmentId: string | null },
  now: Date,
): Promise<void> {
  return recordModeration(db, decision, item, now);
}
