import type { WatchedPhraseView } from '../../../shared/schemas/moderation.js';
import type { DbOrTx } from '../../db/database.js';
import type { WatchedPhraseAction } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { normalizePhrase } from './watched-phrases.js';

/** The service's watched phrases, alphabetical. */
export async function listWatchedPhrases(db: DbOrTx): Promise<WatchedPhraseView[]> {
  const rows = await db
    .selectFrom('watched_phrases as w')
    .leftJoin('users as u', 'u.id', 'w.created_by')
    .select(['w.id', 'w.phrase', 'w.action', 'w.note', 'w.created_at', 'w.updated_at', 'u.display_name'])
    .orderBy('w.normalized')
    .execute();
  return rows.map((r) => ({ id: r.id, phrase: r.phrase, action: r.action, note: r.note, createdBy: r.display_name, createdAt: r.created_at, updatedAt: r.updated_at }));
}

async function one(db: DbOrTx, id: string): Promise<WatchedPhraseView> {
  const found = (await listWatchedPhrases(db)).find((p) => p.id === id);
  if (!found) throw new AppError('not_found', 'This phrase was not found.');
  return found;
}

/** Adds a phrase; a phrase that normalises to one already watched answers 409. */
export async function createWatchedPhrase(ctx: UseCaseContext, input: { phrase: string; action: WatchedPhraseAction; note?: string | undefined }): Promise<WatchedPhraseView> {
  const normalized = normalizePhrase(input.phrase);
  if (normalized.length < 2) throw new AppError('validation_failed', 'Use at least 2 visible characters.', [{ path: 'body.phrase', message: 'Too short.' }]);
  const clash = await ctx.db.selectFrom('watched_phrases').select('id').where('normalized', '=', normalized).executeTakeFirst();
  if (clash) throw new AppError('conflict', 'This phrase is already watched: change its action instead.');
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('watched_phrases')
    .values({
      id,
      phrase: input.phrase.normalize('NFKC').trim(),
      normalized,
      action: input.action,
      note: input.note?.trim() || null,
      created_by: ctx.principal.userId,
      created_at: now,
      updated_by: ctx.principal.userId,
      updated_at: now,
    })
    .execute();
  await ctx.audit({ action: 'moderation.phrases.create', resourceType: 'watched_phrase', resourceId: id, detail: { action: input.action } });
  return one(ctx.db, id);
}

export async function updateWatchedPhrase(
  ctx: UseCaseContext,
  id: string,
  input: { action?: WatchedPhraseAction | undefined; note?: string | undefined },
): Promise<WatchedPhraseView> {
  await ctx.db
    .updateTable('watched_phrases')
    .set({
      ...(input.action ? { action: input.action } : {}),
      ...(input.note !== undefined ? { note: input.note.trim() || null } : {}),
      updated_by: ctx.principal.userId,
      updated_at: ctx.now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await ctx.audit({ action: 'moderation.phrases.update', resourceType: 'watched_phrase', resourceId: id, detail: { action: input.action ?? null } });
  return one(ctx.db, id);
}

export async function deleteWatchedPhrase(ctx: UseCaseContext, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('watched_phrases').select(['phrase', 'action']).where('id', '=', id).executeTakeFirstOrThrow();
  await ctx.db.deleteFrom('watched_phrases').where('id', '=', id).execute();
  await ctx.audit({ action: 'moderation.phrases.delete', resourceType: 'watched_phrase', resourceId: id, detail: { action: row.action } });
}
