import type { DbOrTx } from '../db/database.js';
import { isUuid } from '../lib/ids.js';
import type { Principal, Resource } from './policy.js';
import { ruleFor } from './policy.js';
import { isGroupInScope } from './scopes.js';

/** Kinds of object a route parameter can name. Every kind says how to tell if it is in reach. */
export type ObjectKind = 'group' | 'user' | 'authSession';

interface ObjectKindRule {
  resource: Resource;
  /** True only when the object exists and the principal may reach it. */
  inScope(db: DbOrTx, principal: Principal, id: string): Promise<boolean>;
}

export const objectKinds: Record<ObjectKind, ObjectKindRule> = {
  group: {
    resource: 'group',
    inScope: (db, principal, id) => isGroupInScope(db, principal, id),
  },
  user: {
    resource: 'user',
    async inScope(db, principal, id) {
      if (ruleFor(principal.role, 'user', 'read')?.scope !== 'service') return false;
      return !!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
    },
  },
  authSession: {
    resource: 'account',
    async inScope(db, principal, id) {
      const row = await db
        .selectFrom('auth_sessions')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', principal.userId)
        .executeTakeFirst();
      return !!row;
    },
  },
};

/** Checks one named object against the principal: false for malformed ids, missing rows and outsiders alike. */
export async function objectInScope(
  db: DbOrTx,
  principal: Principal,
  kind: ObjectKind,
  id: string,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  return objectKinds[kind].inScope(db, principal, id);
}
