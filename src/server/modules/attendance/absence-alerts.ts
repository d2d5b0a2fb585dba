import { enrolmentAt } from '../../policy/membership.js';
import type { DbOrTx } from '../../db/database.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { getSetting } from '../alerts/settings.js';
import { memberAttendance } from './summary.js';

/** The service's rule for "missed sessions in a row": whether it raises an alert, and from how many. */
export async function absenceRule(db: DbOrTx): Promise<{ alerts: boolean; after: number }> {
  const [on, after] = await Promise.all([getSetting(db, 'attendance.absence_alert'), getSetting(db, 'attendance.absence_alert_after')]);
  return { alerts: on === 'on', after: Number(after) };
}

/**
 * Call in the SAME transaction right after attendance is written: for each active member whose
 * run of missed sessions (absent or excused) has reached the service threshold, raises one
 * low-priority "reach out" alert (kind attendance_absences, tier concern). The alert names the
 * run by its first session, so a run raises once — not again on the third absence, nor when the
 * same session is recorded again — and a new run after an attended session raises again. It
 * resolves nothing by itself: a clinician decides whether the reaching out happened.
 */
export async function raiseAbsenceAlerts(db: DbOrTx, groupId: string, enrolmentIds: readonly string[], now: Date): Promise<number> {
  const rule = await absenceRule(db);
  if (!rule.alerts || enrolmentIds.length === 0) return 0;
  const attendance = await memberAttendance(db, groupId);
  const due = enrolmentIds.map((id) => attendance.get(id)).filter((m) => m !== undefined && m.missedInRow >= rule.after && m.missedSinceSessionId !== null);
  if (due.length === 0) return 0;
  const members = await db
    .selectFrom('enrolments')
    .select(['id', 'participant_id'])
    .where(
      'id',
      'in',
      due.map((m) => m?.enrolmentId ?? ''),
    )
    .where(enrolmentAt('contribute', 'status'))
    .execute();
  let raised = 0;
  for (const member of members) {
    const run = attendance.get(member.id);
    if (!run?.missedSinceSessionId) continue;
    const existing = await db
      .selectFrom('alerts')
      .select('id')
      .where('kind', '=', 'attendance_absences')
      .where('enrolment_id', '=', member.id)
      .where('source_type', '=', 'group_session')
      .where('source_id', '=', run.missedSinceSessionId)
      .executeTakeFirst();
    if (existing) continue;
    await raiseAlert(db, {
      kind: 'attendance_absences',
      tier: 'concern',
      participantId: member.participant_id,
      enrolmentId: member.id,
      groupId,
      sourceType: 'group_session',
      sourceId: run.missedSinceSessionId,
      summary: `Missed ${run.missedInRow} sessions in a row: reach out to see how they are.`,
      now,
    });
    raised += 1;
  }
  return raised;
}
