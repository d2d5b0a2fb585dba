import { BILLING_COLUMNS, type BillingColumnKey } from '../../../shared/schemas/billing.js';
import type { AttendanceStatus } from '../../db/schema.js';
import type { UseCaseContext } from '../../http/use-case.js';
import type { ColumnType, Table } from '../../lib/xlsx.js';
import { recordNumberSystem } from '../fhir/base.js';
import { chosenBillingColumns } from './billing-columns.js';
import { ATTENDANCE_LABELS } from './export-attendance.js';
import { localParts, periodBounds, type ExportFormat, type Period } from './period.js';
import { claimFacts, exportGroup, heldAttendance, leadFacilitator } from './repository.js';

/** Attendance that makes a session billable for a member. */
export const BILLABLE_ATTENDANCE: readonly AttendanceStatus[] = ['present', 'late', 'left_early'];

/** CPT 90853 (group psychotherapy) unless the group is configured otherwise. */
export const DEFAULT_BILLING_CODE = '90853';

/** How each column's cells are typed in the workbook. */
const COLUMN_TYPES: Record<BillingColumnKey, ColumnType> = {
  date_of_service: 'date',
  start_time: 'time',
  end_time: 'time',
  time_zone: 'text',
  duration_minutes: 'number',
  group: 'text',
  member_name: 'text',
  member_id: 'text',
  attendance: 'text',
  billing_code: 'text',
  rendering_facilitator: 'text',
  record_number: 'text',
  date_of_birth: 'date',
  diagnosis_code: 'text',
  facilitator_identifier: 'text',
  place_of_service: 'text',
};

type Line = Record<BillingColumnKey, string | number>;

/**
 * The columns of this export: the service's choice when it made one; otherwise the standard
 * columns, then each claim column the service records (one that has a value on some line).
 */
function columnsFor(chosen: BillingColumnKey[] | null, lines: readonly Line[]): BillingColumnKey[] {
  if (chosen) return chosen;
  return BILLING_COLUMNS.filter((c) => !c.claim || lines.some((l) => l[c.key] !== '')).map((c) => c.key);
}

/**
 * Billing lines (sent as CSV or .xlsx): one per member who attended (present, late or left early)
 * per held session, with the claim fields the service records, in the service's column choice.
 */
export async function exportBilling(ctx: UseCaseContext, groupId: string, period: Period, format: ExportFormat): Promise<{ table: Table; filename: string }> {
  const group = await exportGroup(ctx.db, groupId);
  const [rows, lead, facts, chosen] = await Promise.all([
    heldAttendance(ctx.db, groupId, periodBounds(period, group.timezone), BILLABLE_ATTENDANCE),
    leadFacilitator(ctx.db, groupId),
    claimFacts(ctx.db, groupId, recordNumberSystem(ctx.hearth.config)),
    chosenBillingColumns(ctx.db),
  ]);
  const code = group.billing_code || DEFAULT_BILLING_CODE;
  const lines: Line[] = rows.map((r) => {
    const start = localParts(r.starts_at, group.timezone);
    const end = localParts(r.ends_at, group.timezone);
    const claim = facts.get(r.enrolment_id);
    return {
      date_of_service: start.date,
      start_time: start.time,
      end_time: end.time,
      time_zone: group.timezone,
      duration_minutes: Math.round((Date.parse(r.ends_at) - Date.parse(r.starts_at)) / 60_000),
      group: group.name,
      member_name: r.display_name,
      member_id: r.enrolment_id,
      attendance: ATTENDANCE_LABELS[r.status],
      billing_code: code,
      rendering_facilitator: lead?.name ?? '',
      record_number: claim?.record_number ?? '',
      date_of_birth: claim?.date_of_birth ?? '',
      diagnosis_code: claim?.diagnosis_code ?? '',
      facilitator_identifier: lead?.professionalIdentifier ?? '',
      place_of_service: group.place_of_service ?? '',
    };
  });
  const keys = columnsFor(chosen, lines);
  const headers = new Map(BILLING_COLUMNS.map((c) => [c.key, c.header]));
  const table: Table = {
    columns: keys.map((k) => ({ header: headers.get(k) ?? k, type: COLUMN_TYPES[k] })),
    rows: lines.map((line) => keys.map((k) => line[k])),
  };
  await ctx.audit({
    action: 'exports.billing',
    resourceType: 'group',
    resourceId: groupId,
    groupId,
    detail: { rows: rows.length, format, columns: keys.join(','), from: period.from ?? null, to: period.to ?? null },
  });
  const span = period.from || period.to ? `${period.from ?? 'start'}-to-${period.to ?? ctx.now.toISOString().slice(0, 10)}` : ctx.now.toISOString().slice(0, 10);
  return { table, filename: `billing-${groupId.slice(0, 8)}-${span}.${format}` };
}
