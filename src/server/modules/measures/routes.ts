import { idParams } from '../../../shared/schemas/common.js';
import {
  dueMeasuresResponseSchema,
  instrumentImportBodySchema,
  instrumentImportResponseSchema,
  instrumentListResponseSchema,
  instrumentQuerySchema,
  measureScheduleSchema,
  measureSubmitBodySchema,
  measureSubmitResponseSchema,
  outcomeQuerySchema,
  outcomeReportSchema,
  scheduleAddBodySchema,
  scheduleListResponseSchema,
  trajectoryResponseSchema,
} from '../../../shared/schemas/measures.js';
import { instrumentDefinitionSchema } from '../../../shared/instruments/definition.js';
import { AppError } from '../../http/errors.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute } from '../../http/route.js';
import { toCsv, withBom } from '../../lib/csv.js';
import { fhirBase } from '../fhir/base.js';
import { addSchedule } from './add-schedule.js';
import { toFhirQuestionnaire } from './engine/fhir.js';
import { importInstrument } from './import-instrument.js';
import { listInstruments, requireInstrument } from './instruments.js';
import { listDueMeasures } from './list-due-measures.js';
import { listSchedules } from './list-schedules.js';
import { outcomeReport } from './outcomes.js';
import { responseAsFhir } from './response-fhir.js';
import { submitResponse } from './submit-response.js';
import { measureTrajectory } from './trajectory.js';

const tags = ['measures'];

export const measureRoutes = [
  defineRoute({
    id: 'instruments.list',
    method: 'GET',
    url: '/api/instruments',
    summary: 'Instruments available to the service (built in and imported)',
    tags,
    access: { kind: 'authenticated', resource: 'instrument', action: 'read' },
    response: { 200: instrumentListResponseSchema },
    async handler(_input, ctx) {
      const all = await listInstruments(ctx.db);
      return {
        instruments: all.map(({ definition: d, source }) => ({
          code: d.id,
          version: d.version,
          title: d.title,
          shortTitle: d.shortTitle,
          kind: d.kind,
          source,
          items: d.items.length,
        })),
      };
    },
  }),
  defineRoute({
    id: 'instruments.definition',
    method: 'GET',
    url: '/api/instruments/definition',
    summary: 'One instrument’s declarative definition',
    tags,
    access: { kind: 'authenticated', resource: 'instrument', action: 'read' },
    query: instrumentQuerySchema,
    response: { 200: instrumentDefinitionSchema },
    async handler({ query }, ctx) {
      return (await requireInstrument(ctx.db, query.code, query.version)).definition;
    },
  }),
  defineRoute({
    id: 'instruments.fhir',
    method: 'GET',
    url: '/api/instruments/questionnaire',
    summary: 'An instrument as a FHIR R4 Questionnaire',
    tags,
    access: { kind: 'authenticated', resource: 'instrument', action: 'export' },
    query: instrumentQuerySchema,
    produces: { 'application/fhir+json': 'A FHIR R4 Questionnaire' },
    async handler({ query }, ctx) {
      ctx.reply.type('application/fhir+json');
      const base = fhirBase(ctx.hearth.config, publicOrigin(ctx.hearth.config, ctx.request));
      return toFhirQuestionnaire((await requireInstrument(ctx.db, query.code, query.version)).definition, { base });
    },
  }),
  defineRoute({
    id: 'instruments.import',
    auditRefusals: true,
    method: 'POST',
    url: '/api/instruments',
    summary: 'Import an instrument the service holds permission for (Hearth definition or FHIR Questionnaire)',
    tags,
    access: { kind: 'authenticated', resource: 'instrument', action: 'create' },
    body: instrumentImportBodySchema,
    response: { 201: instrumentImportResponseSchema },
    errors: ['invalid_definition'],
    async handler({ body }, ctx) {
      const imported = await importInstrument(ctx, body);
      ctx.reply.code(201);
      return imported;
    },
  }),
  defineRoute({
    id: 'measures.due',
    method: 'GET',
    url: '/api/me/measures/due',
    summary: 'Questionnaires due for me now',
    tags,
    access: { kind: 'authenticated', resource: 'measure', action: 'create' },
    transaction: true,
    response: { 200: dueMeasuresResponseSchema },
    async handler(_input, ctx) {
      return listDueMeasures(ctx);
    },
  }),
  defineRoute({
    id: 'measures.submit',
    method: 'POST',
    url: '/api/measures/responses',
    summary: 'Submit a questionnaire (scored on the server; idempotent per key)',
    tags,
    access: { kind: 'authenticated', resource: 'measure', action: 'create' },
    body: measureSubmitBodySchema,
    response: { 200: measureSubmitResponseSchema },
    async handler({ body }, ctx) {
      if (ctx.principal.role !== 'participant') throw new AppError('forbidden', 'Only participants answer questionnaires.');
      return submitResponse(ctx, body);
    },
  }),
  defineRoute({
    id: 'measures.trajectory',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/measures',
    summary: 'A participant’s scores over time per instrument, with bands and reliable change (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'measure', action: 'read', objects: { enrolmentId: 'enrolment' } },
    params: idParams('enrolmentId'),
    response: { 200: trajectoryResponseSchema },
    async handler({ params }, ctx) {
      return measureTrajectory(ctx, params.enrolmentId);
    },
  }),
  defineRoute({
    id: 'measures.fhir',
    method: 'GET',
    url: '/api/measures/responses/:responseId/fhir',
    summary: 'A submission as a FHIR R4 collection Bundle: its QuestionnaireResponse (total item answered) and scored Observation',
    tags,
    access: { kind: 'authenticated', resource: 'measure', action: 'read', objects: { responseId: 'response' } },
    params: idParams('responseId'),
    produces: { 'application/fhir+json': 'A FHIR R4 resource: the response and its score' },
    async handler({ params }, ctx) {
      const fhir = await responseAsFhir(ctx, params.responseId, fhirBase(ctx.hearth.config, publicOrigin(ctx.hearth.config, ctx.request)));
      ctx.reply.type('application/fhir+json');
      return fhir;
    },
  }),
];

export const measureScheduleRoutes = [
  defineRoute({
    id: 'measures.schedules.list',
    method: 'GET',
    url: '/api/groups/:groupId/measure-schedules',
    summary: 'When the group’s members are asked to complete which questionnaires',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    response: { 200: scheduleListResponseSchema },
    async handler({ params }, ctx) {
      return listSchedules(ctx, params.groupId);
    },
  }),
  defineRoute({
    id: 'measures.schedules.add',
    method: 'POST',
    url: '/api/groups/:groupId/measure-schedules',
    summary: 'Ask the group’s members to complete a questionnaire at enrolment, every N sessions, at completion or at each session start',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'update', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    body: scheduleAddBodySchema,
    response: { 201: measureScheduleSchema },
    async handler({ params, body }, ctx) {
      const schedule = await addSchedule(ctx, params.groupId, body);
      ctx.reply.code(201);
      return schedule;
    },
  }),
];

export const outcomeRoutes = [
  defineRoute({
    id: 'reports.outcomes',
    method: 'GET',
    url: '/api/reports/outcomes',
    summary: 'Outcomes per service, programme or group: change, reliable change, recovery, effect size, attendance',
    tags: ['reports'],
    access: { kind: 'authenticated', resource: 'report', action: 'read', objects: { 'query.groupId': 'group' } },
    query: outcomeQuerySchema,
    response: { 200: outcomeReportSchema },
    async handler({ query }, ctx) {
      const report = await outcomeReport(ctx.db, ctx.principal, query, ctx.now);
      await ctx.audit({ action: 'reports.outcomes', detail: { instrument: query.instrumentCode, people: report.started } });
      return report;
    },
  }),
  defineRoute({
    id: 'reports.outcomes.csv',
    method: 'GET',
    url: '/api/reports/outcomes.csv',
    summary: 'The outcomes report as CSV',
    tags: ['reports'],
    access: { kind: 'authenticated', resource: 'report', action: 'export', objects: { 'query.groupId': 'group' } },
    query: outcomeQuerySchema,
    produces: { 'text/csv': 'The outcomes report, one row per person' },
    async handler({ query }, ctx) {
      const r = await outcomeReport(ctx.db, ctx.principal, query, ctx.now);
      await ctx.audit({ action: 'reports.outcomes.export', detail: { instrument: query.instrumentCode } });
      ctx.reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="outcomes-${r.instrument.code}.csv"`);
      return withBom(
        toCsv(
          [
            ...[
              'instrument',
              'started',
              'completed',
              'mean_first',
              'mean_last',
              'mean_change',
              'reliably_improved',
              'reliably_deteriorated',
              'recovered',
              'effect_size',
              'attendance_correlation',
            ],
            ...['loneliness_started', 'loneliness_completed', 'loneliness_mean_change', 'loneliness_share_improved'],
            ...[
              'density_start',
              'density_end',
              'reciprocity_start',
              'reciprocity_end',
              'two_mutual_ties_start',
              'two_mutual_ties_end',
              'isolates_start',
              'isolates_end',
              'ties_vs_phq9_improvement',
              'ties_vs_attendance',
            ],
          ],
          [
            [
              ...[
                r.instrument.code,
                r.started,
                r.completed,
                r.meanFirst,
                r.meanLast,
                r.meanChange,
                r.reliablyImproved,
                r.reliablyDeteriorated,
                r.recovered,
                r.effectSize,
                r.attendance.correlationWithImprovement,
              ],
              ...[r.connection.loneliness.started, r.connection.loneliness.completed, r.connection.loneliness.meanChange, r.connection.loneliness.shareImproved],
              ...networkColumns(r.connection.network),
            ],
          ],
        ),
      );
    },
  }),
];

/** The network columns of the outcomes CSV: empty unless the report is for one group. */
function networkColumns(n: Awaited<ReturnType<typeof outcomeReport>>['connection']['network']): (number | null)[] {
  if (!n) return Array.from({ length: 10 }, () => null);
  return [
    n.start.density,
    n.end.density,
    n.start.reciprocity,
    n.end.reciprocity,
    n.start.reciprocalShare,
    n.end.reciprocalShare,
    n.start.isolates,
    n.end.isolates,
    n.tiesVsPhq9Improvement,
    n.tiesVsAttendance,
  ];
}
