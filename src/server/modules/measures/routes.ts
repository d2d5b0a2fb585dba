import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import { instrumentDefinitionSchema, validateDefinition } from '../../../shared/instruments/definition.js';
import { AppError } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { newId } from '../../lib/ids.js';
import { classifyChange } from './engine/change.js';
import { fromFhirQuestionnaire, toFhirQuestionnaire, toObservation, toQuestionnaireResponse } from './engine/fhir.js';
import { scoreResponse } from './engine/score.js';
import { toCsv } from '../../lib/csv.js';
import { ensureDueRequests } from './due.js';
import { outcomeReport } from './outcomes.js';
import { findInstrument, listInstruments, requireInstrument } from './instruments.js';
import { submitResponse } from './submit-response.js';

const tags = ['measures'];
const instrumentQuery = z.strictObject({ code: z.string().min(1).max(64), version: z.coerce.number().int().min(1).optional() });

export const measureRoutes = [
  defineRoute({
    id: 'instruments.list',
    method: 'GET',
    url: '/api/instruments',
    summary: 'Instruments available to the service (built in and imported)',
    tags,
    access: { kind: 'authenticated', resource: 'instrument', action: 'read' },
    response: { 200: z.object({ instruments: z.array(z.object({ code: z.string(), version: z.number().int(), title: z.string(), shortTitle: z.string(), kind: z.enum(['validated', 'programme']), source: z.enum(['builtin', 'imported']), items: z.number().int() })) }) },
    async handler(_input, ctx) {
      const all = await listInstruments(ctx.db);
      return { instruments: all.map(({ definition: d, source }) => ({ code: d.id, version: d.version, title: d.title, shortTitle: d.shortTitle, kind: d.kind, source, items: d.items.length })) };
    },
  }),
  defineRoute({
    id: 'instruments.definition',
    method: 'GET',
    url: '/api/instruments/definition',
    summary: 'One instrument’s declarative definition',
    tags,
    access: { kind: 'authenticated', resource: 'instrument', action: 'read' },
    query: instrumentQuery,
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
    query: instrumentQuery,
    async handler({ query }, ctx) {
      ctx.reply.type('application/fhir+json');
      return toFhirQuestionnaire((await requireInstrument(ctx.db, query.code, query.version)).definition);
    },
  }),
  defineRoute({
    id: 'instruments.import',
    method: 'POST',
    url: '/api/instruments',
    summary: 'Import an instrument the service holds permission for (Hearth definition or FHIR Questionnaire)',
    tags,
    access: { kind: 'authenticated', resource: 'instrument', action: 'create' },
    body: z.strictObject({ definition: z.unknown().optional(), questionnaire: z.unknown().optional() }),
    response: { 201: z.object({ code: z.string(), version: z.number().int() }) },
    async handler({ body }, ctx) {
      const parsed = body.questionnaire !== undefined ? fromFhirQuestionnaire(body.questionnaire) : validateDefinition(body.definition);
      if (!parsed.ok) {
        throw new AppError('invalid_definition', 'The instrument definition has problems.', parsed.errors.map((e) => ({ path: e.path, message: e.message })));
      }
      const definition = parsed.definition;
      const existing = await findInstrument(ctx.db, definition.id, definition.version);
      if (existing) throw new AppError('conflict', `${definition.id} version ${definition.version} already exists: import it as a new version.`);
      const id = newId();
      await ctx.db
        .insertInto('instruments')
        .values({ id, code: definition.id, version: definition.version, kind: definition.kind, title: definition.title, definition: JSON.stringify(definition), source: 'imported', status: 'active', created_by: ctx.principal.userId, created_at: ctx.now.toISOString() })
        .execute();
      await ctx.audit({ action: 'instruments.import', resourceType: 'instrument', resourceId: id, detail: { code: definition.id, version: definition.version } });
      ctx.reply.code(201);
      return { code: definition.id, version: definition.version };
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
    response: { 200: z.object({ due: z.array(z.object({ requestId: z.uuid(), code: z.string(), title: z.string(), shortTitle: z.string(), version: z.number().int(), dueAt: z.string(), reason: z.string() })) }) },
    async handler(_input, ctx) {
      await ensureDueRequests(ctx.db, ctx.principal.userId, ctx.now);
      const rows = await ctx.db.selectFrom('measure_requests').selectAll().where('participant_id', '=', ctx.principal.userId).where('status', '=', 'due').where('due_at', '<=', ctx.now.toISOString()).orderBy('due_at').execute();
      const due = [];
      const listed = new Set<string>();
      for (const r of rows) {
        // One entry per questionnaire: answering it settles every request for it that is due.
        if (listed.has(r.instrument_code)) continue;
        listed.add(r.instrument_code);
        const entry = await findInstrument(ctx.db, r.instrument_code);
        if (entry) due.push({ requestId: r.id, code: entry.definition.id, title: entry.definition.title, shortTitle: entry.definition.shortTitle, version: entry.definition.version, dueAt: r.due_at, reason: r.reason });
      }
      return { due };
    },
  }),
  defineRoute({
    id: 'measures.submit',
    method: 'POST',
    url: '/api/measures/responses',
    summary: 'Submit a questionnaire (scored on the server; idempotent per key)',
    tags,
    access: { kind: 'authenticated', resource: 'measure', action: 'create' },
    body: z.strictObject({
      instrumentCode: z.string().min(1).max(64),
      version: z.number().int().min(1),
      answers: z.record(z.string().max(64), z.number().nullable()),
      idempotencyKey: z.string().min(8).max(100),
      requestId: z.uuid().optional(),
    }),
    response: {
      200: z.object({
        responseId: z.uuid(),
        total: z.number(),
        band: z.string().nullable(),
        caseness: z.boolean(),
        prorated: z.boolean(),
        replayed: z.boolean(),
        safety: z.object({ tier: z.enum(['concern', 'urgent']), message: z.string(), crisisLine: z.string() }).nullable(),
      }),
    },
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
    response: {
      200: z.object({
        instruments: z.array(
          z.object({
            code: z.string(),
            title: z.string(),
            higherIsBetter: z.boolean(),
            range: z.object({ min: z.number(), max: z.number() }),
            bands: z.array(z.object({ min: z.number(), max: z.number(), label: z.string() })),
            caseness: z.number().nullable(),
            points: z.array(z.object({ responseId: z.uuid(), submittedAt: z.string(), total: z.number(), band: z.string().nullable() })),
            change: z.object({ change: z.number(), category: z.string(), recovered: z.boolean(), threshold: z.number().nullable() }).nullable(),
          }),
        ),
      }),
    },
    async handler({ params }, ctx) {
      const enrolmentId = String(params.enrolmentId);
      const enrolment = await ctx.db.selectFrom('enrolments').select(['participant_id', 'group_id']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
      if (ctx.principal.role === 'participant' && enrolment.participant_id !== ctx.principal.userId) throw new AppError('not_found', 'This record was not found.');
      const rows = await ctx.db.selectFrom('measure_responses').select(['id', 'instrument_code', 'total', 'band', 'submitted_at']).where('participant_id', '=', enrolment.participant_id).orderBy('submitted_at').execute();
      await ctx.audit({ action: 'measures.trajectory.read', resourceType: 'enrolment', resourceId: enrolmentId, groupId: enrolment.group_id });
      const codes = [...new Set(rows.map((r) => r.instrument_code))];
      const instruments = [];
      for (const code of codes) {
        const entry = await findInstrument(ctx.db, code);
        if (!entry) continue;
        const d = entry.definition;
        const points = rows.filter((r) => r.instrument_code === code).map((r) => ({ responseId: r.id, submittedAt: r.submitted_at, total: r.total, band: r.band }));
        const first = points[0];
        const last = points.at(-1);
        const change = first && last && points.length > 1 ? classifyChange(d, first.total, last.total) : null;
        instruments.push({
          code,
          title: d.shortTitle,
          higherIsBetter: d.higherIsBetter,
          range: d.scoring.range,
          bands: (d.bands ?? []).map((b) => ({ min: b.min, max: b.max, label: b.label })),
          caseness: d.caseness?.threshold ?? null,
          points,
          change: change ? { change: change.change, category: change.category, recovered: change.recovered, threshold: change.threshold } : null,
        });
      }
      return { instruments };
    },
  }),
  defineRoute({
    id: 'measures.fhir',
    method: 'GET',
    url: '/api/measures/responses/:responseId/fhir',
    summary: 'A submission as FHIR R4 QuestionnaireResponse and Observation',
    tags,
    access: { kind: 'authenticated', resource: 'measure', action: 'read', objects: { responseId: 'response' } },
    params: idParams('responseId'),
    async handler({ params }, ctx) {
      const row = await ctx.db.selectFrom('measure_responses').selectAll().where('id', '=', String(params.responseId)).executeTakeFirstOrThrow();
      const { definition } = await requireInstrument(ctx.db, row.instrument_code, row.instrument_version);
      const answers = JSON.parse(row.answers) as Record<string, number | null>;
      const scored = scoreResponse(definition, { version: row.instrument_version, answers });
      if (!scored.ok) throw new Error('stored response no longer scores');
      const subject = `Patient/${row.participant_id}`;
      await ctx.audit({ action: 'measures.fhir.read', resourceType: 'measure_response', resourceId: row.id, groupId: row.group_id });
      ctx.reply.type('application/fhir+json');
      return {
        questionnaireResponse: toQuestionnaireResponse(definition, answers, { id: row.id, subject, authored: row.submitted_at }),
        observation: toObservation(definition, scored, { id: `${row.id}-total`, subject, effectiveDateTime: row.submitted_at, questionnaireResponse: `QuestionnaireResponse/${row.id}` }),
      };
    },
  }),
];

const scheduleSchema = z.object({ id: z.uuid(), instrumentCode: z.string(), trigger: z.enum(['enrolment', 'every_n_sessions', 'completion', 'session_start']), everyN: z.number().int().nullable(), scope: z.enum(['group', 'programme']) });

export const measureScheduleRoutes = [
  defineRoute({
    id: 'measures.schedules.list',
    method: 'GET',
    url: '/api/groups/:groupId/measure-schedules',
    summary: 'When the group’s members are asked to complete which questionnaires',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    response: { 200: z.object({ schedules: z.array(scheduleSchema) }) },
    async handler({ params }, ctx) {
      const group = await ctx.db.selectFrom('therapy_groups').select(['id', 'programme_id']).where('id', '=', String(params.groupId)).executeTakeFirstOrThrow();
      const rows = await ctx.db
        .selectFrom('measure_schedules')
        .selectAll()
        .where((eb) => eb.or([eb('group_id', '=', group.id), eb.and([eb('group_id', 'is', null), eb('programme_id', '=', group.programme_id)])]))
        .orderBy('created_at')
        .execute();
      return { schedules: rows.map((r) => ({ id: r.id, instrumentCode: r.instrument_code, trigger: r.trigger, everyN: r.every_n, scope: r.group_id ? ('group' as const) : ('programme' as const) })) };
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
    body: z.strictObject({ instrumentCode: z.string().min(1).max(64), trigger: z.enum(['enrolment', 'every_n_sessions', 'completion', 'session_start']), everyN: z.number().int().min(1).max(52).optional() }),
    response: { 201: scheduleSchema },
    async handler({ params, body }, ctx) {
      await requireInstrument(ctx.db, body.instrumentCode);
      if (body.trigger === 'every_n_sessions' && !body.everyN) throw new AppError('validation_failed', 'Say after how many sessions.', [{ path: 'body.everyN', message: 'Required for every N sessions.' }]);
      const id = newId();
      await ctx.db
        .insertInto('measure_schedules')
        .values({ id, programme_id: null, group_id: String(params.groupId), instrument_code: body.instrumentCode, trigger: body.trigger, every_n: body.trigger === 'every_n_sessions' ? (body.everyN ?? null) : null, created_by: ctx.principal.userId, created_at: ctx.now.toISOString() })
        .execute();
      await ctx.audit({ action: 'measures.schedules.add', resourceType: 'measure_schedule', resourceId: id, groupId: String(params.groupId) });
      ctx.reply.code(201);
      return { id, instrumentCode: body.instrumentCode, trigger: body.trigger, everyN: body.trigger === 'every_n_sessions' ? (body.everyN ?? null) : null, scope: 'group' as const };
    },
  }),
];

const outcomeQuery = z.strictObject({
  instrumentCode: z.string().min(1).max(64).default('phq-9'),
  programmeId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  from: z.iso.date().optional().describe('First day included (UTC)'),
  to: z.iso.date().optional().describe('Last day included (UTC)'),
});

export const outcomeRoutes = [
  defineRoute({
    id: 'reports.outcomes',
    method: 'GET',
    url: '/api/reports/outcomes',
    summary: 'Outcomes per service, programme or group: change, reliable change, recovery, effect size, attendance',
    tags: ['reports'],
    access: { kind: 'authenticated', resource: 'report', action: 'read' },
    query: outcomeQuery,
    async handler({ query }, ctx) {
      const report = await outcomeReport(ctx.db, ctx.principal, query);
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
    access: { kind: 'authenticated', resource: 'report', action: 'export' },
    query: outcomeQuery,
    async handler({ query }, ctx) {
      const r = await outcomeReport(ctx.db, ctx.principal, query);
      await ctx.audit({ action: 'reports.outcomes.export', detail: { instrument: query.instrumentCode } });
      ctx.reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="outcomes-${r.instrument.code}.csv"`);
      return toCsv(
        ['instrument', 'started', 'completed', 'mean_first', 'mean_last', 'mean_change', 'reliably_improved', 'reliably_deteriorated', 'recovered', 'effect_size', 'attendance_correlation'],
        [[r.instrument.code, r.started, r.completed, r.meanFirst, r.meanLast, r.meanChange, r.reliablyImproved, r.reliablyDeteriorated, r.recovered, r.effectSize, r.attendance.correlationWithImprovement]],
      );
    },
  }),
];
