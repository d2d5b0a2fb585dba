import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { hiddenAuthors, type SpaceViewer } from './access.js';
import { visibleThread } from './create-post.js';
import { forViewer } from './presenters.js';
import { threadPage } from './repository.js';

/** A page of the chat (`threadId` null) or a thread, newest first, without the posts of members the viewer muted or blocked. */
export async function listPosts(ctx: UseCaseContext, viewer: SpaceViewer, threadId: string | null, before: number | undefined, limit: number) {
  if (threadId && !(await visibleThread(ctx.db, viewer, threadId))) throw new AppError('not_found', 'This thread was not found.');
  const hidden = await hiddenAuthors(ctx.db, viewer);
  const rows = await threadPage(ctx.db, viewer.groupId, threadId, before, limit + 1);
  const page = rows.slice(0, limit);
  return { posts: page.map((row) => forViewer(row, viewer, hidden)).filter((post) => post !== null), hasMore: rows.length > limit };
}
