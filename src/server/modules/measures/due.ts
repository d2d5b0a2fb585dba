import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { enrolmentAt } from '../../policy/membership.js';

/**
 * Works out which questionnaires are due for a participant's current memberships from the
 * schedules of their group and programme, and records any missing request. A request is unique
 * per membership, instrument and reason, so running this again never duplicates one.
 */
export async function ensureDueRequests(db: DbOrTx, participantId: string, now: Date): Promise<void> {
  const enrolments = await db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select(['e.id', 'e.group_id', 'e.status', 'e.joined_at', 'e.status_changed_at', 'g.programme_id'])
    .where('e.participant_id', '=', participantId)
    .where(enrolmentAt('measured', 'e.status'))
    .execute();
  const wanted: { enrolmentId: string; code: string; reason: string; dueAt: string; scheduleId: string; sessionId: string | null }[] = [];
  for (const e of enrolments) {
    if (!e.joined_at) continue;
    const schedules = await db
      .selectFrom('measure_schedules')
      .selectAll()
      .where((eb) => eb.or([eb('group_id', '=', e.group_id), eb.and([eb('group_id', 'is', null), eb('programme_id', '=', e.programme_id)])]))
      .execute();
    if (schedules.length === 0) continue;
    const attended = await db
      .selectFrom('attendance as a')
      .innerJoin('group_sessions as s', 's.id', 'a.session_id')
      .select(['s.id', 's.ends_at'])
      .where('a.enrolment_id', '=', e.id)
      .where('a.status', 'in', ['present', 'late', 'left_early'])
      .orderBy('s.starts_at')
      .execute();
    for (const schedule of schedules) {
      const base = { enrolmentId: e.id, code: schedule.instrument_code, scheduleId: schedule.id, sessionId: null };
      if (schedule.trigger === 'enrolment' && e.status !== 'completed') wanted.push({ ...base, reason: 'enrolment', dueAt: e.joined_at });
      if (schedule.trigger === 'completion' && e.status === 'completed') wanted.push({ ...base, reason: 'completion', dueAt: e.status_changed_at ?? now.toISOString() });
      if (schedule.trigger === 'every_n_sessions' && schedule.every_n && e.status !== 'completed') {
        for (let n = schedule.every_n; n <= attended.length; n += schedule.every_n) {
          const session = attended[n - 1];
          if (session) wanted.push({ ...base, reason: `after-session:${n}`, dueAt: session.ends_at, sessionId: session.id });
        }
      }
      if (schedule.trigger === 'session_start' && e.status === 'active') {
        const next = await db
          .selectFrom('group_sessions')
          .select(['id', 'starts_at'])
          .where('group_id', '=', e.group_id)
          .where('status', '!=', 'cancelled')
          .where('starts_at', '<=', new Date(now.getTime() + 60 * 60_000).toISOString())
          .where('ends_at', '>', now.toISOString())
          .executeTakeFirst();
        if (next) wanted.push({ ...base, reason: `session-start:${next.id}`, dueAt: next.starts_at, sessionId: next.id });
      }
    }
  }
  for (const w of wanted) {
    await db
      .insertInto('measure_requests')
      .values({
        id: newId(),
        enrolment_id: w.enrolmentId,
        participant_id: participantId,
        instrument_code: w.code,
        schedule_id: w.scheduleId,
        session_id: w.sessionId,
        reason: w.reason,
        due_at: w.dueAt,
        status: 'due',
        response_id: null,
        created_at: now.toISOString(),
        completed_at: null,
      })
      .onConflict((oc) => oc.columns(['enrolment_id', 'instrument_code', 'reason']).doNothing())
      .execute();
  }
}
