import { idParams } from '../../../shared/schemas/common.js';
import { erasureBodySchema, erasureListSchema, erasureReportSchema } from '../../../shared/schemas/data-rights.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { fhirBase } from '../fhir/base.js';
import { erasureReport, listErasures } from './erasure-reports.js';
import { eraseParticipant } from './erase-participant.js';
import { myDataBundle } from './my-data-bundle.js';
import { myDataSummary } from './my-data-summary.js';
import { previewErasure } from './preview-erasure.js';

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
    id: 'admin.users.erasure.preview',
    method: 'GET',
    url: '/api/admin/users/:userId/erasure',
    summary: 'Dry run of erasing a participant: what would be removed, anonymised and kept under the retention policy, and why (changes nothing; audited)',
    tags,
    access: readUser,
    params: userParams,
    response: { 200: erasureReportSchema },
    async handler({ params }, ctx) {
      return previewErasure(ctx, params.userId);
    },
  }),
  defineRoute({
    id: 'admin.users.erasure.process',
    method: 'POST',
    url: '/api/admin/users/:userId/erasure',
    summary: 'Erase a participant’s data in one transaction under the retention policy; returns and stores the report (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'user', action: 'update', objects: { userId: 'user' } },
    params: userParams,
    body: erasureBodySchema,
    response: { 200: erasureReportSchema },
    async handler({ params, body }, ctx) {
      return eraseParticipant(ctx, params.userId, body.reason);
    },
  }),
  defineRoute({
    id: 'admin.users.erasure.report',
    method: 'GET',
    url: '/api/admin/users/:userId/erasure/report',
    summary: 'The stored report of a participant’s erasure, as a JSON download (audited)',
    tags,
    access: readUser,
    params: userParams,
    response: { 200: erasureReportSchema },
    async handler({ params }, ctx) {
      const report = await erasureReport(ctx, params.userId);
      ctx.reply.header('content-disposition', `attachment; filename="hearth-erasure-${report.id ?? params.userId}.json"`);
      return report;
    },
  }),
];
