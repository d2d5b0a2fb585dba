import type { AttendanceStatus } from '../../db/schema.js';
import type { UseCaseContext } from '../../http/use-case.js';
import type { Table, TableColumn } from '../../lib/xlsx.js';
import { sessionNumbers } from '../schedule/repository.js';
import { localParts, periodBounds, type ExportFormat, type Period } from './period.js';
import { exportGroup, heldAttendance } from './repository.js';

/** How attendance reads in a spreadsheet. */
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  late: 'Late',
  left_early: 'Left early',
  excused: 'Excused absence',
  absent: 'Absent',
};

const COLUMNS: TableColumn[] = [
  { header: 'Session date', type: 'date' },
  { header: 'Start time', type: 'time' },
  { header: 'Time zone', type: 'text' },
  { header: 'Session number', type: 'number' },
  { header: 'Topic', type: 'text' },
  { header: 'Pseudonym', type: 'text' },
  { header: 'Member name', type: 'text' },
  { header: 'Attendance', type: 'text' },
  { header: 'Minutes late or left early', type: 'number' },
];

/** Attendance of a group's held sessions (sent as CSV or .xlsx): one row per member per session. */
export async function exportAttendance(ctx: UseCaseContext, groupId: string, period: Period, format: ExportFormat): Promise<{ table: Table; filename: string }> {
  const group = await exportGroup(ctx.db, groupId);
  const [rows, numbers] = await Promise.all([heldAttendance(ctx.db, groupId, periodBounds(period, group.timezone)), sessionNumbers(ctx.db, groupId)]);
  const table: Table = {
    columns: COLUMNS,
    rows: rows.map((r) => {
      const start = localParts(r.starts_at, group.timezone);
      return [start.date, start.time, group.timezone, numbers.get(r.session_id) ?? '', r.topic, r.pseudonym, r.display_name, ATTENDANCE_LABELS[r.status], r.minutes ?? ''];
    }),
  };
  const sessions = new Set(rows.map((r) => r.session_id)).size;
  await ctx.audit({
    action: 'exports.attendance',
    resourceType: 'group',
    resourceId: groupId,
    groupId,
    detail: { rows: rows.length, sessions, format, from: period.from ?? null, to: period.to ?? null },
  });
  return { table, filename: `attendance-${groupId.slice(0, 8)}-${ctx.now.toISOString().slice(0, 10)}.${format}` };
}
