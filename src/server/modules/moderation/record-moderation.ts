import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { kindLabel, type ContentKind } from './kinds.js';
import type { Moderated } from './moderate.js';

/** How each kind of risk is named in the queue. */
export const RISK_KIND_LABELS = { self_harm: 'self-harm', harm_to_others: 'harm to others', being_harmed: 'being harmed by someone' } as const;

/** The log's reason for an item published with nothing to check. */
export const PUBLISHED_REASON = 'Published: nothing needed checking first.';

export interface ModeratedItemRef {
  kind: ContentKind;
  id: string;
  groupId: string;
  authorId: string;
  enrolmentId: string | null;
}

/** Appends one row to the moderation log (append-only in the database). */
export async function appendModerationLog(
  db: DbOrTx,
  row: {
    item: Pick<ModeratedItemRef, 'kind' | 'id' | 'groupId' | 'authorId'>;
    actorId: string | null;
    action: string;
    reason: string;
    riskTier?: 'none' | 'concern' | 'urgent';
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('moderation_log')
    .values({
      id: newId(),
      item_kind: row.item.kind,
      item_id: row.item.id,
      group_id: row.item.groupId,
      author_id: row.item.authorId,
      actor_id: row.actorId,
      action: row.action,
      reason: row.reason,
      risk_tier: row.riskTier ?? 'none',
      created_at: row.now.toISOString(),
    })
    .execute();
}

/**
 * Call in the SAME transaction right after storing the item `itemId` that `moderated` decided:
 * writes the moderation log row, raises a 'risk_language' alert (tier concern/urgent) in the
 * clinician queue, a 'flagged_post' alert for a watched phrase with action flag and a 'held_post'
 * alert for one with action hold or a detector failure. Routine holds (new member,
 * pre-moderation, out of hours) go to the moderation queue only, so the alert queue keeps its
 * meaning. Alerts carry no free text from the participant. A preview (dryRun) cannot be recorded.
 */
export async function recordModeration(db: DbOrTx, moderated: Moderated, itemId: string, now: Date): Promise<void> {
  if (moderated.dryRun) throw new Error('recordModeration: a preview (dryRun) decision cannot be recorded');
  const item: ModeratedItemRef = { kind: moderated.kind, id: itemId, groupId: moderated.groupId, authorId: moderated.author.userId, enrolmentId: moderated.author.enrolmentId };
  const decision = moderated;
  const action = decision.outcome === 'hold' ? 'held' : decision.flagged ? 'flagged' : 'published';
  const reason = decision.reasons.length ? decision.reasons.map((r) => r.message).join(' ') : PUBLISHED_REASON;
  await appendModerationLog(db, { item, actorId: null, action, reason, riskTier: decision.risk.tier, now });
  // Staff posts (no enrolment) do not raise alerts about their author.
  if (item.enrolmentId === null) return;
  const label = kindLabel(item.kind);
  const base = { participantId: item.authorId, enrolmentId: item.enrolmentId, groupId: item.groupId, sourceType: item.kind, sourceId: item.id, now };
  if (decision.risk.tier !== 'none') {
    const about = RISK_KIND_LABELS[decision.risk.kind === 'none' ? 'self_harm' : decision.risk.kind];
    await raiseAlert(db, {
      ...base,
      kind: 'risk_language',
      tier: decision.risk.tier,
      summary: `${decision.risk.tier === 'urgent' ? 'Urgent' : 'Possible'} risk (${about}) in a ${label}. Open the alert to read it with the frames, rules and model features that fired, and recent history.`,
    });
  }
  if (decision.flagged) {
    await raiseAlert(db, { ...base, kind: 'flagged_post', tier: 'concern', summary: `A ${label} contains a watched phrase (published, flagged for review).` });
  }
  if (decision.reasons.some((r) => r.code === 'risk_check_failed')) {
    await raiseAlert(db, { ...base, kind: 'held_post', tier: 'concern', summary: `A ${label} is held because the risk detector could not read it; please read it.` });
  }
  if (decision.reasons.some((r) => r.code === 'watched_phrase_hold')) {
    await raiseAlert(db, { ...base, kind: 'held_post', tier: 'concern', summary: `A ${label} is held because it contains a watched phrase.` });
  }
}
