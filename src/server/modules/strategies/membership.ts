import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Principal } from '../../policy/policy.js';

/** Enrolment statuses that may share, mark and appreciate in a group (not invited, left or withdrawn). */
export const CONTRIBUTING_STATUSES = ['active', 'paused'] as const;

/** The caller's current enrolment in a group, if they may contribute to it. */
export function currentEnrolment(db: DbOrTx, userId: string, groupId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id', 'pseudonym', 'status'])
    .where('group_id', '=', groupId)
    .where('participant_id', '=', userId)
    .where('status', 'in', CONTRIBUTING_STATUSES)
    .executeTakeFirst();
}

/** Like `currentEnrolment`, but refuses with `not_a_member` (e.g. sharing to a group one has left). */
export async function requireEnrolment(db: DbOrTx, principal: Principal, groupId: string) {
  const enrolment = principal.role === 'participant' ? await currentEnrolment(db, principal.userId, groupId) : undefined;
  if (!enrolment) throw new AppError('not_a_member', 'Only current members of this group can do this.');
  return enrolment;
}

/** Escapes LIKE wildcards and lower-cases: the same search on SQLite and PostgreSQL. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
