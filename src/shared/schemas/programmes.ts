import { z } from 'zod';
import { NOTE_TEMPLATE_KINDS } from '../notes/templates.js';
import { idSchema, text, timestampSchema } from './common.js';

export const sessionPlanSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  topic: z.string(),
  skillFocus: z.string(),
  exercises: z.array(z.string()),
  reflectionPrompts: z.array(z.string()),
});

export const agreementSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  body: z.string(),
  createdAt: timestampSchema,
  /** Whether, when this version was made, risk in a member's private journal alerted their care team. */
  journalAlerts: z.boolean(),
  /** What the agreement says about safety between sessions, generated from the service's settings. */
  safetyStatement: z.array(z.string()),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const programmeSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  sessionCount: z.number().int(),
  agreementVersion: z.number().int().nullable(),
});

/** An earlier or current version of the group agreement, as the programme's history lists it. */
export const agreementVersionSchema = z.object({ version: z.number().int(), body: z.string(), createdAt: timestampSchema, createdBy: z.string().nullable() });

export const programmeDetailSchema = programmeSummarySchema.extend({
  curriculum: z.array(sessionPlanSchema),
  agreement: agreementSchema.nullable(),
  /** Every version of the group agreement, newest first. */
  agreementVersions: z.array(agreementVersionSchema),
  /** The structure new group notes take; free with version null until the programme chooses one. */
  noteTemplate: z.object({ kind: z.enum(NOTE_TEMPLATE_KINDS), version: z.number().int().nullable() }),
  /** Every version of the note template, newest first. */
  noteTemplateVersions: z.array(z.object({ version: z.number().int(), kind: z.enum(NOTE_TEMPLATE_KINDS), createdAt: timestampSchema, createdBy: z.string().nullable() })),
  /** Whether the caller may change this programme (admin, or lead clinician of a forming or active group of it). */
  canEdit: z.boolean(),
});
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

/** Most session plans a curriculum may have (a year of weekly sessions). */
export const MAX_CURRICULUM_SESSIONS = 52;

export const sessionPlanInputSchema = z.strictObject({
  topic: text(200),
  skillFocus: text(200),
  exercises: z.array(text(1000)).min(1, 'Add at least one exercise.').max(20, 'At most 20 exercises.'),
  reflectionPrompts: z.array(text(500)).max(20, 'At most 20 reflection prompts.'),
});
export type SessionPlanInput = z.infer<typeof sessionPlanInputSchema>;

const curriculumSessions = z
  .array(sessionPlanInputSchema)
  .min(1, 'A programme needs at least one session.')
  .max(MAX_CURRICULUM_SESSIONS, `A programme has at most ${MAX_CURRICULUM_SESSIONS} sessions.`);

export const curriculumBodySchema = z.strictObject({ sessions: curriculumSessions });
export const agreementBodySchema = z.strictObject({ body: text(20_000, 50) });
/** POST /api/programmes/:id/note-templates. The kind is checked by the use case, so an unknown one is a 422 `unknown_note_template`. */
export const noteTemplateBodySchema = z.strictObject({ kind: z.string().max(40) });
/** A new programme: its curriculum comes with it (never empty); the first agreement may too. */
export const programmeBodySchema = z.strictObject({
  name: text(200),
  description: text(5000),
  sessions: curriculumSessions,
  agreement: text(20_000, 50).optional(),
});
export const programmeUpdateBodySchema = z.strictObject({ name: text(200).optional(), description: text(5000).optional() });
/** GET /api/programmes. */
export const programmeListSchema = z.object({ programmes: z.array(programmeSummarySchema) });
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;
/** POST /api/programmes, as the web sends it. */
export type NewProgramme = z.input<typeof programmeBodySchema>;
