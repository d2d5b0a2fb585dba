import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/record.js';
import type { SpaceViewer } from './access.js';
import { moderateFor, storePost, type SpaceDeps } from './create-post.js';
import { publishPost } from './publish.js';

/**
 * Opens a thread with its first post, in one transaction. The title and the first message are
 * moderated together as one post (contact details or blocked phrases in either refuse the whole
 * thread, nothing stored; a hold or risk in either holds the opening post); the thread is visible
 * to others once its first post is published.
 */
export async function createThread(deps: SpaceDeps, viewer: SpaceViewer, input: { title: string; text: string; clientId?: string | undefined }) {
  const decision = await moderateFor(deps, viewer, 'post', { title: input.title, text: input.text });
  const threadId = newId();
  const post = await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('space_threads')
      .values({
        id: threadId,
        group_id: viewer.groupId,
        title: decision.texts.title,
        created_by: viewer.userId,
        created_by_enrolment: viewer.enrolmentId,
        opening_post_id: null,
        pinned: 0,
        created_at: deps.now.toISOString(),
      })
      .execute();
    await recordAudit(tx, deps.actor, { action: 'space.thread.create', resourceType: 'space_thread', resourceId: threadId, groupId: viewer.groupId }, deps.now);
    // A held opening post (for its title or its text) leaves the thread its author's and the clinicians' only.
    const stored = await storePost(tx, deps, viewer, { thread: threadId, text: input.text, clientId: input.clientId }, decision);
    await tx.updateTable('space_threads').set({ opening_post_id: stored.id }).where('id', '=', threadId).execute();
    await publishPost(tx, stored);
    return stored;
  });
  return { threadId, post };
}
