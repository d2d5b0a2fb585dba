import type { DbOrTx } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';

/** How full a group is: members inside it, outstanding offers, and the places left. */
export async function groupCapacity(db: DbOrTx, groupId: string, now: Date) {
  const group = await db.selectFrom('therapy_groups').select(['capacity']).where('id', '=', groupId).executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('group_id', '=', groupId)
    .where(enrolmentAt('reach', 'status'))
    .executeTakeFirstOrThrow();
  const referrals = await db
    .selectFrom('referrals')
    .select(['status', 'offer_expires_at'])
    .where('group_id', '=', groupId)
    .where('status', 'in', ['waitlisted', 'offered'])
    .execute();
  const nowIso = now.toISOString();
  const offered = referrals.filter((r) => r.status === 'offered' && (r.offer_expires_at ?? '') > nowIso).length;
  const waiting = referrals.filter((r) => r.status === 'waitlisted').length;
  const memberCount = Number(members.n);
  return { capacity: group.capacity, members: memberCount, offered, waiting, openPlaces: Math.max(0, group.capacity - memberCount - offered) };
}
