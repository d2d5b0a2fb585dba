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

/** Opens an alert in the one clinician queue, with its acknowledgement deadline from the service target. */
export async function raiseAlert(db: DbOrTx, alert: NewAlert): Promise<string> {
  const minutes = Number(await getSetting(db, alert.tier === 'urgent' ? 'alerts.urgent_ack_minutes' : 'alerts.concern_ack_minutes'));
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
      ack_due_at: new Date(alert.now.getTime() + minutes * 60_000).toISOString(),
    })
    .execute();
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
