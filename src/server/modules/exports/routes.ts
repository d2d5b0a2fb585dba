import { billingColumnsBodySchema, billingColumnsSchema } from '../../../shared/schemas/billing.js';
import { idParams } from '../../../shared/schemas/common.js';
import { defineRoute } from '../../http/route.js';
import { sendCsv, sendXlsx } from './csv-reply.js';
import { exportAttendance } from './export-attendance.js';
import { readBillingColumns, updateBillingColumns } from './billing-columns.js';
import { exportBilling } from './export-billing.js';
import { csvExportQuerySchema, periodQuerySchema } from './period.js';

const tags = ['exports'];
const groupParams = idParams('groupId');
const attendanceAccess = { kind: 'authenticated', resource: 'attendance', action: 'export', objects: { groupId: 'group' } } as const;
const billingAccess = { kind: 'authenticated', resource: 'billing', action: 'export', objects: { groupId: 'group' } } as const;

export const exportRoutes = [
  defineRoute({
    id: 'exports.attendance',
    method: 'GET',
    url: '/api/groups/:groupId/attendance.csv',
    summary: 'Attendance of the group’s held sessions as CSV (one row per member per session; UTF-8 BOM unless ?bom=false)',
    tags,
    access: attendanceAccess,
    params: groupParams,
    query: csvExportQuerySchema,
    produces: { 'text/csv': 'Attendance, one row per member and session' },
    async handler({ params, query: { bom, ...period } }, ctx) {
      const { table, filename } = await exportAttendance(ctx, params.groupId, period, 'csv');
      return sendCsv(ctx.reply, filename, table, bom !== 'false');
    },
  }),
  defineRoute({
    id: 'exports.attendance.xlsx',
    method: 'GET',
    url: '/api/groups/:groupId/attendance.xlsx',
    summary: 'Attendance of the group’s held sessions as an Excel workbook (typed cells)',
    tags,
    access: attendanceAccess,
    params: groupParams,
    query: periodQuerySchema,
    produces: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Attendance as a workbook' },
    async handler({ params, query }, ctx) {
      const { table, filename } = await exportAttendance(ctx, params.groupId, query, 'xlsx');
      return sendXlsx(ctx.reply, filename, 'Attendance', table);
    },
  }),
  defineRoute({
    id: 'exports.billing',
    method: 'GET',
    url: '/api/groups/:groupId/billing.csv',
    summary: 'Billing lines as CSV: one per attending member per held session (CPT 90853 unless configured; UTF-8 BOM unless ?bom=false)',
    tags,
    access: billingAccess,
    params: groupParams,
    query: csvExportQuerySchema,
    produces: { 'text/csv': 'Billing lines' },
    async handler({ params, query: { bom, ...period } }, ctx) {
      const { table, filename } = await exportBilling(ctx, params.groupId, period, 'csv');
      return sendCsv(ctx.reply, filename, table, bom !== 'false');
    },
  }),
  defineRoute({
    id: 'exports.billing.xlsx',
    method: 'GET',
    url: '/api/groups/:groupId/billing.xlsx',
    summary: 'Billing lines as an Excel workbook (typed cells)',
    tags,
    access: billingAccess,
    params: groupParams,
    query: periodQuerySchema,
    produces: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Billing lines as a workbook' },
    async handler({ params, query }, ctx) {
      const { table, filename } = await exportBilling(ctx, params.groupId, query, 'xlsx');
      return sendXlsx(ctx.reply, filename, 'Billing', table);
    },
  }),
  defineRoute({
    id: 'exports.billing_columns.get',
    method: 'GET',
    url: '/api/admin/billing-columns',
    summary: 'Which columns the billing export has, in order (null = the default), and every column there is',
    tags,
    access: { kind: 'authenticated', resource: 'settings', action: 'read' },
    response: { 200: billingColumnsSchema },
    async handler(_input, ctx) {
      return readBillingColumns(ctx);
    },
  }),
  defineRoute({
    id: 'exports.billing_columns.update',
    method: 'PUT',
    url: '/api/admin/billing-columns',
    summary: 'Choose the billing export’s columns and their order for CSV and Excel (null returns to the default; 422 unknown_billing_column)',
    tags,
    access: { kind: 'authenticated', resource: 'settings', action: 'update' },
    body: billingColumnsBodySchema,
    response: { 200: billingColumnsSchema },
    errors: ['invalid_billing_columns', 'unknown_billing_column'],
    async handler({ body }, ctx) {
      return updateBillingColumns(ctx, body.columns);
    },
  }),
];
