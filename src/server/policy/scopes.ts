import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { EnrolmentStatus } from '../db/schema.js';
import { ruleFor, type Principal } from './policy.js';

/** Enrolment statuses that keep a participant inside their group. */
export const ACCESS_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['invited', 'active', 'paused'];

/**
 * The query scope for groups: a SQL condition on a group-id column that is true only for
 * groups the principal may read. Used inside queries so outsiders never load the row.
 */
export function groupScope(
  db: DbOrTx,
  principal: Principal,
  groupIdColumn: Expression<string>,
): Expression<SqlBool> {
  const rule = ruleFor(principal.role, 'group', 'read');
  if (!rule) return sql<SqlBool>`1 = 0`;
  switch (rule.scope) {
    case 'service':
      return sql<SqlBool>`1 = 1`;
    case 'own_groups': {
      if (principal.role === 'clinician') {
        const facilitated = db
          .selectFrom('group_facilitators')
          .select('group_facilitators.group_id')
          .where('group_facilitators.user_id', '=', principal.userId);
        return sql<SqlBool>`${groupIdColumn} in (${facilitated})`;
      }
      const enrolled = db
        .selectFrom('enrolments')
        .select('enrolments.group_id')
        .where('enrolments.participant_id', '=', principal.userId)
        .where('enrolments.status', 'in', ACCESS_ENROLMENT_STATUSES);
      return sql<SqlBool>`${groupIdColumn} in (${enrolled})`;
    }
    case 'self':
    case 'break_glass':
      return sql<SqlBool>`1 = 0`;
  }
}

