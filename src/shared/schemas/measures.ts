import { z } from 'zod';
import { connectionFiguresSchema } from './connection.js';

// Questionnaires (measures): the request and response shapes of the measures, schedules and
// outcome-report routes (server/modules/measures/routes.ts). The web infers its types from these.

/** Longest instrument code the service accepts (request bodies and queries). */
export const INSTRUMENT_CODE_MAX = 64;
const instrumentCode = z.string().min(1).max(INSTRUMENT_CODE_MAX);

/** GET /api/instruments/definition and /questionnaire: which instrument (latest version when none). */
export const instrumentQuerySchema = z.strictObject({ code: instrumentCode, version: z.coerce.number().int().min(1).optional() });

export const instrumentSummarySchema = z.object({
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  shortTitle: z.string(),
  kind: z.enum(['validated', 'programme']),
  source: z.enum(['builtin', 'imported']),
  items: z.number().int(),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;
export const instrumentListResponseSchema = z.object({ instruments: z.array(instrumentSummarySchema) });

/** POST /api/instruments: a Hearth definition or a FHIR Questionnaire (checked by the use case). */
export const instrumentImportBodySchema = z.strictObject({ definition: z.unknown().optional(), questionnaire: z.unknown().optional() });
/** What the import made, what Hearth recognised it as (`phq-9`…) and notes for the importer (no alert rules, unscored items…). */
export const instrumentImportResponseSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  publishedVersion: z.string().nullable(),
  recognisedAs: z.string().nullable(),
  notes: z.array(z.object({ code: z.enum(['known_instrument', 'no_alert_rules', 'calculated_item_recomputed', 'unscored_item']), message: z.string() })),
});

/** One questionnaire a participant has been asked to complete (GET /api/me/measures/due). */
export const dueMeasureSchema = z.object({
  requestId: z.uuid(),
  code: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  version: z.number().int(),
  dueAt: z.string(),
  reason: z.string(),
});
export type DueMeasure = z.infer<typeof dueMeasureSchema>;
export const dueMeasuresResponseSchema = z.object({ due: z.array(dueMeasureSchema) });

/** POST /api/measures/responses. */
export const measureSubmitBodySchema = z.strictObject({
  instrumentCode,
  version: z.number().int().min(1),
  answers: z.record(z.string().max(64), z.number().nullable()),
  idempotencyKey: z.string().min(8).max(100),
  requestId: z.uuid().optional(),
});
export type MeasureSubmitBody = z.input<typeof measureSubmitBodySchema>;

/** What a participant sees at a moment of risk (server: submit-response.ts). */
export const safetyScreenSchema = z.object({ tier: z.enum(['concern', 'urgent']), message: z.string(), crisisLine: z.string() });
export type SafetyScreen = z.infer<typeof safetyScreenSchema>;

export const measureSubmitResponseSchema = z.object({
  responseId: z.uuid(),
  total: z.number(),
  band: z.string().nullable(),
  caseness: z.boolean(),
  prorated: z.boolean(),
  replayed: z.boolean(),
  safety: safetyScreenSchema.nullable(),
});
export type MeasureSubmitResponse = z.infer<typeof measureSubmitResponseSchema>;

/** Reliable change between a participant's first and last answers (engine/change.ts). */
export const changeCategorySchema = z.enum(['reliable_improvement', 'reliable_deterioration', 'no_reliable_change']);
export type ChangeCategory = z.infer<typeof changeCategorySchema>;

/** One instrument in GET /api/enrolments/:enrolmentId/measures. */
export const trajectorySchema = z.object({
  code: z.string(),
  title: z.string(),
  higherIsBetter: z.boolean(),
  range: z.object({ min: z.number(), max: z.number() }),
  bands: z.array(z.object({ min: z.number(), max: z.number(), label: z.string() })),
  caseness: z.number().nullable(),
  points: z.array(z.object({ responseId: z.uuid(), submittedAt: z.string(), total: z.number(), band: z.string().nullable() })),
  change: z.object({ change: z.number(), category: changeCategorySchema, recovered: z.boolean(), threshold: z.number().nullable() }).nullable(),
});
export type Trajectory = z.infer<typeof trajectorySchema>;
export const trajectoryResponseSchema = z.object({ instruments: z.array(trajectorySchema) });

export const scheduleTriggerSchema = z.enum(['enrolment', 'every_n_sessions', 'completion', 'session_start']);
export const measureScheduleSchema = z.object({
  id: z.uuid(),
  instrumentCode: z.string(),
  trigger: scheduleTriggerSchema,
  everyN: z.number().int().nullable(),
  scope: z.enum(['group', 'programme']),
});
export type MeasureSchedule = z.infer<typeof measureScheduleSchema>;
export const scheduleListResponseSchema = z.object({ schedules: z.array(measureScheduleSchema) });
/** POST /api/groups/:groupId/measure-schedules. */
export const scheduleAddBodySchema = z.strictObject({ instrumentCode, trigger: scheduleTriggerSchema, everyN: z.number().int().min(1).max(52).optional() });

/**
 * GET /api/reports/outcomes: change, reliable change, recovery, effect size and attendance for one
 * instrument. Shares (reliablyImproved…) are fractions 0–1; meanChange is last − first.
 */
export const outcomeReportSchema = z.object({
  instrument: z.object({ code: z.string(), title: z.string(), higherIsBetter: z.boolean() }),
  started: z.number().int(),
  completed: z.number().int(),
  meanFirst: z.number().nullable(),
  meanLast: z.number().nullable(),
  meanChange: z.number().nullable(),
  reliablyImproved: z.number().nullable(),
  reliablyDeteriorated: z.number().nullable(),
  recovered: z.number().nullable(),
  reliablyRecovered: z.number().nullable(),
  casesAtStart: z.number().int(),
  effectSize: z.number().nullable(),
  attendance: z.object({
    correlationWithImprovement: z.number().nullable(),
    meanImprovementAttendedMost: z.number().nullable(),
    meanImprovementAttendedLess: z.number().nullable(),
    attendedMost: z.number().int(),
    attendedLess: z.number().int(),
  }),
  /** Connection outcomes (issue 14): loneliness change, and for one group its network at start vs end. */
  connection: z.object({
    /** The ONS loneliness question (1 never … 5 often/always; lower is better): change from first to last answer. */
    loneliness: z.object({ started: z.number().int(), completed: z.number().int(), meanChange: z.number().nullable(), shareImproved: z.number().nullable() }),
    network: z
      .object({
        /** The peer network in the group's first four weeks and in its last four. */
        start: connectionFiguresSchema,
        end: connectionFiguresSchema,
        /** The last day of the start window and the first of the end window (YYYY-MM-DD, UTC). */
        startUntil: z.string(),
        endFrom: z.string(),
        /** Pearson r across members: reciprocal ties at the end vs PHQ-9 improvement, and vs attendance (null under three members). */
        tiesVsPhq9Improvement: z.number().nullable(),
        tiesVsAttendance: z.number().nullable(),
        members: z.number().int(),
      })
      .nullable(),
  }),
});
export type OutcomeReport = z.infer<typeof outcomeReportSchema>;

/** GET /api/reports/outcomes(.csv). */
export const outcomeQuerySchema = z.strictObject({
  instrumentCode: instrumentCode.default('phq-9'),
  programmeId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  from: z.iso.date().optional().describe('First day included (UTC)'),
  to: z.iso.date().optional().describe('Last day included (UTC)'),
});
