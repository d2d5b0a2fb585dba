import type { UseCaseContext } from '../../http/use-case.js';
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
  return { note, attendees: present.map((a) => ({ enrolmentId: a.enrolment_id, pseudonym: a.pseudonym, displayName: a.display_name })) };
}
