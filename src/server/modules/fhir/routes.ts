import { idParams } from '../../../shared/schemas/common.js';
import { bulkExportJobListSchema, bulkExportKickoffQuerySchema, bulkExportManifestSchema, fhirBundleQuerySchema } from '../../../shared/schemas/fhir.js';
import type { Db } from '../../db/database.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute, type RouteContext } from '../../http/route.js';
import type { z } from 'zod';
import { fhirBase } from './base.js';
import { cancelBulkExport } from './bulk-cancel.js';
import { openBulkExportFile } from './bulk-download.js';
import { startBulkExport, type ExportLevel } from './bulk-kickoff.js';
import type { ExportDeps } from './bulk-runner.js';
import { bulkExportStatus, listBulkExports } from './bulk-status.js';
import { informationOutcome } from './operation-outcome.js';
import { groupAsFhir } from './group-resource.js';
import { participantBundle } from './participant-bundle.js';

const tags = ['fhir'];

function baseOf(ctx: RouteContext): string {
  return fhirBase(ctx.hearth.config, publicOrigin(ctx.hearth.config, ctx.request));
}

/** What a background export needs: the root handle (the kick-off runs outside a transaction), configuration, clock, log. */
function depsOf(ctx: RouteContext): ExportDeps {
  return { db: ctx.db as Db, config: ctx.hearth.config, clock: ctx.hearth.clock, log: ctx.request.log };
}

/** Kick-off: 202 Accepted, Content-Location naming the status URL, an informational OperationOutcome. */
async function kickoff(ctx: RouteContext, level: ExportLevel, query: z.output<typeof bulkExportKickoffQuerySchema>) {
  const origin = publicOrigin(ctx.hearth.config, ctx.request);
  const prefer = ctx.request.headers.prefer;
  const { statusUrl } = await startBulkExport(ctx, depsOf(ctx), {
    level,
    prefer: Array.isArray(prefer) ? prefer.join(',') : prefer,
    type: query._type,
    since: query._since,
    outputFormat: query._outputFormat,
    requestUrl: `${origin}${ctx.request.url}`,
    fhirBase: baseOf(ctx),
    origin,
  });
  ctx.reply.code(202).header('content-location', statusUrl).type('application/fhir+json');
  return informationOutcome(`The export has started. Follow it at ${statusUrl}`);
}

const bulkAccess = (action: 'read' | 'create' | 'update' | 'export', objects?: Record<string, 'bulkExport' | 'bulkExportFile'>) =>
  ({ kind: 'authenticated', resource: 'bulk_export', action, ...(objects ? { objects } : {}) }) as const;

/** A Bulk Data kick-off route: the levels differ only in what they export. */
function kickoffRoute(level: ExportLevel, id: string, url: string, summary: string) {
  return defineRoute({
    id,
    auditRefusals: true,
    method: 'GET',
    url,
    summary,
    tags,
    access: bulkAccess('create'),
    query: bulkExportKickoffQuerySchema,
    accepted: {
      description: 'The export has started: its status URL is in Content-Location',
      produces: { 'application/fhir+json': 'An OperationOutcome saying where to follow the export' },
    },
    errors: ['export_in_progress'],
    transaction: false,
    async handler({ query }, ctx) {
      return kickoff(ctx, level, query);
    },
  });
}

export const fhirRoutes = [
  defineRoute({
    id: 'fhir.participant.bundle',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/fhir',
    summary:
      'A participant’s record in a group as a FHIR R4 Bundle (collection, or transaction for an EHR): Patient, Group, Encounters, Goals, Consent, Flags, QuestionnaireResponses and Observations (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'export', objects: { enrolmentId: 'enrolment' } },
    params: idParams('enrolmentId'),
    query: fhirBundleQuerySchema,
    produces: { 'application/fhir+json': 'A FHIR R4 Bundle' },
    async handler({ params, query }, ctx) {
      const bundle = await participantBundle(ctx, params.enrolmentId, query.type, baseOf(ctx));
      ctx.reply.type('application/fhir+json');
      return bundle;
    },
  }),
  defineRoute({
    id: 'fhir.group',
    method: 'GET',
    url: '/api/groups/:groupId/fhir',
    summary: 'A therapy group as a FHIR R4 Group: its members as Patient references with their time in the group (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'export', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    produces: { 'application/fhir+json': 'A FHIR R4 Bundle' },
    async handler({ params }, ctx) {
      const group = await groupAsFhir(ctx, params.groupId);
      ctx.reply.type('application/fhir+json');
      return group;
    },
  }),
  kickoffRoute(
    'system',
    'fhir.bulk.export',
    '/api/fhir/$export',
    'FHIR Bulk Data system-level $export (send Prefer: respond-async): 202 with the status URL in Content-Location; ndjson per resource type; _type, _since. Admins; one job at a time (429 export_in_progress). Audited',
  ),
  kickoffRoute(
    'patient',
    'fhir.bulk.patient_export',
    '/api/fhir/Patient/$export',
    'FHIR Bulk Data Patient-level $export: every participant and their compartment (no Group). As /api/fhir/$export',
  ),
  defineRoute({
    id: 'fhir.bulk.status',
    method: 'GET',
    url: '/api/fhir/bulk-status/:exportId',
    summary:
      'Status of one of the caller’s $export jobs: 202 with X-Progress while it runs, 200 with the manifest when done, 500 OperationOutcome if it failed, 404 once cancelled or expired',
    tags,
    access: bulkAccess('read', { exportId: 'bulkExport' }),
    params: idParams('exportId'),
    response: { 200: bulkExportManifestSchema },
    accepted: { description: 'Still running: X-Progress says how far, Retry-After when to ask again' },
    errors: ['export_failed'],
    async handler({ params }, ctx) {
      const status = await bulkExportStatus(ctx, params.exportId);
      if (status.state === 'in_progress') {
        return ctx.reply.code(202).header('x-progress', status.progress).header('retry-after', '2').send();
      }
      ctx.reply.header('expires', new Date(status.expiresAt).toUTCString());
      return status.manifest;
    },
  }),
  defineRoute({
    id: 'fhir.bulk.cancel',
    method: 'DELETE',
    url: '/api/fhir/bulk-status/:exportId',
    summary: 'Cancels one of the caller’s $export jobs, or deletes a finished one’s files: 202; the status URL then answers 404. Audited',
    tags,
    access: bulkAccess('update', { exportId: 'bulkExport' }),
    params: idParams('exportId'),
    accepted: { description: 'Cancelled, or its files deleted', produces: { 'application/fhir+json': 'An OperationOutcome saying so' } },
    async handler({ params }, ctx) {
      await cancelBulkExport(ctx, ctx.hearth.config, params.exportId);
      ctx.reply.code(202).type('application/fhir+json');
      return informationOutcome('The export was cancelled and its files deleted.');
    },
  }),
  defineRoute({
    id: 'fhir.bulk.file',
    method: 'GET',
    url: '/api/fhir/bulk-files/:fileId',
    summary: 'One ndjson file of the caller’s finished $export (application/fhir+ndjson), streamed. Audited',
    tags,
    access: bulkAccess('export', { fileId: 'bulkExportFile' }),
    params: idParams('fileId'),
    produces: { 'application/fhir+ndjson': 'One FHIR resource per line, all of one type' },
    async handler({ params }, ctx) {
      const file = await openBulkExportFile(ctx, ctx.hearth.config, params.fileId);
      ctx.reply.type('application/fhir+ndjson').header('content-length', String(file.bytes)).header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.stream;
    },
  }),
  defineRoute({
    id: 'fhir.bulk.list',
    method: 'GET',
    url: '/api/fhir/bulk-exports',
    summary: 'The caller’s ten latest $export jobs with their progress and files (the admin screen)',
    tags,
    access: bulkAccess('read'),
    response: { 200: bulkExportJobListSchema },
    async handler(_input, ctx) {
      return listBulkExports(ctx, publicOrigin(ctx.hearth.config, ctx.request));
    },
  }),
];
