import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../db/database.js';
import type { MfaState } from '../../db/schema.js';
import { hashToken } from '../../lib/ids.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createUser } from '../../testing/fixtures.js';
import { createSession, findSessionByToken, sessionQuery } from './sessions-repository.js';

// The session lookup runs outside Kysely (a prepared statement whose rows come back as arrays of
// values): it must answer exactly what the same select through Kysely answers, on its fast path
// and inside a transaction (where it goes through Kysely so as to see the transaction's rows).
describe('findSessionByToken', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  /** A session of an hour for `userId`, opened now. */
  const openSession = (db: DbOrTx, userId: string, mfaState: MfaState, client: { userAgent: string | null; ip: string | null } = { userAgent: null, ip: null }) =>
    createSession(db, { userId, mfaState, now: t.clock.now(), absoluteMs: 3_600_000, ...client });

  /** The same row read through Kysely (objects by column name, not the prepared statement's arrays). */
  async function viaKysely(tokenHash: string) {
    return sessionQuery(t.database.db).where('s.token_hash', '=', tokenHash).executeTakeFirstOrThrow();
  }

  it('answers the session joined with its user, field by field, on the fast path and inside a transaction', async () => {
    const user = await createUser(t, 'clinician', 'Dr Row');
    const { token } = await openSession(t.database.db, user.id, 'enrolment_offered', { userAgent: 'test', ip: '127.0.0.1' });
    const expected = await viaKysely(hashToken(token));
    expect(expected).toMatchObject({ user_id: user.id, role: 'clinician', display_name: 'Dr Row', mfa_state: 'enrolment_offered', ended_at: null });

    // Twice: the first call prepares the statement, the second reuses it.
    expect(await findSessionByToken(t.database.db, token)).toEqual(expected);
    expect(await findSessionByToken(t.database.db, token)).toEqual(expected);
    const inTransaction = await t.database.db.transaction().execute((trx) => findSessionByToken(trx, token));
    expect(inTransaction).toEqual(expected);
  });

  it('answers lookups asked for together (one batched statement) each with its own session', async () => {
    const users = await Promise.all(['A', 'B', 'C'].map((name) => createUser(t, 'participant', `Member ${name}`)));
    const tokens: string[] = [];
    for (const user of users) {
      const { token } = await openSession(t.database.db, user.id, 'verified');
      tokens.push(token);
    }
    const expected = await Promise.all(tokens.map((token) => viaKysely(hashToken(token))));
    // Asked for in one turn: three known tokens (one twice) and an unknown one, in a mixed order.
    const asked = [tokens[2]!, 'no-such-token', tokens[0]!, tokens[1]!, tokens[2]!];
    const found = await Promise.all(asked.map((token) => findSessionByToken(t.database.db, token)));
    expect(found).toEqual([expected[2], undefined, expected[0], expected[1], expected[2]]);
    // More than one statement's worth (32 tokens a statement): every one still answered.
    const many = Array.from({ length: 70 }, (_, i) => (i % 7 === 3 ? `unknown-${i}` : tokens[i % 3]!));
    const manyFound = await Promise.all(many.map((token) => findSessionByToken(t.database.db, token)));
    expect(manyFound).toEqual(many.map((token) => (token.startsWith('unknown-') ? undefined : expected[tokens.indexOf(token)])));
  });

  it('sees a session created in the same transaction, and nothing for an unknown token', async () => {
    const user = await createUser(t, 'participant');
    const found = await t.database.db.transaction().execute(async (trx) => {
      const { token } = await openSession(trx, user.id, 'verified');
      return findSessionByToken(trx, token);
    });
    expect(found).toMatchObject({ user_id: user.id, mfa_state: 'verified', role: 'participant' });
    expect(await findSessionByToken(t.database.db, 'no-such-token')).toBeUndefined();
  });
});
