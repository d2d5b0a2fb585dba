import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { call, createWorld, signIn, type Session, type World, openSpace } from '../testing/fixtures.js';
import { createTestApp, testDatabaseKind, type TestApp } from '../testing/test-app.js';
import { SocketClient } from './test-client.js';

// Two server instances over one PostgreSQL database deliver each other's messages through
// LISTEN/NOTIFY, and catch up from the database after the listening connection is lost.
const onPostgres = testDatabaseKind() === 'postgres';

let t: TestApp;
let second: FastifyInstance;
let world: World;
let urls: [string, string];
let alice: Session;
let clinician: Session;
const clients: SocketClient[] = [];

async function listenOn(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `ws://127.0.0.1:${address.port}/api/space/socket`;
}

async function open(url: string, session: Session) {
  const client = await SocketClient.open(url, session);
  clients.push(client);
  return client;
}

describe.runIf(onPostgres)('two instances on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t);
    await openSpace(t, world.groupA, [world.participantA.id, world.clinicianA.id]);
    second = await buildApp({ config: { ...t.config, databaseKind: 'postgres' }, database: t.database, clock: t.clock, logger: false });
    urls = [await listenOn(t.app), await listenOn(second)];
    [alice, clinician] = await Promise.all([signIn(t, world.participantA), signIn(t, world.clinicianA)]);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await second?.close();
    await t?.close();
  });

  it('delivers a message posted on one instance to a socket on the other, both ways', async () => {
    const a = await open(urls[0], alice);
    const c = await open(urls[1], clinician);
    await a.subscribe(world.groupA);
    await c.subscribe(world.groupA);
    a.send({ type: 'post', groupId: world.groupA, thread: 'chat', clientId: 'across-1', text: 'from instance one' });
    await c.next((f) => f.type === 'post' && f.post.body === 'from instance one');
    const response = await call(second, clinician, 'POST', `/api/space/groups/${world.groupA}/posts`, { thread: 'chat', text: 'from instance two' });
    expect(response.statusCode).toBe(201);
    await a.next((f) => f.type === 'post' && f.post.body === 'from instance two');
  });

  it('tells a clinician on the other instance about an alert raised here', async () => {
    const c = await open(urls[1], clinician);
    const from = c.frames.length;
    const target = await call(t.app, alice, 'POST', `/api/space/groups/${world.groupA}/posts`, { thread: 'chat', text: 'please look at this' });
    const report = await call(t.app, clinician, 'POST', `/api/space/posts/${target.json().id}/reports`, { kind: 'agreement' });
    expect(report.statusCode).toBe(201);
    await c.next((f) => f.type === 'alert' && f.event === 'alert.raised', from);
  });

  it('catches up from the database after the listening connections were cut', async () => {
    const c = await open(urls[1], clinician);
    await c.subscribe(world.groupA);
    const from = c.frames.length;
    // Only this test's schema's listeners (both instances'), not other tests' running beside it.
    const killed = await sql<{
      pid: number;
    }>`select pid, pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and query = 'LISTEN "hearth_' || current_schema() || '"'`.execute(t.database.db);
    expect(killed.rows.length).toBe(2);
    // Posted while nobody listens: no NOTIFY reaches the other instance.
    const lost = await call(t.app, alice, 'POST', `/api/space/groups/${world.groupA}/posts`, { thread: 'chat', text: 'while the link was down' });
    expect(lost.statusCode).toBe(201);
    await c.next((f) => f.type === 'post' && f.post.body === 'while the link was down', from, 8000);
    const after = await call(t.app, alice, 'POST', `/api/space/groups/${world.groupA}/posts`, { thread: 'chat', text: 'after the link is back' });
    expect(after.statusCode).toBe(201);
    await c.next((f) => f.type === 'post' && f.post.body === 'after the link is back', from, 8000);
    const seqs = c.seqs(world.groupA);
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});

describe.runIf(!onPostgres)('two instances', () => {
  it('are a PostgreSQL matter: SQLite runs one instance with the in-process broker', () => {
    expect(testDatabaseKind()).toBe('sqlite');
  });
});
