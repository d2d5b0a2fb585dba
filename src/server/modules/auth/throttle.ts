import type { DbOrTx } from '../../db/database.js';
import { hashToken, newId } from '../../lib/ids.js';

// Failed attempts are kept in the database, so every instance sharing it applies the same limit.

/** Throttle keys never hold an e-mail address in clear. */
export function throttleKey(kind: 'login-account' | 'login-ip' | 'mfa-user' | 'invite-ip', value: string): string {
  return `${kind}:${hashToken(value.toLowerCase()).slice(0, 32)}`;
}

export async function recentFailures(db: DbOrTx, key: string, now: Date, windowMs: number): Promise<number> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .selectFrom('auth_attempts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordFailure(db: DbOrTx, key: string, now: Date): Promise<void> {
  await db.insertInto('auth_attempts').values({ id: newId(), key, at: now.toISOString() }).execute();
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('key', '=', key).execute();
}
