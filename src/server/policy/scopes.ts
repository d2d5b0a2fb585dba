import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { inGroupsAt } from './membership.js';
import { ruleFor, type Principal } from './policy.js';

/**
 * The query scope for groups: a SQL condition on a group-id column that is true only for
 * groups the principal may read. Used inside queries so outsiders never load the row.
 */
export function groupScope(db: DbOrTx, principal: Principal, groupIdColumn: Expression<string>): Expression<SqlBool> {
  const rule = ruleFor(principal.role, 'group', 'read');
  if (!rule) return sql<SqlBool>`1 = 0`;
  switch (rule.scope) {
    case 'service':
      return sql<SqlBool>`1 = 1`;
    case 'own_groups':
      return inGroupsAt(db, principal, 'reach', groupIdColumn);
    case 'self':
    case 'break_glass':
    case 'led_programmes':
      return sql<SqlBool>`1 = 0`;
  }
}
