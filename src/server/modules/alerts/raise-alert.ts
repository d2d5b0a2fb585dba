import type { DbOrTx } from '../../db/database.js';
import type { AlertTier } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { ALERTS_CHANNEL } from '../../realtime/events.js';
import { publishInTransaction } from '../../realtime/publish-in-transaction.js';
import { recordAudit } from '../audit/record.js';
import { firstRecipients } from '../delivery/first-recipients.js';
import { sendAlertTo } from '../delivery/send-alert-to.js';
import { fallbackClinicianId } from '../duty/fallback.js';
import { cliniciansOnRotaFrom } from '../duty/repository.js';
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

async function ackMinutes(db: DbOrTx, tier: AlertTier): Promise<number> {
  return Number(await getSetting(db, tier === 'urgent' ? 'alerts.urgent_ack_minutes' : 'alerts.concern_ack_minutes'));
}

/**
 * Opens an alert in the one clinician queue, with its acknowledgement deadline from the service
 * target, and sends it — in the same transaction — to the duty clinician (the fallback during a
 * rota gap) and the group's facilitators: in-app, Web Push, SMS and e-mail attempts are queued and
 * the delivery job sends them as soon as this commits.
 */
export async function raiseAlert(db: DbOrTx, alert: NewAlert): Promise<string> {
  const minutes = await ackMinutes(db, alert.tier);
  const id = newId();
  const ackDueAt = new Date(alert.now.getTime() + minutes * 60_000).toISOString();
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
      ack_due_at: ackDueAt,
      next_escalation_at: ackDueAt,
    })
    .execute();
  await sendAlertTo(db, id, await firstRecipients(db, alert.groupId, alert.now), 0, alert.now);
  // Open alert pages and navigation badges of the clinicians concerned update live (at commit),
  // and the delivery loop of every instance wakes up for the queued attempts.
  await publishInTransaction(db, ALERTS_CHANNEL, { type: 'alert.raised', alertId: id, groupId: alert.groupId });
  return id;
}

/** The escalation ladder after the first recipients: the next person on the rota, then the fallback. */
const LADDER = ['rota', 'fallback'] as const;
const ROTA_LOOKAHEAD = 50;

/**
 * Escalates open alerts past their acknowledgement deadline, one step of the ladder at a time:
 * first to the next clinician on the rota who has not had it (whoever is on duty now if the shift
 * changed since, else the next shift's), then (another target later) to the fallback. Each step sends the alert to the new person on every channel and is audited. Safe to
 * run from every instance at once: a step is claimed by a conditional update on the alert's level.
 */
export async function escalateOverdueAlerts(db: DbOrTx, now: Date): Promise<number> {
  const due = await db
    .selectFrom('alerts')
    .select(['id', 'tier', 'group_id', 'escalation_level', 'next_escalation_at'])
    .where('status', '=', 'open')
    .where('next_escalation_at', '<=', now.toISOString())
    .orderBy('next_escalation_at')
    .limit(100)
    .execute();
  let escalated = 0;
  for (const alert of due) {
    const step = async (trx: DbOrTx) => escalateOne(trx, alert, now);
    if (await (db.isTransaction ? step(db) : db.transaction().execute(step))) escalated += 1;
  }
  return escalated;
}

async function escalateOne(
  db: DbOrTx,
  alert: { id: string; tier: AlertTier; group_id: string | null; escalation_level: number; next_escalation_at: string | null },
  now: Date,
): Promise<boolean> {
  const had = new Set((await db.selectFrom('alert_recipients').select('user_id').where('alert_id', '=', alert.id).execute()).map((r) => r.user_id));
  const fallback = await fallbackClinicianId(db);
  let chosen: { userId: string; level: number } | null = null;
  for (let level = alert.escalation_level; level < LADDER.length && !chosen; level++) {
    if (LADDER[level] === 'rota') {
      const next = (await cliniciansOnRotaFrom(db, now.toISOString(), ROTA_LOOKAHEAD)).find((id) => !had.has(id));
      if (next) chosen = { userId: next, level };
    } else if (fallback && !had.has(fallback)) chosen = { userId: fallback, level };
  }
  // Nobody new to escalate to: finished once the fallback has had it; otherwise it stays due and
  // is looked at again on the next pass (someone may be put on the rota or named the fallback).
  if (!chosen && !(fallback && had.has(fallback))) return false;
  const window = (await ackMinutes(db, alert.tier)) * 60_000;
  const reached = chosen ? chosen.level + 1 : LADDER.length;
  const more = reached < LADDER.length;
  const claimed = await db
    .updateTable('alerts')
    .set({
      escalation_level: reached,
      next_escalation_at: more ? new Date(now.getTime() + window).toISOString() : null,
      ...(chosen ? { escalated_at: now.toISOString(), escalated_to: chosen.userId } : {}),
    })
    .where('id', '=', alert.id)
    .where('status', '=', 'open')
    .where('escalation_level', '=', alert.escalation_level)
    .where('next_escalation_at', '=', alert.next_escalation_at ?? '')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1 || !chosen) return false;
  await sendAlertTo(db, alert.id, [{ userId: chosen.userId, reason: LADDER[chosen.level] === 'rota' ? 'escalation' : 'fallback' }], reached, now);
  await recordAudit(
    db,
    { userId: null, role: 'system', requestId: null, ip: null },
    { action: 'alerts.escalate', resourceType: 'alert', resourceId: alert.id, groupId: alert.group_id, detail: { step: reached, to: chosen.userId, via: LADDER[chosen.level] ?? '' } },
    now,
  );
  await publishInTransaction(db, ALERTS_CHANNEL, { type: 'alert.updated', alertId: alert.id, groupId: alert.group_id });
  return true;
}
