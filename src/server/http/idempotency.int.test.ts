import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createGoalsWorld, goalInput, type GoalsWorld } from '../modules/goals/test-support.js';
import { call, signIn, type Session } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { deleteExpiredIdempotencyKeys, IDEMPOTENCY_TTL_MS, STALE_CLAIM_MS } from './idempotency.js';

let t: TestApp;
let w: GoalsWorld;
let goalId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createGoalsWorld(t);
  const goal = await call(t.app, w.s.owner, 'POST', '/api/me/goals', goalInput());
  expect(goal.statusCode, goal.body).toBe(201);
  goalId = (goal.json() as { id: string }).id;
});
afterAll(async () => t?.close());

const checkIn = (key: string, body: Record<string, unknown> = { progress: 'some', note: 'Texted Sam' }, session: Session = w.s.owner) =>
  call(t.app, session, 'POST', `/api/goals/${goalId}/checkins`, body, { 'idempotency-key': key });
const writeJournal = (session: Session, key: string, body: string) => call(t.app, session, 'POST', '/api/me/journal', { prompt: null, body }, { 'idempotency-key': key });

const checkinCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('goal_checkins')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('goal_id', '=', goalId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const journalCount = async (participantId: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('journal_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('participant_id', '=', participantId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const keyRow = (userId: string, key: string) => t.database.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();

describe('Idempotency-Key on writes', () => {
  it('stores a retried goal check-in once and answers the retry with the first answer', async () => {
    const before = await checkinCount();
    const key = randomUUID();
    const first = await checkIn(key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await checkIn(key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await checkinCount()).toBe(before + 1);
    // Without a key, nothing changes: each request writes.
    await call(t.app, w.s.owner, 'POST', `/api/goals/${goalId}/checkins`, { progress: 'some', note: 'Texted Sam' });
    expect(await checkinCount()).toBe(before + 2);
  });

  it('stores a retried journal entry once', async () => {
    const before = await journalCount(w.participantA.id);
    const key = randomUUID();
    const first = await writeJournal(w.s.owner, key, 'A quiet evening with a book.');
    const retry = await writeJournal(w.s.owner, key, 'A quiet evening with a book.');
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await journalCount(w.participantA.id)).toBe(before + 1);
  });

  it('refuses the same key with another body or another address (409 idempotency_key_reused), writing nothing', async () => {
    const key = randomUUID();
    expect((await checkIn(key)).statusCode).toBe(201);
    const before = await checkinCount();
    const otherBody = await checkIn(key, { progress: 'done', note: 'Met up!' });
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.json().error.code).toBe('idempotency_key_reused');
    const otherRoute = await writeJournal(w.s.owner, key, 'Texted Sam');
    expect(otherRoute.statusCode).toBe(409);
    expect(otherRoute.json().error.code).toBe('idempotency_key_reused');
    expect(await checkinCount()).toBe(before);
  });

  it('refuses a malformed key with 400 invalid_idempotency_key and writes nothing', async () => {
    const before = await checkinCount();
    for (const bad of ['x'.repeat(256), 'abc\u0001def', 'tab\there', 'caf\u00e9', '']) {
      const r = await checkIn(bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().error.code).toBe('invalid_idempotency_key');
    }
    expect((await checkIn('k'.repeat(255))).statusCode).toBe(201);
    expect(await checkinCount()).toBe(before + 1);
  });

  it('keeps keys per caller: the same key from another person is their own request, never a replay of someone else’s answer', async () => {
    const key = randomUUID();
    const mine = await writeJournal(w.s.owner, key, 'Same words.');
    const theirs = await writeJournal(w.s.peer, key, 'Same words.');
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect((theirs.json() as { id: string }).id).not.toBe((mine.json() as { id: string }).id);
    const rows = await t.database.db.selectFrom('journal_entries').select('participant_id').where('body', '=', 'Same words.').execute();
    expect(rows.map((r) => r.participant_id).sort()).toEqual([w.participantA.id, w.participantA2.id].sort());
  });

  it('lets only one of several concurrent duplicates write; the others are replayed or told to retry', async () => {
    const before = await checkinCount();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => checkIn(key, { progress: 'most', note: 'Concurrent' })));
    expect(await checkinCount()).toBe(before + 1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.json()).toEqual(created[0]?.json());
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect(a.statusCode).toBe(409);
      expect(a.json().error.code).toBe('idempotency_in_progress');
      expect(a.headers['retry-after']).toBe('1');
    }
    // Once the first has finished, every retry gets its answer.
    const later = await checkIn(key, { progress: 'most', note: 'Concurrent' });
    expect(later.statusCode).toBe(201);
    expect(later.json()).toEqual(created[0]?.json());
    expect(await checkinCount()).toBe(before + 1);
  });

  it('holds across instances: two apps on one database let one of two concurrent duplicates write', async () => {
    // A second instance: its own Fastify app and hub, the same database, nothing else shared.
    const other = await buildApp({ config: { ...t.config, databaseKind: t.database.kind }, database: t.database, clock: t.clock, logger: false });
    await other.ready();
    try {
      const before = await checkinCount();
      const key = randomUUID();
      const body = { progress: 'some', note: 'Two instances' };
      const send = (app: typeof t.app) => call(app, w.s.owner, 'POST', `/api/goals/${goalId}/checkins`, body, { 'idempotency-key': key });
      const answers = await Promise.all([send(t.app), send(other), send(t.app), send(other)]);
      expect(await checkinCount()).toBe(before + 1);
      expect(answers.map((a) => a.statusCode).every((s) => s === 201 || s === 409)).toBe(true);
      const replay = await send(other);
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(await checkinCount()).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('gives the key back when the write is refused, so the same request runs again rather than replaying a failure', async () => {
    const key = randomUUID();
    const foreign = goalInput({ enrolmentId: w.enrolmentB });
    const first = await call(t.app, w.s.owner, 'POST', '/api/me/goals', foreign, { 'idempotency-key': key });
    expect(first.json().error.code).toBe('not_a_member');
    expect(await keyRow(w.participantA.id, key)).toBeUndefined();
    const again = await call(t.app, w.s.owner, 'POST', '/api/me/goals', foreign, { 'idempotency-key': key });
    expect(again.json().error.code).toBe('not_a_member');
  });

  it('lists the header in the OpenAPI document on the routes that honour it, only there', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const headerOf = (path: string, method: string) => doc.paths[path]?.[method]?.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key');
    expect(headerOf('/api/goals/{goalId}/checkins', 'post')).toBe(true);
    expect(headerOf('/api/me/journal', 'post')).toBe(true);
    expect(headerOf('/api/me/goals', 'get')).toBeFalsy();
    expect(headerOf('/api/me/calendar-feed', 'post')).toBeFalsy();
    expect(headerOf('/api/auth/login', 'post')).toBeFalsy();
  });

  it('ignores the header on reads and on routes whose answer is a one-time secret', async () => {
    const read = await call(t.app, w.s.owner, 'GET', '/api/me/goals', undefined, { 'idempotency-key': randomUUID() });
    expect(read.statusCode).toBe(200);
    const key = randomUUID();
    const feed = await call(t.app, w.s.owner, 'POST', '/api/me/calendar-feed', undefined, { 'idempotency-key': key });
    expect(feed.statusCode).toBe(201);
    const again = await call(t.app, w.s.owner, 'POST', '/api/me/calendar-feed', undefined, { 'idempotency-key': key });
    expect(again.json().url).not.toBe(feed.json().url);
    expect(await keyRow(w.participantA.id, key)).toBeUndefined();
  });
  it('takes over a key whose request died while pending, and forgets keys after 24 hours', async () => {
    const before = await checkinCount();
    const key = randomUUID();
    const first = await checkIn(key, { progress: 'not_yet', note: 'stale' });
    expect(first.statusCode).toBe(201);
    // A request that claimed the key and died before committing leaves it pending.
    const dead = randomUUID();
    const longAgo = new Date(t.clock.now().getTime() - STALE_CLAIM_MS - 1000).toISOString();
    await t.database.db
      .insertInto('idempotency_keys')
      .values({ user_id: w.participantA.id, key: dead, fingerprint: 'x', status: 'pending', claim: 'gone', claimed_at: longAgo, created_at: longAgo })
      .execute();
    await t.database.db
      .updateTable('idempotency_keys')
      .set({ fingerprint: (await keyRow(w.participantA.id, key))!.fingerprint })
      .where('key', '=', dead)
      .execute();
    const takenOver = await checkIn(dead, { progress: 'not_yet', note: 'stale' });
    expect(takenOver.statusCode, takenOver.body).toBe(201);
    expect(await checkinCount()).toBe(before + 2);

    // A day later (signed in again: the session has ended meanwhile).
    t.clock.advance(IDEMPOTENCY_TTL_MS + 60_000);
    const fresh = await signIn(t, w.participantA);
    const afterWindow = await checkIn(key, { progress: 'not_yet', note: 'stale' }, fresh);
    expect(afterWindow.headers['idempotent-replayed']).toBeUndefined();
    expect(await checkinCount()).toBe(before + 3);
    t.clock.advance(IDEMPOTENCY_TTL_MS + 60_000);
    expect(await deleteExpiredIdempotencyKeys(t.database.db, t.clock.now())).toBeGreaterThan(0);
    expect(await t.database.db.selectFrom('idempotency_keys').select('key').execute()).toEqual([]);
  });
});
