import type { SpacePost } from '../../../shared/schemas/space.js';
import type { DbOrTx } from '../../db/database.js';
import type { SpaceViewer } from './access.js';
import { forViewer } from './presenters.js';
import { loadStreamPosts } from './repository.js';

/** The posts the viewer may see, by id, read in one query. */
export async function shownPosts(db: DbOrTx, viewer: SpaceViewer, postIds: readonly string[]): Promise<Map<string, SpacePost>> {
  const shown = new Map<string, SpacePost>();
  for (const [id, post] of await loadStreamPosts(db, postIds)) {
    const visible = forViewer(post, viewer, new Set());
    if (visible) shown.set(id, visible);
  }
  return shown;
}
