import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

const noteText = (max: number) => z.string().max(max, `At most ${max} characters.`);

export const noteMemberEntrySchema = z.object({
  enrolmentId: idSchema,
  pseudonym: z.string(),
  displayName: z.string(),
  body: z.string(),
});

export const noteSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  status: z.enum(['draft', 'signed']),
  version: z.number().int(),
  themes: z.string(),
  interventions: z.string(),
  groupProcess: z.string(),
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
});

export const noteDraftBodySchema = z.strictObject({
  /** The version the editor started from; 0 for a new note. A stale version is refused with 409. */
  baseVersion: z.number().int().min(0),
  themes: noteText(20_000),
  interventions: noteText(20_000),
  groupProcess: noteText(20_000),
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
    members: z.array(z.object({ enrolmentId: idSchema, body: z.string() })),
  }),
});

/** GET /api/group-sessions/:sessionId/note/versions. */
export const noteVersionListSchema = z.object({ versions: z.array(noteVersionSchema) });
export type NoteVersionList = z.infer<typeof noteVersionListSchema>;

export const breakGlassBodySchema = z.strictObject({ groupId: idSchema, reason: text(2000, 20) });
/** POST /api/break-glass: the grant and when it ends (one hour). */
export const breakGlassGrantSchema = z.object({ id: z.uuid(), expiresAt: z.string() });
