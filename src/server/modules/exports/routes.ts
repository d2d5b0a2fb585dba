import { idParams } from '../../../shared/schemas/common.js';
import { defineRoute } from '../../http/route.js';
import { sendCsv } from './csv-reply.js';
import { exportAttendance } from './export-attendance.js';
import { exportBilling } from './export-billing.js';
import { periodQuerySchema } from './period.js';

const tags = ['exports'];
const groupParams = idParams('groupId');

export const exportRoutes = [
  defineRoute({
    id: 'exports.attendance',
    method: 'GET',
    url: '/api/groups/:groupId/attendance.csv',
    summary: 'Attendance of the group’s held sessions as CSV (one row per member per session)',
    tags,
    access: { kind: 'authenticated', resource: 'attendance', action: 'export', objects: { groupId: 'group' } },
    params: groupParams,
    query: periodQuerySchema,
    async handler({ params, query }, ctx) {
      const { csv, filename } = await exportAttendance(ctx, params.groupId, query);
      return sendCsv(ctx.reply, filename, csv);
    },
  }),
  defineRoute({
    id: 'exports.billing',
    method: 'GET',
    url: '/api/groups/:groupId/billing.csv',
    summary: 'Billing lines as CSV: one per attending member per held session (CPT 90853 unless configured)',
    tags,
    access: { kind: 'authenticated', resource: 'billing', action: 'export', objects: { groupId: 'group' } },
    params: groupParams,
    query: periodQuerySchema,
    async handler({ params, query }, ctx) {
      const { csv, filename } = await exportBilling(ctx, params.groupId, query);
      return sendCsv(ctx.reply, filename, csv);
    },
  }),
];
