import type { DbOrTx } from '../../db/database.js';
import type { AlertTier } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { ALERTS_CHANNEL } from '../../realtime/events.js';
import { publishInTransaction } from '../../realtime/publish-in-transaction.js';
import { getSetting } from './settings.js';

export interface NewAlert {
  kind: string;
  tier: AlertTier;
  participantId: string;
  enrolmentId: string | null;
  groupId: string | null;
  sourceType: string;
  sourceId: string;
  /** What happened, for the queue; no free text from the participant. */
  summary: string;
  now: Date;
}

/** Alert kinds that fold: one card per situation, not one per message (see foldInto). */
const FOLDING_KINDS: ReadonlySet<string> = new Set(['risk_language']);
const TIER_RANK: Record<AlertTier, number> = { concern: 0, urgent: 1 };

async function ackMinutes(db: DbOrTx, tier: AlertTier): Promise<number> {
  return Number(await getSetting(db, tier === 'urgent' ? 'alerts.urgent_ack_minutes' : 'alerts.concern_ack_minutes'));
}

/**
 * The open alert a new one folds into: same kind (a folding kind), same member and group, whose
 * latest source is within the service's fold window. Only OPEN alerts take new sources: once a
 * clinician has acknowledged an alert, a new message is news they have not seen, so it opens a
 * new alert with its own deadline and escalation clock rather than hiding in a card already
 * dealt with (acknowledged alerts neither count in the badge nor escalate).
 */
async function foldInto(db: DbOrTx, alert: NewAlert): Promise<{ id: string; tier: AlertTier; ackDueAt: string } | undefined> {
  if (!FOLDING_KINDS.has(alert.kind)) return undefined;
  const windowMinutes = Number(await getSetting(db, 'alerts.fold_window_minutes'));
  if (!(windowMinutes > 0)) return undefined;
  const since = new Date(alert.now.getTime() - windowMinutes * 60_000).toISOString();
  const row = await db
    .selectFrom('alerts as a')
    .innerJoin('alert_sources as s', 's.alert_id', 'a.id')
    .select(['a.id', 'a.tier', 'a.ack_due_at'])
    .where('a.kind', '=', alert.kind)
    .where('a.participant_id', '=', alert.participantId)
    .where((eb) => (alert.groupId === null ? eb('a.group_id', 'is', null) : eb('a.group_id', '=', alert.groupId)))
    .where('a.status', '=', 'open')
    .where('s.created_at', '>=', since)
    .orderBy('s.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, tier: row.tier, ackDueAt: row.ack_due_at } : undefined;
}

async function addSource(db: DbOrTx, alertId: string, alert: NewAlert): Promise<void> {
  await db
    .insertInto('alert_sources')
    .values({ alert_id: alertId, source_type: alert.sourceType, source_id: alert.sourceId, tier: alert.tier, created_at: alert.now.toISOString() })
    // The same item judged again (an edit) stays one source; the alert's tier still follows it.
    .onConflict((oc) => oc.columns(['alert_id', 'source_type', 'source_id']).doNothing())
    .execute();
}

/**
 * Opens an alert in the one clinician queue, with its acknowledgement deadline from the service
 * target, or folds it into the member's open alert of the same situation (see foldInto): the
 * fold lists every source, takes the highest tier, and keeps the earlier deadline.
 */
export async function raiseAlert(db: DbOrTx, alert: NewAlert): Promise<string> {
  const dueAt = new Date(alert.now.getTime() + (await ackMinutes(db, alert.tier)) * 60_000).toISOString();
  const fold = await foldInto(db, alert);
  if (fold) {
    const rises = TIER_RANK[alert.tier] > TIER_RANK[fold.tier];
    await addSource(db, fold.id, alert);
    await db
      .updateTable('alerts')
      .set({ ack_due_at: dueAt < fold.ackDueAt ? dueAt : fold.ackDueAt, ...(rises ? { tier: alert.tier, summary: alert.summary } : {}) })
      .where('id', '=', fold.id)
      .execute();
    await publishInTransaction(db, ALERTS_CHANNEL, { type: 'alert.updated', alertId: fold.id, groupId: alert.groupId });
    return fold.id;
  }
  const id = newId();
  await db
    .insertInto('alerts')
    .values({
      id,
      kind: alert.kind,
      tier: alert.tier,
      participant_id: alert.participantId,
      enrolment_id: alert.enrolmentId,
      group_id: alert.groupId,
      source_type: alert.sourceType,
      source_id: alert.sourceId,
      summary: alert.summary,
      status: 'open',
      created_at: alert.now.toISOString(),
      ack_due_at: dueAt,
    })
    .execute();
  await addSource(db, id, alert);
  // Open alert pages and navigation badges of the clinicians concerned update live (at commit).
  await publishInTransaction(db, ALERTS_CHANNEL, { type: 'alert.raised', alertId: id, groupId: alert.groupId });
  return id;
}

/**
 * Escalates open alerts past their acknowledgement deadline to the service's backup clinician.
 * Safe to run from every instance at once: the update only touches rows not yet escalated.
 */
export async function escalateOverdueAlerts(db: DbOrTx, now: Date): Promise<number> {
  const backup = await getSetting(db, 'alerts.backup_clinician_id');
  if (!backup) return 0;
  const result = await db
    .updateTable('alerts')
    .set({ escalated_at: now.toISOString(), escalated_to: backup })
    .where('status', '=', 'open')
    .where('escalated_at', 'is', null)
    .where('ack_due_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
