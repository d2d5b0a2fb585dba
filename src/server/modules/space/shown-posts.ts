import type { SpacePost } from '../../../shared/schemas/space.js';
import type { DbOrTx } from '../../db/database.js';
import type { SpaceViewer } from './access.js';
import { forViewer } from './presenters.js';
import { loadStreamPosts } from './repository.js';

/** The posts the viewer may see, by id, read in one query. */
async function shownPosts(db: DbOrTx, viewer: SpaceViewer, postIds: readonly string[]): Promise<Map<string, SpacePost>> {
  const shown = new Map<string, SpacePost>();
  for (const [id, post] of await loadStreamPosts(db, postIds)) {
    const visible = forViewer(post, viewer, new Set());
    if (visible) shown.set(id, visible);
  }
  return shown;
}

/**
 * Rows that name a post (a report, a tag), each shaped with the post as the viewer sees it; a row
 * whose post the viewer may not see is left out.
 */
export async function withShownPosts<R extends { post_id: string }, T>(db: DbOrTx, viewer: SpaceViewer, rows: readonly R[], shape: (row: R, post: SpacePost) => T): Promise<T[]> {
  const posts = await shownPosts(
    db,
    viewer,
    rows.map((r) => r.post_id),
  );
  return rows.flatMap((row) => {
    const post = posts.get(row.post_id);
    return post ? [shape(row, post)] : [];
  });
}
