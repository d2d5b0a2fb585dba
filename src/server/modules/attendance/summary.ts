import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { AttendanceStatus } from '../../db/schema.js';

const ATTENDED: ReadonlySet<AttendanceStatus> = new Set(['present', 'late', 'left_early']);
const MISSED: ReadonlySet<AttendanceStatus> = new Set(['absent', 'excused']);

export interface MemberAttendance {
  enrolmentId: string;
  recorded: number;
  attended: number;
  rate: number | null;
  /** Sessions missed in a row, counting back from the latest recorded one. */
  missedInRow: number;
  /** The first session of that run of missed sessions (null when the latest was attended): names the run. */
  missedSinceSessionId: string | null;
  /** When that first missed session started (null when the latest was attended). */
  missedSinceAt: string | null;
  lastStatus: AttendanceStatus | null;
}

/** Attendance per member of a group from every recorded session, oldest first. */
export async function memberAttendance(db: DbOrTx, groupId: string, enrolmentId?: string): Promise<Map<string, MemberAttendance>> {
  let query = heldAttendance(db).where('s.group_id', '=', groupId);
  if (enrolmentId) query = query.where('a.enrolment_id', '=', enrolmentId);
  return foldAttendance(await query.execute());
}

/** The same summary for the members a subquery names (e.g. every active member of the service), sessions up to `until`, in one query. */
export async function attendanceOfMembers(db: DbOrTx, enrolmentIds: Expression<unknown>, until: string): Promise<Map<string, MemberAttendance>> {
  return foldAttendance(
    await heldAttendance(db)
      .where(sql<SqlBool>`a.enrolment_id in (${enrolmentIds})`)
      .where('s.starts_at', '<=', until)
      .execute(),
  );
}

function heldAttendance(db: DbOrTx) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('group_sessions as s', 's.id', 'a.session_id')
    .select(['a.enrolment_id', 'a.status', 's.id as session_id', 's.starts_at'])
    .where('s.status', '=', 'held')
    .orderBy('s.starts_at')
    .orderBy('s.id');
}

function foldAttendance(rows: readonly { enrolment_id: string; status: AttendanceStatus; session_id: string; starts_at: string }[]): Map<string, MemberAttendance> {
  const byMember = new Map<string, MemberAttendance>();
  for (const row of rows) {
    const m = byMember.get(row.enrolment_id) ?? {
      enrolmentId: row.enrolment_id,
      recorded: 0,
      attended: 0,
      rate: null,
      missedInRow: 0,
      missedSinceSessionId: null,
      missedSinceAt: null,
      lastStatus: null,
    };
    m.recorded += 1;
    if (ATTENDED.has(row.status)) m.attended += 1;
    m.missedInRow = MISSED.has(row.status) ? m.missedInRow + 1 : 0;
    m.missedSinceSessionId = m.missedInRow === 0 ? null : m.missedInRow === 1 ? row.session_id : m.missedSinceSessionId;
    m.missedSinceAt = m.missedInRow === 0 ? null : m.missedInRow === 1 ? row.starts_at : m.missedSinceAt;
    m.lastStatus = row.status;
    m.rate = m.attended / m.recorded;
    byMember.set(row.enrolment_id, m);
  }
  return byMember;
}

/** Rounded share for display, or null when nothing is recorded. */
export function roundRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 1000;
}
