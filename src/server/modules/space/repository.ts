import type { DbOrTx } from '../../db/database.js';
import { toStreamPost } from './presenters.js';
import type { StreamPost } from '../../realtime/events.js';

/** The columns every post query reads, with the author's pseudonym and name. */
function postQuery(db: DbOrTx) {
  return db
    .selectFrom('space_posts as p')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .leftJoin('enrolments as e', 'e.id', 'p.enrolment_id')
    .select([
      'p.id',
      'p.group_id',
      'p.thread_id',
      'p.seq',
      'p.version_seq',
      'p.author_id',
      'p.enrolment_id',
      'p.author_role',
      'p.client_id',
      'p.body',
      'p.reply_to_id',
      'p.moderation_status',
      'p.moderation_reasons',
      'p.status_reason',
      'p.created_at',
      'p.edited_at',
      'e.pseudonym',
      'u.display_name',
    ]);
}

/** One post by id. */
export async function loadStreamPost(db: DbOrTx, postId: string) {
  const row = await postQuery(db).where('p.id', '=', postId).executeTakeFirst();
  return row ? toStreamPost(row) : undefined;
}

/** Several posts by id, in one query (listings that point at posts: reports, tags). */
export async function loadStreamPosts(db: DbOrTx, postIds: readonly string[]): Promise<Map<string, StreamPost>> {
  if (postIds.length === 0) return new Map();
  const rows = await postQuery(db)
    .where('p.id', 'in', [...new Set(postIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, toStreamPost(row)]));
}

/** Every change in a group's stream after `afterSeq`, in stream order (resume). */
export async function streamAfter(db: DbOrTx, groupId: string, afterSeq: number, limit: number) {
  const rows = await postQuery(db).where('p.group_id', '=', groupId).where('p.version_seq', '>', afterSeq).orderBy('p.version_seq').limit(limit).execute();
  return rows.map(toStreamPost);
}

/** A page of one thread (or the chat), newest first, before a sequence number. */
export async function threadPage(db: DbOrTx, groupId: string, threadId: string | null, before: number | undefined, limit: number) {
  let query = postQuery(db).where('p.group_id', '=', groupId);
  query = threadId ? query.where('p.thread_id', '=', threadId) : query.where('p.thread_id', 'is', null);
  if (before !== undefined) query = query.where('p.seq', '<', before);
  const rows = await query.orderBy('p.seq', 'desc').limit(limit).execute();
  return rows.map(toStreamPost);
}

/** The group's latest stream position. */
export async function lastSeqOf(db: DbOrTx, groupId: string): Promise<number> {
  const row = await db.selectFrom('space_counters').select('last_seq').where('group_id', '=', groupId).executeTakeFirst();
  return row?.last_seq ?? 0;
}
