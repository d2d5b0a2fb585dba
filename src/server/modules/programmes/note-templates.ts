import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { isNoteTemplateKind, NOTE_TEMPLATE_KINDS, type NoteTemplateKind } from '../../../shared/notes/templates.js';

/** A programme's current note template: the newest version, or free (version null) when it never chose one. */
export async function currentNoteTemplate(db: DbOrTx, programmeId: string): Promise<{ kind: NoteTemplateKind; version: number | null }> {
  const row = await db
    .selectFrom('programme_note_templates')
    .select(['kind', 'version'])
    .where('programme_id', '=', programmeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { kind: row.kind, version: row.version } : { kind: 'free', version: null };
}

/** Every version of a programme's note template, newest first, with who chose it. */
export function noteTemplateVersions(db: DbOrTx, programmeId: string) {
  return db
    .selectFrom('programme_note_templates as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select(['t.version', 't.kind', 't.created_at', 'u.display_name as created_by_name'])
    .where('t.programme_id', '=', programmeId)
    .orderBy('t.version', 'desc')
    .execute();
}

/**
 * Chooses the structure of the programme's new group notes: adds the next template version (notes
 * already started keep theirs). An unknown kind is refused with `unknown_note_template` and nothing
 * is stored; choosing the kind already in force adds no version (the request is still audited).
 */
export async function chooseNoteTemplate(ctx: UseCaseContext, programmeId: string, kind: string): Promise<number | null> {
  if (!isNoteTemplateKind(kind)) {
    throw new AppError('unknown_note_template', `A note template is one of: ${NOTE_TEMPLATE_KINDS.join(', ')}.`, [{ path: 'body.kind', message: 'Choose free, DAP or SOAP.' }]);
  }
  const current = await currentNoteTemplate(ctx.db, programmeId);
  if (current.kind === kind && current.version !== null) {
    await ctx.audit({ action: 'programmes.note_template.set', resourceType: 'programme', resourceId: programmeId, detail: { version: current.version, kind, unchanged: true } });
    return current.version;
  }
  const version = (current.version ?? 0) + 1;
  await ctx.db
    .insertInto('programme_note_templates')
    .values({ id: newId(), programme_id: programmeId, version, kind, created_by: ctx.principal.userId, created_at: ctx.now.toISOString() })
    .execute();
  await ctx.audit({ action: 'programmes.note_template.set', resourceType: 'programme', resourceId: programmeId, detail: { version, kind } });
  return version;
}
