import { auditPageSchema, auditQuerySchema } from '../../../shared/schemas/audit.js';
import { defineRoute } from '../../http/route.js';
import { toCsv, withBom } from '../../lib/csv.js';
import { decodeCursor, encodeCursor, presentAuditEvent } from './presenters.js';
import { searchAudit } from './repository.js';

const tags = ['audit'];
const EXPORT_LIMIT = 50_000;

export const auditRoutes = [
  defineRoute({
    id: 'admin.audit.search',
    method: 'GET',
    url: '/api/admin/audit',
    summary: 'Search the audit log',
    tags,
    access: { kind: 'authenticated', resource: 'audit', action: 'read' },
    query: auditQuerySchema,
    response: { 200: auditPageSchema },
    async handler({ query }, ctx) {
      const rows = await searchAudit(ctx.db, { ...query, before: decodeCursor(query.before) }, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(presentAuditEvent), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
    },
  }),
  defineRoute({
    id: 'admin.audit.export',
    method: 'GET',
    url: '/api/admin/audit/export.csv',
    summary: 'Export the audit log as CSV (formula cells neutralised)',
    tags,
    access: { kind: 'authenticated', resource: 'audit', action: 'export' },
    query: auditQuerySchema,
    produces: { 'text/csv': 'The audit log' },
    async handler({ query }, ctx) {
      const rows = await searchAudit(ctx.db, { ...query, before: decodeCursor(query.before) }, EXPORT_LIMIT);
      // Exporting the log is itself a read worth recording.
      await ctx.audit({ action: 'admin.audit.export', detail: { rows: rows.length } });
      ctx.reply.header('content-type', 'text/csv; charset=utf-8');
      ctx.reply.header('content-disposition', 'attachment; filename="hearth-audit.csv"');
      return withBom(
        toCsv(
          ['at', 'actor_user_id', 'actor_name', 'actor_role', 'action', 'resource_type', 'resource_id', 'group_id', 'outcome', 'request_id', 'ip', 'detail'],
          rows.map((r) => [r.at, r.actor_user_id, r.actor_name, r.actor_role, r.action, r.resource_type, r.resource_id, r.group_id, r.outcome, r.request_id, r.ip, r.detail]),
        ),
      );
    },
  }),
];
