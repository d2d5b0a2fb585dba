import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/database.js';
import { classifyDatabaseFailure } from '../db/unavailable.js';
import { AppError } from './errors.js';

/**
 * Idempotent writes (`Idempotency-Key`, as in the IETF httpapi draft and Stripe's API): a client
 * that never got its answer sends the same request again with the same key and gets the first
 * answer back instead of a second row.
 *
 * The key is claimed before the write by inserting a 'pending' row: the primary key
 * (caller, key) lets exactly one of two concurrent duplicates in, on every instance, and the
 * other is told to retry (409 idempotency_in_progress). The answer is stored in the write's own
 * transaction, so a committed write always has its answer and a rolled-back one leaves nothing
 * (the pending row is released and the request may simply run again). A claim whose request died
 * is taken over after STALE_CLAIM_MS; completing needs the claim, so the slower of the two rolls back.
 * Routes that commit on their own (`transaction: false`: the group space's posts and threads) store
 * the answer just after their commit instead: only a process dying between the two, or a request
 * outliving STALE_CLAIM_MS, could let such a write happen twice (the chat's clientId covers posts).
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key's answer is replayed; the jobs runner deletes older rows. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A key still pending after this long belonged to a request that died: it may be claimed again. */
export const STALE_CLAIM_MS = 60_000;

const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

/** The header as the OpenAPI document describes it on the routes that honour it. */
export const IDEMPOTENCY_HEADER_SCHEMA = {
  type: 'object',
  properties: {
    [IDEMPOTENCY_HEADER]: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description:
        'Optional. One per submission (a UUID): a repeat within 24 h gets the first answer (Idempotent-Replayed: true) without writing again; ' +
        'another request with the same key is 409 idempotency_key_reused; while the first still runs, 409 idempotency_in_progress.',
    },
  },
} as const;

/** The request's Idempotency-Key, null when absent; a malformed key is refused with 400. */
export function readIdempotencyKey(request: FastifyRequest): string | null {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !VALID_KEY.test(raw)) {
    throw new AppError('invalid_idempotency_key', 'The Idempotency-Key header must be sent once, as 1 to 255 printable ASCII characters (a UUID is ideal).');
  }
  return raw;
}

/** What makes two requests "the same": method, path with query, and the validated body. */
export function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

export type Claim = { kind: 'claimed'; claim: string } | { kind: 'replay'; status: number; body: string | null };

interface KeyRef {
  userId: string;
  key: string;
}

const inProgress = () => new AppError('idempotency_in_progress', 'This request is already being handled. Try again in a moment.').withRetryAfter(1);

/** Claims the key for this request, or returns the answer stored for it. */
export async function claimIdempotencyKey(db: DbOrTx, ref: KeyRef, fingerprint: string, now: Date): Promise<Claim> {
  const claim = randomUUID();
  const nowIso = now.toISOString();
  const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  // Two rounds: the second follows an expired row deleted in the first.
  for (let round = 0; round < 2; round++) {
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ user_id: ref.userId, key: ref.key, fingerprint, status: 'pending', claim, claimed_at: nowIso, created_at: nowIso })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'claimed', claim };
    const row = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', ref.userId).where('key', '=', ref.key).executeTakeFirst();
    if (!row) continue;
    if (row.created_at < expired) {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', ref.userId).where('key', '=', ref.key).where('created_at', '=', row.created_at).execute();
      continue;
    }
    if (row.fingerprint !== fingerprint) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
    }
    if (row.status === 'done') return { kind: 'replay', status: row.response_status ?? 200, body: row.response_body };
    if (row.claimed_at < stale) {
      const taken = await db
        .updateTable('idempotency_keys')
        .set({ claim, claimed_at: nowIso })
        .where('user_id', '=', ref.userId)
        .where('key', '=', ref.key)
        .where('status', '=', 'pending')
        .where('claim', '=', row.claim)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return { kind: 'claimed', claim };
    }
    throw inProgress();
  }
  throw inProgress();
}

/**
 * Stores the answer, in the write's transaction. Throws (rolling the write back) when the claim
 * was taken over meanwhile, so two requests with one key never both commit.
 */
export async function completeIdempotencyKey(handle: DbOrTx, ref: KeyRef, claim: string, response: { status: number; body: string | null }): Promise<void> {
  const done = await handle
    .updateTable('idempotency_keys')
    .set({ status: 'done', response_status: response.status, response_body: response.body })
    .where('user_id', '=', ref.userId)
    .where('key', '=', ref.key)
    .where('claim', '=', claim)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw inProgress();
}

/** Gives a claim back after the write failed (nothing was stored): the same request may run again. */
export async function releaseIdempotencyKey(db: DbOrTx, ref: KeyRef, claim: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('user_id', '=', ref.userId).where('key', '=', ref.key).where('claim', '=', claim).where('status', '=', 'pending').execute();
}

const RELEASE_RETRY_FIRST_MS = 250;
const RELEASE_RETRY_LONGEST_MS = 2_000;

/**
 * Runs `work` now; if it fails because the database is unreachable, tries again in the background
 * (¼ s, doubling up to 2 s) until it succeeds, fails for another reason, or `withinMs` has passed.
 * Resolves after the first attempt. `onGiveUp` hears the last error when it stops unsuccessfully.
 */
export async function retryWhileUnavailable(
  work: () => Promise<unknown>,
  options: { withinMs: number; onGiveUp: (error: unknown) => void; firstDelayMs?: number; longestDelayMs?: number },
): Promise<void> {
  const giveUpAt = Date.now() + options.withinMs;
  let delay = options.firstDelayMs ?? RELEASE_RETRY_FIRST_MS;
  const longest = options.longestDelayMs ?? RELEASE_RETRY_LONGEST_MS;
  const failed = (error: unknown) => {
    if (!classifyDatabaseFailure(error) || Date.now() + delay > giveUpAt) {
      options.onGiveUp(error);
      return;
    }
    const timer = setTimeout(() => {
      work().catch(failed);
    }, delay);
    // A pending retry never keeps a stopping process alive.
    timer.unref();
    delay = Math.min(delay * 2, longest);
  };
  try {
    await work();
  } catch (error) {
    failed(error);
  }
}

/**
 * Gives a claim back after its write failed. The usual reason a write fails mid-way is the
 * database going away, and then the release fails too: the pending row would answer the client's
 * retries 409 until STALE_CLAIM_MS. So the release is retried in the background while the
 * database is unreachable, and the key is free again within moments of its return.
 */
export function releaseIdempotencyKeyWhenPossible(db: DbOrTx, ref: KeyRef, claim: string, onGiveUp: (error: unknown) => void): Promise<void> {
  return retryWhileUnavailable(() => releaseIdempotencyKey(db, ref, claim), { withinMs: STALE_CLAIM_MS, onGiveUp });
}

/** Deletes keys older than the replay window (run by the jobs runner). Returns how many. */
export async function deleteExpiredIdempotencyKeys(db: DbOrTx, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
