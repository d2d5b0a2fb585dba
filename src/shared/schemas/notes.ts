import { z } from 'zod';
import { NOTE_TEMPLATE_KINDS } from '../notes/templates.js';
import { idSchema, text, timestampSchema } from './common.js';

const noteText = (max: number) => z.string().max(max, `At most ${max} characters.`);

export const noteMemberEntrySchema = z.object({
  enrolmentId: idSchema,
  pseudonym: z.string(),
  displayName: z.string(),
  body: z.string(),
});

export const noteTemplateKindSchema = z.enum(NOTE_TEMPLATE_KINDS);

/** A section of the group part, as the note's template lays it out. */
export const noteGroupSectionSchema = z.object({
  key: z.string(),
  label: z.string(),
  hint: z.string(),
  body: z.string(),
  /** What the draft was pre-filled with (the session's topic and skill focus); untouched, it is not content. */
  prefill: z.string(),
});

/** The structure a note takes: its programme's template kind and version when it was started (null before templates). */
export const noteTemplateRefSchema = z.object({ kind: noteTemplateKindSchema, version: z.number().int().nullable() });

export const noteSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  status: z.enum(['draft', 'signed']),
  version: z.number().int(),
  themes: z.string(),
  interventions: z.string(),
  groupProcess: z.string(),
  template: noteTemplateRefSchema,
  /** The group part in the template's order (for a free note: themes, interventions, group process, as above). */
  sections: z.array(noteGroupSectionSchema),
  members: z.array(noteMemberEntrySchema),
  updatedAt: timestampSchema,
  updatedBy: z.string(),
  signedBy: z.string().nullable(),
  signedAt: timestampSchema.nullable(),
  cosignedBy: z.string().nullable(),
  cosignedAt: timestampSchema.nullable(),
  addenda: z.array(z.object({ id: idSchema, body: z.string(), author: z.string(), createdAt: timestampSchema })),
});
export type Note = z.infer<typeof noteSchema>;

export const noteEnvelopeSchema = z.object({
  note: noteSchema.nullable(),
  /** Attendees without a member section yet: the editor offers one for each. */
  attendees: z.array(z.object({ enrolmentId: idSchema, pseudonym: z.string(), displayName: z.string() })),
  /**
   * Without a note: the structure a new draft takes from the programme's current template, pre-filled
   * with the session's topic and skill focus (bodies equal the pre-fill). With one: null.
   */
  draft: z.object({ template: noteTemplateRefSchema, sections: z.array(noteGroupSectionSchema) }).nullable(),
});

export const noteDraftBodySchema = z.strictObject({
  /** The version the editor started from; 0 for a new note. A stale version is refused with 409. */
  baseVersion: z.number().int().min(0),
  /** A free note's group part (or send `sections` keyed themes / interventions / groupProcess). */
  themes: noteText(20_000).default(''),
  interventions: noteText(20_000).default(''),
  groupProcess: noteText(20_000).default(''),
  /** The group part by the template's section keys (a DAP or SOAP note's only way in). */
  sections: z.record(z.string().max(40), noteText(20_000)).optional(),
  members: z.array(z.strictObject({ enrolmentId: idSchema, body: noteText(10_000) })).max(60),
});

export const noteSignBodySchema = z.strictObject({ version: z.number().int().min(1) });
export const addendumBodySchema = z.strictObject({ body: text(20_000) });

export const noteVersionSchema = z.object({
  version: z.number().int(),
  kind: z.enum(['draft', 'signed', 'cosigned']),
  savedBy: z.string(),
  savedAt: timestampSchema,
  content: z.object({
    themes: z.string(),
    interventions: z.string(),
    groupProcess: z.string(),
    /** A DAP or SOAP note's group part by section key (absent for free notes and versions saved before templates). */
    sections: z.record(z.string(), z.string()).optional(),
    members: z.array(z.object({ enrolmentId: idSchema, body: z.string() })),
  }),
});

/** GET /api/group-sessions/:sessionId/note/versions. */
export const noteVersionListSchema = z.object({ versions: z.array(noteVersionSchema) });
export type NoteVersionList = z.infer<typeof noteVersionListSchema>;

export const breakGlassBodySchema = z.strictObject({ groupId: idSchema, reason: text(2000, 20) });
/** POST /api/break-glass: the grant and when it ends (one hour). */
export const breakGlassGrantSchema = z.object({ id: z.uuid(), expiresAt: z.string() });
