import type { z } from 'zod';
import type { JournalEntry, journalBodySchema } from '../../../shared/schemas/journal.js';
import type { RouteContext } from '../../http/route.js';
import { newId } from '../../lib/ids.js';
import { loadEntry } from './repository.js';

type EntryInput = z.output<typeof journalBodySchema>;

// Journal text is clinical-grade sensitive: audit rows carry ids only, never the text.

/** Writes a private journal entry. */
export async function createEntry(ctx: RouteContext, input: EntryInput): Promise<JournalEntry> {
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db.insertInto('journal_entries').values({ id, participant_id: ctx.principal.userId, prompt: input.prompt, body: input.body, shared_with_clinician_at: null, created_at: now, updated_at: now }).execute();
  await ctx.audit({ action: 'journal.create', resourceType: 'journal_entry', resourceId: id, detail: { prompted: input.prompt !== null } });
  return loadEntry(ctx.db, id);
}

/** Rewrites an entry (its sharing stays as it was). */
export async function updateEntry(ctx: RouteContext, id: string, input: EntryInput): Promise<JournalEntry> {
  await ctx.db.updateTable('journal_entries').set({ prompt: input.prompt, body: input.body, updated_at: ctx.now.toISOString() }).where('id', '=', id).execute();
  await ctx.audit({ action: 'journal.update', resourceType: 'journal_entry', resourceId: id });
  return loadEntry(ctx.db, id);
}

/** Deletes an entry for good: a journal is the member's own. */
export async function deleteEntry(ctx: RouteContext, id: string): Promise<void> {
  await ctx.db.deleteFrom('journal_entries').where('id', '=', id).execute();
  await ctx.audit({ action: 'journal.delete', resourceType: 'journal_entry', resourceId: id });
}

/** Shares an entry with the member's clinicians, or takes it back (effective at once). */
export async function shareEntry(ctx: RouteContext, id: string, share: boolean): Promise<JournalEntry> {
  const row = await ctx.db.selectFrom('journal_entries').select('shared_with_clinician_at').where('id', '=', id).executeTakeFirstOrThrow();
  if (share !== (row.shared_with_clinician_at !== null)) {
    await ctx.db.updateTable('journal_entries').set({ shared_with_clinician_at: share ? ctx.now.toISOString() : null }).where('id', '=', id).execute();
    await ctx.audit({ action: share ? 'journal.share' : 'journal.unshare', resourceType: 'journal_entry', resourceId: id });
  }
  return loadEntry(ctx.db, id);
}
