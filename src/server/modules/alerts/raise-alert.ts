import type { DbOrTx } from '../../db/database.js';
import type { AlertTier } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { ALERTS_CHANNEL } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';
import { recordAudit } from '../audit/record.js';
import { firstRecipients } from '../delivery/first-recipients.js';
import { resendToRecipients, sendAlertTo } from '../delivery/send-alert-to.js';
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
 * target, and sends it — in the same transaction — to the duty clinician (the fallback during a
 * rota gap) and the group's facilitators: in-app, Web Push, SMS and e-mail attempts are queued and
 * the delivery job sends them as soon as this commits. A member's new risk message within the fold
 * window joins their open alert instead (see foldInto): the fold lists every source, takes the
 * highest tier and the earlier deadline, and a rise from concern to urgent is sent again to
 * everyone who has the alert.
 */
export async function raiseAlert(db: DbOrTx, alert: NewAlert): Promise<string> {
  const dueAt = new Date(alert.now.getTime() + (await ackMinutes(db, alert.tier)) * 60_000).toISOString();
  const fold = await foldInto(db, alert);
  if (fold) {
    const rises = TIER_RANK[alert.tier] > TIER_RANK[fold.tier];
    await addSource(db, fold.id, alert);
    const current = await db.selectFrom('alerts').select(['next_escalation_at', 'escalation_level']).where('id', '=', fold.id).executeTakeFirstOrThrow();
    const earlier = dueAt < fold.ackDueAt ? dueAt : fold.ackDueAt;
    // The escalation clock follows an earlier deadline while the first step is still to come.
    const nextEscalation = current.escalation_level === 0 && current.next_escalation_at && earlier < current.next_escalation_at ? earlier : current.next_escalation_at;
    await db
      .updateTable('alerts')
      .set({ ack_due_at: earlier, next_escalation_at: nextEscalation, ...(rises ? { tier: alert.tier, summary: alert.summary } : {}) })
      .where('id', '=', fold.id)
      .execute();
    if (rises) await resendToRecipients(db, fold.id, current.escalation_level, alert.now);
    await publish(db, ALERTS_CHANNEL, { type: 'alert.updated', alertId: fold.id, groupId: alert.groupId });
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
      next_escalation_at: dueAt,
    })
    .execute();
  await addSource(db, id, alert);
  await sendAlertTo(db, id, await firstRecipients(db, alert.groupId, alert.now), 0, alert.now);
  // Open alert pages and navigation badges of the clinicians concerned update live (at commit),
  // and the delivery loop of every instance wakes up for the queued attempts.
  await publish(db, ALERTS_CHANNEL, { type: 'alert.raised', alertId: id, groupId: alert.groupId });
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
    {
      action: 'alerts.escalate',
      resourceType: 'alert',
      resourceId: alert.id,
      groupId: alert.group_id,
      detail: { step: reached, to: chosen.userId, via: LADDER[chosen.level] ?? '' },
    },
    now,
  );
  await publish(db, ALERTS_CHANNEL, { type: 'alert.updated', alertId: alert.id, groupId: alert.group_id });
  return true;
}
