import type { z } from 'zod';
import type { noteDraftBodySchema } from '../../../shared/schemas/notes.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { NOTE_TEMPLATES, type NoteTemplateKind } from '../../../shared/notes/templates.js';
import { draftTemplateFor, groupTextOf } from './note-template.js';
import { attendees, loadNote } from './repository.js';

type DraftInput = z.infer<typeof noteDraftBodySchema>;

/** Keeps every version: a full snapshot per save, sign and co-sign. */
export async function snapshot(db: DbOrTx, noteId: string, version: number, kind: 'draft' | 'signed' | 'cosigned', userId: string, now: Date) {
  const note = await db.selectFrom('group_notes').selectAll().where('id', '=', noteId).executeTakeFirstOrThrow();
  const members = await db.selectFrom('note_member_entries').select(['enrolment_id', 'body']).where('note_id', '=', noteId).orderBy('enrolment_id').execute();
  const content = {
    themes: note.themes,
    interventions: note.interventions,
    groupProcess: note.group_process,
    ...(note.template_kind === 'free' ? {} : { sections: groupTextOf(note) }),
    members: members.map((m) => ({ enrolmentId: m.enrolment_id, body: m.body })),
  };
  await db
    .insertInto('note_versions')
    .values({ id: newId(), note_id: noteId, version, kind, content: JSON.stringify(content), saved_by: userId, saved_at: now.toISOString() })
    .execute();
}

async function stale(ctx: UseCaseContext, sessionId: string): Promise<never> {
  const current = await loadNote(ctx.db, sessionId);
  throw new AppError('stale_version', 'Someone saved this note while you were editing. Your text is kept: compare it with theirs, then save again.').withCurrent(current);
}

const FREE_FIELDS = ['themes', 'interventions', 'groupProcess'] as const;

/**
 * The group part a save carries, keyed by the note template's sections. A free note takes the three
 * named fields (or `sections` with the same keys); a DAP or SOAP note takes `sections` only. A key
 * the template does not have is refused with `unknown_note_section` before anything is written.
 */
function groupPartOf(kind: NoteTemplateKind, input: DraftInput): Record<string, string> {
  const keys: string[] = NOTE_TEMPLATES[kind].sections.map((s) => s.key);
  const given: Record<string, string> = {};
  for (const field of FREE_FIELDS) {
    if (kind === 'free') given[field] = input[field];
    else if (input[field].trim()) throw unknownSection(kind, `body.${field}`);
  }
  for (const [key, body] of Object.entries(input.sections ?? {})) {
    if (!keys.includes(key)) throw unknownSection(kind, `body.sections.${key}`);
    given[key] = body;
  }
  return Object.fromEntries(keys.map((k) => [k, given[k] ?? '']));
}

function unknownSection(kind: NoteTemplateKind, path: string): AppError {
  const template = NOTE_TEMPLATES[kind];
  return new AppError('unknown_note_section', `This note follows the ${template.name} template: its sections are ${template.sections.map((s) => s.label).join(', ')}.`, [
    { path, message: 'Not a section of this note.' },
  ]);
}

/** The group-part columns of a note row: a free note's own columns, or a DAP/SOAP note's sections as JSON. */
function groupColumns(kind: NoteTemplateKind, group: Record<string, string>) {
  if (kind === 'free') return { themes: group.themes ?? '', interventions: group.interventions ?? '', group_process: group.groupProcess ?? '', sections: null };
  return { themes: '', interventions: '', group_process: '', sections: JSON.stringify(group) };
}

/**
 * Saves a draft of the group note and its per-member sections (attendees only). Optimistic
 * concurrency: the save names the version it started from and is refused with 409 and the
 * current note when someone saved in between. A signed note cannot be edited.
 */
export async function saveDraft(ctx: UseCaseContext, sessionId: string, input: DraftInput) {
  const session = await ctx.db.selectFrom('group_sessions').select(['group_id', 'status']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  if (session.status === 'cancelled') throw new AppError('session_cancelled', 'This session was cancelled.');
  if (session.status !== 'held') throw new AppError('invalid_state', 'Take attendance first: the note has a section for each member who attended.');
  const present = new Set((await attendees(ctx.db, sessionId)).map((a) => a.enrolment_id));
  for (const [index, member] of input.members.entries()) {
    if (!present.has(member.enrolmentId)) {
      throw new AppError('not_a_member', 'Member sections are only for members who attended.', [{ path: `body.members.${index}.enrolmentId`, message: 'Did not attend.' }]);
    }
  }
  const now = ctx.now.toISOString();
  const existing = await ctx.db.selectFrom('group_notes').select(['id', 'status', 'version', 'template_kind']).where('session_id', '=', sessionId).executeTakeFirst();
  let noteId: string;
  let version: number;
  if (!existing) {
    if (input.baseVersion !== 0) return stale(ctx, sessionId);
    // A new note takes its programme's current template, and keeps it (and its pre-fill) from then on.
    const { template, prefill } = await draftTemplateFor(ctx.db, sessionId);
    const group = groupPartOf(template.kind, input);
    noteId = newId();
    version = 1;
    await ctx.db
      .insertInto('group_notes')
      .values({
        id: noteId,
        session_id: sessionId,
        status: 'draft',
        version,
        ...groupColumns(template.kind, group),
        template_kind: template.kind,
        template_version: template.version,
        prefill: JSON.stringify(prefill),
        created_by: ctx.principal.userId,
        updated_by: ctx.principal.userId,
        updated_at: now,
      })
      .execute();
  } else {
    if (existing.status === 'signed') throw new AppError('note_signed', 'This note is signed and locked. Add an addendum instead.');
    if (existing.version !== input.baseVersion) return stale(ctx, sessionId);
    const group = groupPartOf(existing.template_kind, input);
    noteId = existing.id;
    version = existing.version + 1;
    const updated = await ctx.db
      .updateTable('group_notes')
      .set({ ...groupColumns(existing.template_kind, group), version, updated_by: ctx.principal.userId, updated_at: now })
      .where('id', '=', noteId)
      .where('version', '=', input.baseVersion)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return stale(ctx, sessionId);
    await ctx.db.deleteFrom('note_member_entries').where('note_id', '=', noteId).execute();
  }
  const entries = input.members.filter((m) => m.body.trim() !== '');
  if (entries.length > 0) {
    await ctx.db
      .insertInto('note_member_entries')
      .values(entries.map((m) => ({ note_id: noteId, enrolment_id: m.enrolmentId, body: m.body })))
      .execute();
  }
  await snapshot(ctx.db, noteId, version, 'draft', ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'notes.save_draft', resourceType: 'group_note', resourceId: noteId, groupId: session.group_id, detail: { version } });
  return loadNote(ctx.db, sessionId);
}
