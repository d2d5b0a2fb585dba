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
  lastStatus: AttendanceStatus | null;
}

/** Attendance per member of a group from every recorded session, oldest first. */
export async function memberAttendance(db: DbOrTx, groupId: string, enrolmentId?: string): Promise<Map<string, MemberAttendance>> {
  let query = db
    .selectFrom('attendance as a')
    .innerJoin('group_sessions as s', 's.id', 'a.session_id')
    .select(['a.enrolment_id', 'a.status', 's.id as session_id'])
    .where('s.group_id', '=', groupId)
    .where('s.status', '=', 'held')
    .orderBy('s.starts_at')
    .orderBy('s.id');
  if (enrolmentId) query = query.where('a.enrolment_id', '=', enrolmentId);
  const rows = await query.execute();
  const byMember = new Map<string, MemberAttendance>();
  for (const row of rows) {
    const m = byMember.get(row.enrolment_id) ?? { enrolmentId: row.enrolment_id, recorded: 0, attended: 0, rate: null, missedInRow: 0, missedSinceSessionId: null, lastStatus: null };
    m.recorded += 1;
    if (ATTENDED.has(row.status)) m.attended += 1;
    m.missedInRow = MISSED.has(row.status) ? m.missedInRow + 1 : 0;
    m.missedSinceSessionId = m.missedInRow === 0 ? null : m.missedInRow === 1 ? row.session_id : m.missedSinceSessionId;
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
