import type { AttendanceStatus } from '../../db/schema.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { toCsv } from '../../lib/csv.js';
import { ATTENDANCE_LABELS } from './export-attendance.js';
import { localParts, periodBounds, type Period } from './period.js';
import { exportGroup, heldAttendance, leadFacilitatorName } from './repository.js';

/** Attendance that makes a session billable for a member. */
export const BILLABLE_ATTENDANCE: readonly AttendanceStatus[] = ['present', 'late', 'left_early'];
/** CPT 90853 (group psychotherapy) unless the group is configured otherwise. */
export const DEFAULT_BILLING_CODE = '90853';

const HEADER = [
  'Date of service',
  'Start time',
  'End time',
  'Time zone',
  'Duration minutes',
  'Group',
  'Member name',
  'Member id',
  'Attendance',
  'Billing code',
  'Rendering facilitator',
];

/** Billing lines as CSV: one per member who attended (present, late or left early) per held session. */
export async function exportBilling(ctx: UseCaseContext, groupId: string, period: Period): Promise<{ csv: string; filename: string }> {
  const group = await exportGroup(ctx.db, groupId);
  const [rows, lead] = await Promise.all([
    heldAttendance(ctx.db, groupId, periodBounds(period, group.timezone), BILLABLE_ATTENDANCE),
    leadFacilitatorName(ctx.db, groupId),
  ]);
  const code = group.billing_code || DEFAULT_BILLING_CODE;
  const csv = toCsv(
    HEADER,
    rows.map((r) => {
      const start = localParts(r.starts_at, group.timezone);
      const end = localParts(r.ends_at, group.timezone);
      const minutes = Math.round((Date.parse(r.ends_at) - Date.parse(r.starts_at)) / 60_000);
      return [start.date, start.time, end.time, group.timezone, minutes, group.name, r.display_name, r.enrolment_id, ATTENDANCE_LABELS[r.status], code, lead ?? ''];
    }),
  );
  await ctx.audit({
    action: 'exports.billing',
    resourceType: 'group',
    resourceId: groupId,
    groupId,
    detail: { rows: rows.length, from: period.from ?? null, to: period.to ?? null },
  });
  const span = period.from || period.to ? `${period.from ?? 'start'}-to-${period.to ?? ctx.now.toISOString().slice(0, 10)}` : ctx.now.toISOString().slice(0, 10);
  return { csv, filename: `billing-${groupId.slice(0, 8)}-${span}.csv` };
}
