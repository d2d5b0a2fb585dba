import type { ExpressionBuilder } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** Narrows the rule to one alert, one clinician, or both. */
export interface ResponsiblesFilter {
  alertId?: string;
  userId?: string;
}

/**
 * Who answers for an alert — the one rule behind the alert queue, its badge count, the outcome
 * statistics, the object check on every `/api/alerts/:alertId/…` route and the live socket push.
 * A clinician answers for an alert when they
 * - facilitate the alert's group now (lead or co-facilitator),
 * - referred the member, through the enrolment the alert is about,
 * - were sent it (`alert_recipients`: on duty or the fallback when it was raised, a facilitator
 *   at the time, each escalation step) — they answer for it from then on,
 * - are the clinician it was last escalated to (`alerts.escalated_to`).
 * Nobody else: not a facilitator of another group, not an administrator (service-wide figures
 * are a separate rule: the `report` resource), never a participant.
 *
 * One row per (alert, clinician), narrowed inside each branch so the database uses its indexes.
 */
export function alertResponsibles(db: DbOrTx, filter: ResponsiblesFilter = {}) {
  const { alertId, userId } = filter;
  let facilitators = db.selectFrom('alerts as a').innerJoin('group_facilitators as f', 'f.group_id', 'a.group_id').select(['a.id as alert_id', 'f.user_id as user_id']);
  let referrers = db
    .selectFrom('alerts as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('referrals as r', 'r.id', 'e.referral_id')
    .select(['a.id as alert_id', 'r.referred_by as user_id']);
  let recipients = db.selectFrom('alert_recipients as s').select(['s.alert_id as alert_id', 's.user_id as user_id']);
  let escalatedTo = db
    .selectFrom('alerts as a')
    .select(['a.id as alert_id', 'a.escalated_to as user_id'])
    .where('a.escalated_to', 'is not', null)
    .$narrowType<{ user_id: string }>();
  if (alertId !== undefined) {
    facilitators = facilitators.where('a.id', '=', alertId);
    referrers = referrers.where('a.id', '=', alertId);
    recipients = recipients.where('s.alert_id', '=', alertId);
    escalatedTo = escalatedTo.where('a.id', '=', alertId);
  }
  if (userId !== undefined) {
    facilitators = facilitators.where('f.user_id', '=', userId);
    referrers = referrers.where('r.referred_by', '=', userId);
    recipients = recipients.where('s.user_id', '=', userId);
    escalatedTo = escalatedTo.where('a.escalated_to', '=', userId);
  }
  return facilitators.union(referrers).union(recipients).union(escalatedTo);
}

/** The clinicians who answer for one alert (who is told live, who may open it). */
export async function responsiblesOf(db: DbOrTx, alertId: string): Promise<string[]> {
  const rows = await alertResponsibles(db, { alertId }).execute();
  return [...new Set(rows.map((r) => r.user_id))].sort();
}

/**
 * A query scope for lists and figures over `alerts as a`: only the alerts `userId` answers for.
 * `db.selectFrom('alerts as a').where(answeredBy(db, userId))`.
 */
export function answeredBy(db: DbOrTx, userId: string) {
  const mine = db.selectFrom(alertResponsibles(db, { userId }).as('ar')).select('ar.alert_id');
  return (eb: ExpressionBuilder<DB & { a: DB['alerts'] }, 'a'>) => eb('a.id', 'in', mine);
}
