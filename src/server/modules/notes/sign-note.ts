import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { attendees, loadNote } from './repository.js';
import { snapshot } from './save-draft.js';
import { missingForSigning as missingParts } from '../../../shared/notes/signing.js';

async function requireNote(ctx: UseCaseContext, sessionId: string) {
  const note = await ctx.db
    .selectFrom('group_notes as n')
    .innerJoin('group_sessions as s', 's.id', 'n.session_id')
    .select(['n.id', 'n.status', 'n.version', 'n.signed_by', 'n.cosigned_by', 's.group_id'])
    .where('n.session_id', '=', sessionId)
    .executeTakeFirst();
  if (!note) throw new AppError('invalid_state', 'There is no note for this session yet.');
  return note;
}

/** What the note still needs before it can be signed (the shared rule, shared/notes/signing.ts); empty when complete. */
export async function missingForSigning(ctx: Pick<UseCaseContext, 'db'>, sessionId: string): Promise<{ path: string; message: string }[]> {
  const note = await loadNote(ctx.db, sessionId);
  if (!note) return [{ path: 'note', message: 'There is no note yet.' }];
  const members = Object.fromEntries(note.members.map((m) => [m.enrolmentId, m.body]));
  const present = (await attendees(ctx.db, sessionId)).map((p) => ({ enrolmentId: p.enrolment_id, pseudonym: p.pseudonym }));
  return missingParts({ groupSections: note.sections, members }, present, note.template.kind === 'free').map(({ path, message }) => ({ path, message }));
}

/** Signs the version the clinician read, when it is complete; the note is locked from then on. */
export async function signNote(ctx: UseCaseContext, sessionId: string, version: number) {
  const note = await requireNote(ctx, sessionId);
  if (note.status === 'signed') throw new AppError('note_signed', 'This note is already signed.');
  if (note.version !== version) {
    throw new AppError('stale_version', 'The note changed since you read it. Check the latest version, then sign.').withCurrent(await loadNote(ctx.db, sessionId));
  }
  const missing = await missingForSigning(ctx, sessionId);
  if (missing.length) {
    throw new AppError(
      'note_incomplete',
      'A note is signed complete: fill in the group section and a section for each member who attended (or mark “did not contribute”).',
      missing,
    );
  }
  const next = version + 1;
  await ctx.db
    .updateTable('group_notes')
    .set({
      status: 'signed',
      version: next,
      signed_by: ctx.principal.userId,
      signed_at: ctx.now.toISOString(),
      updated_by: ctx.principal.userId,
      updated_at: ctx.now.toISOString(),
    })
    .where('id', '=', note.id)
    .execute();
  await snapshot(ctx.db, note.id, next, 'signed', ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'notes.sign', resourceType: 'group_note', resourceId: note.id, groupId: note.group_id, detail: { version: next } });
  return loadNote(ctx.db, sessionId);
}

/** A second facilitator co-signs a signed note. */
export async function cosignNote(ctx: UseCaseContext, sessionId: string) {
  const note = await requireNote(ctx, sessionId);
  if (note.status !== 'signed') throw new AppError('invalid_state', 'Only a signed note can be co-signed.');
  if (note.signed_by === ctx.principal.userId) throw new AppError('invalid_state', 'The co-signature must come from another facilitator.');
  if (note.cosigned_by) throw new AppError('invalid_state', 'This note is already co-signed.');
  const next = note.version + 1;
  await ctx.db.updateTable('group_notes').set({ version: next, cosigned_by: ctx.principal.userId, cosigned_at: ctx.now.toISOString() }).where('id', '=', note.id).execute();
  await snapshot(ctx.db, note.id, next, 'cosigned', ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'notes.cosign', resourceType: 'group_note', resourceId: note.id, groupId: note.group_id });
  return loadNote(ctx.db, sessionId);
}

/** Later changes to a signed note are addenda: dated, attributed, never editing the original. */
export async function addAddendum(ctx: UseCaseContext, sessionId: string, body: string) {
  const note = await requireNote(ctx, sessionId);
  if (note.status !== 'signed') throw new AppError('invalid_state', 'The note is still a draft: edit it directly.');
  const id = newId();
  await ctx.db.insertInto('note_addenda').values({ id, note_id: note.id, body, author_id: ctx.principal.userId, created_at: ctx.now.toISOString() }).execute();
  await ctx.audit({ action: 'notes.addendum', resourceType: 'group_note', resourceId: note.id, groupId: note.group_id });
  return loadNote(ctx.db, sessionId);
}
