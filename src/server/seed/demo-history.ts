import type { Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { Config } from '../config/env.js';
import type { AttendanceStatus, DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { recordAttendance } from '../modules/attendance/record-attendance.js';
import { assignTopics } from '../modules/schedule/regenerate-sessions.js';
import { expandSchedule } from '../modules/schedule/recurrence.js';
import { snapshot } from '../modules/notes/save-draft.js';
import { seedContext } from './seed-context.js';

const TIMEZONE = 'Europe/London';

/** What each member did at the most recent sessions (last entry = latest session); earlier ones: present. */
const RECENT: Record<string, AttendanceStatus[]> = {
  Harbour: ['late', 'present', 'present', 'present'],
  Juniper: ['excused', 'present', 'present', 'late'],
  Cedar: ['present', 'absent', 'absent'],
  Skylark: ['left_early', 'present', 'present'],
  Meadow: ['absent', 'excused', 'excused', 'excused'],
};

function statusAt(pseudonym: string, index: number, heldCount: number): AttendanceStatus {
  const recent = RECENT[pseudonym] ?? [];
  return recent[recent.length - (heldCount - index)] ?? 'present';
}

const THEMES = [
  'Members introduced themselves and named what helped them come. Shared relief at hearing others describe similar isolation.',
  'Members shared parts of their stories; several noticed how much they hide from family.',
  'Strategy swap: breathing, walking, texting a friend. Box breathing practised together.',
  'I-statements practised in threes; requests became clearer and kinder.',
  'Reflective listening; members noticed the urge to give advice and practised holding back.',
];

export interface SeedMember {
  enrolmentId: string;
  pseudonym: string;
  joinedWeeksAgo: number;
}

/**
 * Gives the demo group a real past: a weekly Tuesday 18:00 London schedule for the whole
 * twelve-session curriculum that started six weeks ago, attendance for the sessions held,
 * signed notes (one still a draft) and two consecutive absences for one member.
 */
export async function seedGroupHistory(
  trx: Transaction<DB>,
  input: { config: Config; groupId: string; leadId: string; coId: string; members: SeedMember[]; now: Date },
): Promise<void> {
  const { groupId, leadId, coId, members, now } = input;
  const firstTuesday = DateTime.fromJSDate(now, { zone: TIMEZONE }).minus({ weeks: 6 }).set({ weekday: 2, hour: 18, minute: 0, second: 0, millisecond: 0 });
  const schedule = { rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12', firstSessionLocal: firstTuesday.toFormat("yyyy-LL-dd'T'HH:mm"), timezone: TIMEZONE, durationMinutes: 90 };
  const occurrences = expandSchedule(schedule, new Date(0));
  await trx
    .updateTable('therapy_groups')
    .set({
      rrule: schedule.rrule,
      first_session_local: schedule.firstSessionLocal,
      timezone: TIMEZONE,
      duration_minutes: 90,
      kind: 'closed',
      capacity: 10,
      min_size: 5,
      location: 'Room 3, Riverside Community Mental Health Centre',
      updated_at: now.toISOString(),
    })
    .where('id', '=', groupId)
    .execute();
  const sessions = occurrences.map((o) => ({ id: newId(), startsAt: o.startsAt, endsAt: o.endsAt }));
  await trx
    .insertInto('group_sessions')
    .values(
      sessions.map((s) => ({
        id: s.id,
        group_id: groupId,
        starts_at: s.startsAt.toISOString(),
        ends_at: s.endsAt.toISOString(),
        plan_id: null,
        topic: '',
        status: 'scheduled' as const,
        origin: 'schedule' as const,
        cancel_reason: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })),
    )
    .execute();
  await assignTopics(trx, groupId);
  const held = sessions.filter((s) => s.endsAt < now);
  for (const [index, session] of held.entries()) {
    const expected = members.filter((m) => now.getTime() - m.joinedWeeksAgo * 7 * 86_400_000 <= session.startsAt.getTime());
    const recordedAt = session.endsAt.toISOString();
    // Taken by the lead at the end of the session, through the same use case as the app: the
    // session is marked held and two missed in a row raise the "reach out" alert then.
    const exceptions = expected
      .map((m) => ({ m, status: statusAt(m.pseudonym, index, held.length) }))
      .filter(({ status }) => status !== 'present')
      .map(({ m, status }) => ({ enrolmentId: m.enrolmentId, status, ...(status === 'late' ? { minutes: 10 } : status === 'left_early' ? { minutes: 20 } : {}) }));
    await recordAttendance(seedContext(trx, input.config, { id: leadId, role: 'clinician' }, session.endsAt), session.id, { everyone: 'present', exceptions });
    // The latest session still waits for its note; the one before has a draft; the rest are signed.
    if (index === held.length - 1) continue;
    const theme = THEMES[index % THEMES.length] ?? '';
    const noteId = newId();
    const signed = index < held.length - 2;
    await trx
      .insertInto('group_notes')
      .values({
        id: noteId,
        session_id: session.id,
        status: signed ? 'signed' : 'draft',
        version: signed ? 2 : 1,
        themes: theme,
        interventions: 'Psychoeducation on the session topic; structured exercise from the curriculum; validation and linking between members.',
        group_process: 'Warm, increasingly cohesive. Quieter members were invited in gently.',
        created_by: leadId,
        updated_by: leadId,
        updated_at: recordedAt,
        signed_by: signed ? leadId : null,
        signed_at: signed ? recordedAt : null,
        cosigned_by: signed && index < 2 ? coId : null,
        cosigned_at: signed && index < 2 ? recordedAt : null,
      })
      .execute();
    const attended = expected.filter((m) => ['present', 'late', 'left_early'].includes(statusAt(m.pseudonym, index, held.length)));
    if (attended.length) {
      await trx
        .insertInto('note_member_entries')
        .values(attended.map((m) => ({ note_id: noteId, enrolment_id: m.enrolmentId, body: `${m.pseudonym} took part; engaged with the exercise and offered support to peers.` })))
        .execute();
    }
    await snapshot(trx, noteId, 1, 'draft', leadId, session.endsAt);
    if (signed) await snapshot(trx, noteId, 2, 'signed', leadId, session.endsAt);
  }
}
