import type { DbOrTx } from '../../db/database.js';
import type { Note } from '../../../shared/schemas/notes.js';
import { groupSectionsOf } from './note-template.js';

/** The note of a session with its member entries, addenda and the names of who did what. */
export async function loadNote(db: DbOrTx, sessionId: string): Promise<Note | null> {
  const note = await db
    .selectFrom('group_notes as n')
    .innerJoin('users as up', 'up.id', 'n.updated_by')
    .leftJoin('users as sg', 'sg.id', 'n.signed_by')
    .leftJoin('users as cs', 'cs.id', 'n.cosigned_by')
    .selectAll('n')
    .select(['up.display_name as updated_by_name', 'sg.display_name as signed_by_name', 'cs.display_name as cosigned_by_name'])
    .where('n.session_id', '=', sessionId)
    .executeTakeFirst();
  if (!note) return null;
  const [members, addenda] = await Promise.all([
    db
      .selectFrom('note_member_entries as m')
      .innerJoin('enrolments as e', 'e.id', 'm.enrolment_id')
      .innerJoin('users as u', 'u.id', 'e.participant_id')
      .select(['m.enrolment_id', 'm.body', 'e.pseudonym', 'u.display_name'])
      .where('m.note_id', '=', note.id)
      .orderBy('e.pseudonym')
      .execute(),
    db
      .selectFrom('note_addenda as a')
      .innerJoin('users as u', 'u.id', 'a.author_id')
      .select(['a.id', 'a.body', 'a.created_at', 'u.display_name'])
      .where('a.note_id', '=', note.id)
      .orderBy('a.created_at')
      .execute(),
  ]);
  return {
    id: note.id,
    sessionId: note.session_id,
    status: note.status,
    version: note.version,
    themes: note.themes,
    interventions: note.interventions,
    groupProcess: note.group_process,
    template: { kind: note.template_kind, version: note.template_version },
    sections: groupSectionsOf(note),
    members: members.map((m) => ({ enrolmentId: m.enrolment_id, pseudonym: m.pseudonym, displayName: m.display_name, body: m.body })),
    updatedAt: note.updated_at,
    updatedBy: note.updated_by_name,
    signedBy: note.signed_by_name,
    signedAt: note.signed_at,
    cosignedBy: note.cosigned_by_name,
    cosignedAt: note.cosigned_at,
    addenda: addenda.map((a) => ({ id: a.id, body: a.body, author: a.display_name, createdAt: a.created_at })),
  };
}

/** Members who attended a session (present, late or left early): each gets a section. */
export function attendees(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .select(['e.id as enrolment_id', 'e.pseudonym', 'u.display_name'])
    .where('a.session_id', '=', sessionId)
    .where('a.status', 'in', ['present', 'late', 'left_early'])
    .orderBy('e.pseudonym')
    .execute();
}
