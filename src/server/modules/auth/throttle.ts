import type { Config } from '../../config/env.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { hashToken, newId } from '../../lib/ids.js';

// Failed attempts are kept in the database, so every instance sharing it applies the same limit.

/** Throttle keys never hold an e-mail address in clear. */
export function throttleKey(kind: 'login-account' | 'login-ip' | 'mfa-user' | 'invite-ip' | 'reset-account' | 'reset-ip', value: string): string {
  return `${kind}:${hashToken(value.toLowerCase()).slice(0, 32)}`;
}

export async function recentFailures(db: DbOrTx, key: string, now: Date, windowMs: number): Promise<number> {
  return (await failureSummary(db, key, now, windowMs)).count;
}

/** Failures of `key` within the window: how many, the first and the last. */
async function failureSummary(db: DbOrTx, key: string, now: Date, windowMs: number): Promise<{ count: number; first: string | null; last: string | null }> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .selectFrom('auth_attempts')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('first'), eb.fn.max('at').as('last')])
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), first: row.first ?? null, last: row.last ?? null };
}

export async function recordFailure(db: DbOrTx, key: string, now: Date): Promise<void> {
  await db.insertInto('auth_attempts').values({ id: newId(), key, at: now.toISOString() }).execute();
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('key', '=', key).execute();
}

/** The longest pause an account's failures can impose before its next password check. */
export const LONGEST_ACCOUNT_DELAY_MS = 60_000;

/**
 * The pause an account must leave after its latest failure before its password is checked again:
 * none for the first `loginMaxFailures` failures in the window, then 1 s, 2 s, 4 s … up to 60 s.
 * A delay, never a lock: whoever guesses an account's e-mail can slow it down while they keep
 * guessing, but a minute after they stop its owner signs in (ASVS 5.0 V6.3).
 */
export function accountDelayMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - freeFailures), LONGEST_ACCOUNT_DELAY_MS);
}

type ThrottleConfig = Pick<Config, 'loginMaxFailures' | 'loginWindowMs'>;

/**
 * Refuses (429 too_many_attempts with Retry-After) a password check on an account still inside
 * its progressive delay. The refused attempt is not counted, so hammering does not lengthen it.
 */
export async function assertAccountMayTry(db: DbOrTx, key: string, now: Date, config: ThrottleConfig): Promise<void> {
  const { count, last } = await failureSummary(db, key, now, config.loginWindowMs);
  if (!last) return;
  const waitMs = new Date(last).getTime() + accountDelayMs(count, config.loginMaxFailures) - now.getTime();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('too_many_attempts', `Too many attempts. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`).withRetryAfter(seconds);
  }
}

/** How many failures one address may have in the window, across all accounts, before it is refused. */
export function addressLimit(config: ThrottleConfig): number {
  return config.loginMaxFailures * 4;
}

/**
 * Refuses (429 with Retry-After) an address that failed too often in the window, whichever
 * accounts it tried: the hard limit belongs to the guesser's address, never to the account.
 */
export async function assertAddressMayTry(db: DbOrTx, key: string, now: Date, config: ThrottleConfig): Promise<void> {
  const { count, first } = await failureSummary(db, key, now, config.loginWindowMs);
  if (count < addressLimit(config) || !first) return;
  const seconds = (new Date(first).getTime() + config.loginWindowMs - now.getTime()) / 1000;
  throw new AppError('too_many_attempts', 'Too many attempts from this network. Please wait a few minutes and try again.').withRetryAfter(seconds);
}
