import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { enrolmentAt, facilitatorsWithNames } from '../../policy/membership.js';
import { groupScope } from '../../policy/scopes.js';

/** Groups the principal may read, with the caller's own role in each. */
export function listGroupsInScope(db: DbOrTx, principal: Principal, now: Date) {
  return db
    .selectFrom('therapy_groups as g')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .leftJoin('group_facilitators as f', (join) => join.onRef('f.group_id', '=', 'g.id').on('f.user_id', '=', principal.userId))
    .select((eb) => [
      'g.id',
      'g.name',
      'g.status',
      'g.timezone',
      'p.name as programme_name',
      'f.facilitator_role',
      eb
        .selectFrom('group_sessions as s')
        .select('s.starts_at')
        .whereRef('s.group_id', '=', 'g.id')
        .where('s.status', '=', 'scheduled')
        .where('s.ends_at', '>', now.toISOString())
        .orderBy('s.starts_at')
        .limit(1)
        .as('next_session_at'),
      eb
        .selectFrom('enrolments as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.group_id', '=', 'g.id')
        .where(enrolmentAt('attend', 'e.status'))
        .as('member_count'),
    ])
    .where(groupScope(db, principal, sql.ref('g.id')))
    .orderBy('g.name')
    .execute();
}

export function findGroup(db: DbOrTx, groupId: string) {
  return db
    .selectFrom('therapy_groups as g')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .selectAll('g')
    .select('p.name as programme_name')
    .where('g.id', '=', groupId)
    .executeTakeFirst();
}

export function listFacilitators(db: DbOrTx, groupId: string) {
  return facilitatorsWithNames(db, groupId);
}

/** Enrolments of a group; `onlyCurrent` keeps members still inside the group. */
export function listMembers(db: DbOrTx, groupId: string, onlyCurrent: boolean) {
  let query = db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.participant_id')
    .select(['e.id', 'e.pseudonym', 'e.status', 'e.joined_at', 'u.id as user_id', 'u.display_name', 'u.email'])
    .where('e.group_id', '=', groupId)
    .orderBy('e.pseudonym');
  if (onlyCurrent) query = query.where(enrolmentAt('reach', 'e.status'));
  return query.execute();
}
