import type { Db, DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import type { StreamPost } from '../../realtime/events.js';
import { recordAudit } from '../audit/record.js';
import { moderate, moderationAuthor, statusOf, type Moderated } from '../moderation/moderate.js';
import { recordModeration } from '../moderation/record-moderation.js';
import { authorRoleOf, type SpaceViewer } from './access.js';
import { isBlocked } from './blocks.js';
import { publishPost } from './publish.js';
import { loadStreamPost } from './repository.js';
import { nextSeq } from './sequence.js';

/**
 * The use-case context of post and thread creation, with the root database handle instead of the
 * request's transaction: they open their own transaction (after moderation, so a racing
 * duplicate clientId can be read back once it fails) and publish in it, delivered at commit. The socket calls
 * them too, with no request behind it.
 */
export type SpaceDeps = Pick<UseCaseContext, 'actor' | 'now'> & { db: Db };

export interface NewPost {
  thread: 'chat' | string;
  text: string;
  clientId?: string | undefined;
  replyToId?: string | undefined;
}

/** The thread a post goes to, if the viewer may see it: a thread opened by a held post is its author's and the clinicians' only. */
export async function visibleThread(db: DbOrTx, viewer: SpaceViewer, threadId: string) {
  const thread = await db
    .selectFrom('space_threads as t')
    .leftJoin('space_posts as p', 'p.id', 't.opening_post_id')
    .select(['t.id', 't.group_id', 't.title', 'p.moderation_status', 'p.author_id'])
    .where('t.id', '=', threadId)
    .where('t.group_id', '=', viewer.groupId)
    .executeTakeFirst();
  if (!thread) return undefined;
  const open = thread.moderation_status === 'published' || thread.moderation_status === null;
  return open || viewer.role === 'staff' || thread.author_id === viewer.userId ? thread : undefined;
}

/** Refuses a reply across a block, in either direction. */
async function assertNotBlocked(db: DbOrTx, viewer: SpaceViewer, replyToId: string): Promise<void> {
  const target = await db.selectFrom('space_posts').select(['group_id', 'enrolment_id', 'moderation_status', 'author_id']).where('id', '=', replyToId).executeTakeFirst();
  const visible = target && target.group_id === viewer.groupId && (target.moderation_status === 'published' || target.author_id === viewer.userId || viewer.role === 'staff');
  if (!visible) throw new AppError('not_found', 'The message you are replying to was not found.');
  if (viewer.enrolmentId && target.enrolment_id) {
    if (await isBlocked(db, viewer.enrolmentId, target.enrolment_id)) throw new AppError('forbidden', 'You cannot reply to this member.');
  }
}

/** Moderates the texts the viewer wants others to read, through the one moderation call (throws 422 for contact details or blocked phrases). */
export function moderateFor<K extends string>(
  deps: Pick<SpaceDeps, 'db' | 'now'>,
  viewer: SpaceViewer,
  kind: 'post' | 'message',
  fields: Record<K, string>,
): Promise<Moderated<K>> {
  return moderate(
    deps.db,
    { groupId: viewer.groupId, author: moderationAuthor({ userId: viewer.userId, role: authorRoleOf(viewer) }, viewer.enrolmentId), kind, fields },
    deps.now,
  );
}

/**
 * Stores a moderated post inside the caller's transaction: a stream position, the row, the
 * moderation record and the audit row. Returns the post as it will be published.
 */
export async function storePost(tx: DbOrTx, deps: Pick<SpaceDeps, 'actor' | 'now'>, viewer: SpaceViewer, input: NewPost, decision: Moderated<'text'>): Promise<StreamPost> {
  const threadId = input.thread === 'chat' ? null : input.thread;
  const kind = threadId ? 'post' : 'message';
  const id = newId();
  const seq = await nextSeq(tx, viewer.groupId);
  const status = statusOf(decision);
  const authorRole = authorRoleOf(viewer);
  const createdAt = deps.now.toISOString();
  await tx
    .insertInto('space_posts')
    .values({
      id,
      group_id: viewer.groupId,
      thread_id: threadId,
      kind,
      seq,
      version_seq: seq,
      author_id: viewer.userId,
      enrolment_id: viewer.enrolmentId,
      author_role: authorRole,
      client_id: input.clientId ?? null,
      body: decision.texts.text,
      reply_to_id: input.replyToId ?? null,
      moderation_status: status,
      moderation_reasons: decision.reasons.length > 0 ? JSON.stringify(decision.reasons) : null,
      status_reason: null,
      created_at: createdAt,
      edited_at: null,
      removed_at: null,
      removed_by: null,
    })
    .execute();
  await recordModeration(tx, decision, id, deps.now);
  await recordAudit(
    tx,
    deps.actor,
    { action: `space.${kind}.create`, resourceType: `space_${kind}`, resourceId: id, groupId: viewer.groupId, detail: { outcome: decision.outcome } },
    deps.now,
  );
  // Built from what was stored rather than read back: one insert and one publish per message.
  return {
    id,
    groupId: viewer.groupId,
    threadId,
    seq,
    versionSeq: seq,
    authorId: viewer.userId,
    enrolmentId: viewer.enrolmentId,
    authorLabel: viewer.label,
    authorRole,
    body: decision.texts.text,
    replyToId: input.replyToId ?? null,
    status,
    statusReasons: decision.reasons,
    statusReason: null,
    clientId: input.clientId ?? null,
    createdAt,
    editedAt: null,
  };
}

/**
 * Posts to a thread or the chat: moderated first (contact details or blocked phrases refuse it,
 * nothing stored), then stored with its outcome and a stream position, moderation recorded and
 * audited in the same transaction, and published to every instance once committed. A repeated
 * clientId returns the stored post instead of a second copy (a client retrying after a lost ack).
 */
export async function createPost(deps: SpaceDeps, viewer: SpaceViewer, input: NewPost): Promise<{ post: StreamPost; created: boolean }> {
  const { db } = deps;
  if (input.clientId) {
    const existing = await findByClientId(db, viewer.userId, input.clientId);
    if (existing) return { post: existing, created: false };
  }
  const threadId = input.thread === 'chat' ? null : input.thread;
  if (threadId && !(await visibleThread(db, viewer, threadId))) throw new AppError('not_found', 'This thread was not found.');
  if (input.replyToId) await assertNotBlocked(db, viewer, input.replyToId);
  const decision = await moderateFor(deps, viewer, threadId ? 'post' : 'message', { text: input.text });
  let post: StreamPost;
  try {
    post = await db.transaction().execute(async (tx) => {
      const stored = await storePost(tx, deps, viewer, input, decision);
      await publishPost(tx, stored);
      return stored;
    });
  } catch (error) {
    // Two sends of one clientId racing: the loser returns the winner's post.
    if (input.clientId && !(error instanceof AppError)) {
      const existing = await findByClientId(db, viewer.userId, input.clientId);
      if (existing) return { post: existing, created: false };
    }
    throw error;
  }
  return { post, created: true };
}

async function findByClientId(db: DbOrTx, userId: string, clientId: string) {
  const row = await db.selectFrom('space_posts').select('id').where('author_id', '=', userId).where('client_id', '=', clientId).executeTakeFirst();
  return row ? loadStreamPost(db, row.id) : undefined;
}
