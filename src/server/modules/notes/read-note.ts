import type { UseCaseContext } from '../../http/use-case.js';
import { NOTE_TEMPLATES } from '../../../shared/notes/templates.js';
import { draftTemplateFor } from './note-template.js';
import { attendees, loadNote } from './repository.js';

/** A session's group note with the members present (per-member sections); audited, as break-glass for an administrator. */
export async function readNote(ctx: UseCaseContext, sessionId: string) {
  const [note, present, session] = await Promise.all([
    loadNote(ctx.db, sessionId),
    attendees(ctx.db, sessionId),
    ctx.db.selectFrom('group_sessions').select('group_id').where('id', '=', sessionId).executeTakeFirstOrThrow(),
  ]);
  await ctx.audit({
    action: ctx.principal.role === 'admin' ? 'notes.read.break_glass' : 'notes.read',
    resourceType: 'group_note',
    resourceId: note?.id ?? sessionId,
    groupId: session.group_id,
  });
  return {
    note,
    attendees: present.map((a) => ({ enrolmentId: a.enrolment_id, pseudonym: a.pseudonym, displayName: a.display_name })),
    draft: note ? null : await newDraft(ctx, sessionId),
  };
}

/** What a new note starts as: the template's sections, each holding its pre-fill. */
async function newDraft(ctx: UseCaseContext, sessionId: string) {
  const { template, prefill } = await draftTemplateFor(ctx.db, sessionId);
  const sections = NOTE_TEMPLATES[template.kind].sections.map((s) => ({ key: s.key, label: s.label, hint: s.hint, body: prefill[s.key] ?? '', prefill: prefill[s.key] ?? '' }));
  return { template, sections };
}
