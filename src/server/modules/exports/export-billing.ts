import type { AttendanceStatus } from '../../db/schema.js';
import type { UseCaseContext } from '../../http/use-case.js';
import type { Table, TableColumn } from '../../lib/xlsx.js';
import { ATTENDANCE_LABELS } from './export-attendance.js';
import { localParts, periodBounds, type ExportFormat, type Period } from './period.js';
import { exportGroup, heldAttendance, leadFacilitatorName } from './repository.js';

/** Attendance that makes a session billable for a member. */
export const BILLABLE_ATTENDANCE: readonly AttendanceStatus[] = ['present', 'late', 'left_early'];
/** CPT 90853 (group psychotherapy) unless the group is configured otherwise. */
export const DEFAULT_BILLING_CODE = '90853';

const COLUMNS: TableColumn[] = [
  { header: 'Date of service', type: 'date' },
  { header: 'Start time', type: 'time' },
  { header: 'End time', type: 'time' },
  { header: 'Time zone', type: 'text' },
  { header: 'Duration minutes', type: 'number' },
  { header: 'Group', type: 'text' },
  { header: 'Member name', type: 'text' },
  { header: 'Member id', type: 'text' },
  { header: 'Attendance', type: 'text' },
  { header: 'Billing code', type: 'text' },
  { header: 'Rendering facilitator', type: 'text' },
];

/** Billing lines (sent as CSV or .xlsx): one per member who attended (present, late or left early) per held session. */
export async function exportBilling(ctx: UseCaseContext, groupId: string, period: Period, format: ExportFormat): Promise<{ table: Table; filename: string }> {
  const group = await exportGroup(ctx.db, groupId);
  const [rows, lead] = await Promise.all([
    heldAttendance(ctx.db, groupId, periodBounds(period, group.timezone), BILLABLE_ATTENDANCE),
    leadFacilitatorName(ctx.db, groupId),
  ]);
  const code = group.billing_code || DEFAULT_BILLING_CODE;
  const table: Table = {
    columns: COLUMNS,
    rows: rows.map((r) => {
      const start = localParts(r.starts_at, group.timezone);
      const end = localParts(r.ends_at, group.timezone);
      const minutes = Math.round((Date.parse(r.ends_at) - Date.parse(r.starts_at)) / 60_000);
      return [start.date, start.time, end.time, group.timezone, minutes, group.name, r.display_name, r.enrolment_id, ATTENDANCE_LABELS[r.status], code, lead ?? ''];
    }),
  };
  await ctx.audit({
    action: 'exports.billing',
    resourceType: 'group',
    resourceId: groupId,
    groupId,
    detail: { rows: rows.length, format, from: period.from ?? null, to: period.to ?? null },
  });
  const span = period.from || period.to ? `${period.from ?? 'start'}-to-${period.to ?? ctx.now.toISOString().slice(0, 10)}` : ctx.now.toISOString().slice(0, 10);
  return { table, filename: `billing-${groupId.slice(0, 8)}-${span}.${format}` };
}
