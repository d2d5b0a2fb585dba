import type { JournalEntry } from '../../../shared/schemas/journal.js';
import type { DbOrTx } from '../../db/database.js';
import type { JournalEntriesTable } from '../../db/schema.js';

export function presentEntry(row: JournalEntriesTable): JournalEntry {
  return { id: row.id, prompt: row.prompt, body: row.body, sharedWithClinicianAt: row.shared_with_clinician_at, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** A member's journal, newest first; `sharedOnly` for what they shared with their clinicians. */
export async function listEntries(db: DbOrTx, participantId: string, sharedOnly = false): Promise<JournalEntry[]> {
  let query = db.selectFrom('journal_entries').selectAll().where('participant_id', '=', participantId);
  if (sharedOnly) query = query.where('shared_with_clinician_at', 'is not', null);
  return (await query.orderBy('created_at', 'desc').limit(500).execute()).map(presentEntry);
}

export async function loadEntry(db: DbOrTx, id: string): Promise<JournalEntry> {
  return presentEntry(await db.selectFrom('journal_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
