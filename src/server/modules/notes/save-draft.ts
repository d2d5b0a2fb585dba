import type { z } from 'zod';
import type { noteDraftBodySchema } from '../../../shared/schemas/notes.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
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
  const existing = await ctx.db.selectFrom('group_notes').select(['id', 'status', 'version']).where('session_id', '=', sessionId).executeTakeFirst();
  let noteId: string;
  let version: number;
  if (!existing) {
    if (input.baseVersion !== 0) return stale(ctx, sessionId);
    noteId = newId();
    version = 1;
    await ctx.db
      .insertInto('group_notes')
      .values({
        id: noteId,
        session_id: sessionId,
        status: 'draft',
        version,
        themes: input.themes,
        interventions: input.interventions,
        group_process: input.groupProcess,
        created_by: ctx.principal.userId,
        updated_by: ctx.principal.userId,
        updated_at: now,
      })
      .execute();
  } else {
    if (existing.status === 'signed') throw new AppError('note_signed', 'This note is signed and locked. Add an addendum instead.');
    if (existing.version !== input.baseVersion) return stale(ctx, sessionId);
    noteId = existing.id;
    version = existing.version + 1;
    const updated = await ctx.db
      .updateTable('group_notes')
      .set({ themes: input.themes, interventions: input.interventions, group_process: input.groupProcess, version, updated_by: ctx.principal.userId, updated_at: now })
      .where('id', '=', noteId)
      .where('version', '=', input.baseVersion)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return stale(ctx, sessionId);
    await ctx.db.deleteFrom('note_member_entries').where('note_id', '=', noteId).execute();
  }
  const entries = input.members.filter((m) => m.body.trim() !== '');
  if (entries.length > 0) {
    await ctx.db.insertInto('note_member_entries').values(entries.map((m) => ({ note_id: noteId, enrolment_id: m.enrolmentId, body: m.body }))).execute();
  }
  await snapshot(ctx.db, noteId, version, 'draft', ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'notes.save_draft', resourceType: 'group_note', resourceId: noteId, groupId: session.group_id, detail: { version } });
  return loadNote(ctx.db, sessionId);
}
