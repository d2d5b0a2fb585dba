import type { SpaceUnread } from '../../../shared/schemas/space.js';
import type { DbOrTx } from '../../db/database.js';
import { groupIdsAt } from '../../policy/membership.js';
import type { Principal } from '../../policy/policy.js';
import { findSpaceViewer } from './access.js';
import { unreadInSpace } from './overview.js';

/**
 * The caller's way into their groups' spaces: every group whose space they may enter (active
 * members; the group's facilitators), with how many posts they have not read there — for the
 * navigation and the home page. Counts exactly what the space's front page counts.
 */
export async function spaceUnreadSummary(db: DbOrTx, principal: Pick<Principal, 'userId' | 'role'>): Promise<SpaceUnread> {
  const groups = await db
    .selectFrom('therapy_groups')
    .select(['id', 'name'])
    .where('id', 'in', groupIdsAt(db, principal, 'enter_space'))
    .orderBy('name')
    .execute();
  const spaces = await Promise.all(
    groups.map(async (g) => {
      const viewer = await findSpaceViewer(db, principal, g.id);
      return viewer ? { groupId: g.id, groupName: g.name, unread: await unreadInSpace(db, viewer) } : null;
    }),
  );
  return { spaces: spaces.filter((s) => s !== null) };
}
