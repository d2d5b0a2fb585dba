import type { SpaceUnread } from '../../../shared/schemas/space.js';
import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { spaceViewersOf, type SpaceViewer } from './access.js';
import { unreadInSpace } from './overview.js';

/**
 * The caller's way into their groups' spaces: every group whose space they may enter (active
 * members; the group's facilitators), with how many posts they have not read there — for the
 * navigation and the home page. Counts exactly what the space's front page counts. The viewers
 * come from one membership query (not one per group: this answers a poll every 20 s).
 */
export async function spaceUnreadSummary(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>): Promise<SpaceUnread> {
  const viewers = await spaceViewersOf(db, principal);
  if (!viewers.length) return { spaces: [] };
  const byGroup = new Map(viewers.map((v) => [v.groupId, v]));
  const groups = await db
    .selectFrom('therapy_groups')
    .select(['id', 'name'])
    .where('id', 'in', [...byGroup.keys()])
    .orderBy('name')
    .execute();
  const spaces = await Promise.all(groups.map(async (g) => ({ groupId: g.id, groupName: g.name, unread: await unreadInSpace(db, byGroup.get(g.id) as SpaceViewer) })));
  return { spaces };
}
