import { idParams } from '../../../shared/schemas/common.js';
import { erasureBodySchema, erasureListSchema, erasureQuerySchema, erasureReportSchema } from '../../../shared/schemas/data-rights.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { fhirBase } from '../fhir/base.js';
import { listErasures } from './erasure-reports.js';
import { eraseParticipant } from './erase-participant.js';
import { myDataBundle } from './my-data-bundle.js';
import { myDataSummary } from './my-data-summary.js';
import { erasureStatus } from './preview-erasure.js';

const tags = ['data-rights'];
const ownAccount: RouteAccess = { kind: 'authenticated', resource: 'account', action: 'read' };
const readUser: RouteAccess = { kind: 'authenticated', resource: 'user', action: 'read', objects: { userId: 'user' } };
const userParams = idParams('userId');

export const dataRightsRoutes = [
  defineRoute({
    id: 'data_rights.download.fhir',
    method: 'GET',
    url: '/api/me/data/fhir',
    summary: 'Download my data as a FHIR R4 collection Bundle: Patient, groups, attended sessions, goals, agreements accepted, questionnaires (audited; empty for staff)',
    tags,
    access: ownAccount,
    produces: { 'application/fhir+json': 'A FHIR R4 collection Bundle of what Hearth holds about the caller' },
    async handler(_input, ctx) {
      const bundle = await myDataBundle(ctx, fhirBase(ctx.hearth.config, publicOrigin(ctx.hearth.config, ctx.request)));
      ctx.reply.type('application/fhir+json');
      ctx.reply.header('content-disposition', 'attachment; filename="hearth-my-data.fhir.json"');
      return bundle;
    },
  }),
  defineRoute({
    id: 'data_rights.download.summary',
    method: 'GET',
    url: '/api/me/data/summary',
    summary: 'Download my data as a readable, printable HTML page (audited)',
    tags,
    access: ownAccount,
    produces: { 'text/html': 'A printable page of what Hearth holds about the caller' },
    async handler(_input, ctx) {
      const html = await myDataSummary(ctx);
      ctx.reply.header('content-type', 'text/html; charset=utf-8');
      ctx.reply.header('content-disposition', 'attachment; filename="hearth-my-data.html"');
      return html;
    },
  }),
  defineRoute({
    id: 'admin.erasures.list',
    method: 'GET',
    url: '/api/admin/erasures',
    summary: 'Erasures carried out, newest first',
    tags,
    access: { kind: 'authenticated', resource: 'user', action: 'read' },
    response: { 200: erasureListSchema },
    async handler(_input, ctx) {
      return listErasures(ctx);
    },
  }),
  defineRoute({
    id: 'admin.users.erasure.status',
    method: 'GET',
    url: '/api/admin/users/:userId/erasure',
    summary:
      'A participant’s erasure: before it, the dry run (what would be removed, anonymised and kept under the retention policy, and why; changes nothing); after it, the stored report. ?download=true as a JSON file (audited)',
    tags,
    access: readUser,
    params: userParams,
    query: erasureQuerySchema,
    response: { 200: erasureReportSchema },
    errors: ['erasure_not_supported'],
    async handler({ params, query }, ctx) {
      const report = await erasureStatus(ctx, params.userId);
      if (query.download === 'true') {
        ctx.reply.header('content-disposition', `attachment; filename="hearth-erasure-${report.dryRun ? 'preview' : 'report'}-${params.userId}.json"`);
      }
      return report;
    },
  }),
  defineRoute({
    id: 'admin.users.erasure.process',
    auditRefusals: true,
    method: 'POST',
    url: '/api/admin/users/:userId/erasure',
    summary: 'Erase a participant’s data in one transaction under the retention policy; returns and stores the report (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'user', action: 'update', objects: { userId: 'user' } },
    params: userParams,
    body: erasureBodySchema,
    response: { 200: erasureReportSchema },
    errors: ['erasure_not_supported'],
    async handler({ params, body }, ctx) {
      return eraseParticipant(ctx, params.userId, body.reason);
    },
  }),
];
