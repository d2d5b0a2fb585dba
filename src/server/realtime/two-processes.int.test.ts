import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/schemas/space.js';
import { signInDemo, startHearthProcess, testDatabaseUrl, type HearthProcess } from '../testing/hearth-process.js';
import { testDatabaseKind } from '../testing/test-app.js';
import { SocketClient } from './test-client.js';

// Two separate server processes on one PostgreSQL database, as a service runs behind a load
// balancer: a message posted through one reaches a member connected to the other, and a risk
// alert raised on one reaches the clinician's queue open on the other (LISTEN/NOTIFY).
const onPostgres = testDatabaseKind() === 'postgres';
const ALWAYS_STAFFED = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));

let databaseName: string;
let admin: pg.Client;
let shared: pg.Client;
let first: HearthProcess;
let second: HearthProcess;
const sockets: SocketClient[] = [];

async function socketTo(server: HearthProcess, session: { cookie: string; csrfToken: string }) {
  const client = await SocketClient.open(`${server.baseUrl.replace('http', 'ws')}/api/space/socket`, session as never);
  sockets.push(client);
  return client;
}

const postWith =
  (text: string) =>
  (f: ServerFrame): f is Extract<ServerFrame, { type: 'post' }> =>
    f.type === 'post' && f.post.body === text;

describe.runIf(onPostgres)('two server processes on one PostgreSQL database', () => {
  beforeAll(async () => {
    databaseName = `hearth_two_${randomBytes(6).toString('hex')}`;
    admin = new pg.Client({ connectionString: testDatabaseUrl('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const env = { DATABASE_URL: testDatabaseUrl(databaseName), HEARTH_REQUIRE_STAFF_MFA: 'false' };
    // The first migrates and seeds the demo service; the second finds it there.
    first = await startHearthProcess({ ...env, HEARTH_DEMO_SEED: 'true' });
    second = await startHearthProcess({ ...env, HEARTH_DEMO_SEED: 'false' });
    shared = new pg.Client({ connectionString: testDatabaseUrl(databaseName) });
    await shared.connect();
    // Whatever the time of day the test runs, posts publish at once (no unstaffed hold).
    await shared.query(`UPDATE therapy_groups SET moderation_mode = 'post', staffed_hours = $1`, [ALWAYS_STAFFED]);
    // Every member counts as established (a new member's first posts would be held for review).
    await shared.query(
      `INSERT INTO moderation_log (id, item_kind, item_id, group_id, author_id, actor_id, action, reason, risk_tier, created_at)
       SELECT gen_random_uuid()::text, 'post', gen_random_uuid()::text, e.group_id, e.participant_id, NULL, 'published', 'test set-up', 'none', now()::text
       FROM enrolments e CROSS JOIN generate_series(1, 3)`,
    );
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate();
    await Promise.all([first?.stop(), second?.stop()]);
    await shared?.end();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('delivers a message posted through one process to a member connected to the other, once', async () => {
    const { rows } = await shared.query<{ group_id: string }>(
      `SELECT e.group_id FROM enrolments e JOIN users u ON u.id = e.participant_id
       WHERE u.email IN ('participant1@demo.hearth.local', 'participant2@demo.hearth.local') AND e.status = 'active'
       GROUP BY e.group_id HAVING count(*) = 2`,
    );
    const groupId = rows[0]!.group_id;
    const sky = await socketTo(first, await signInDemo(first, 'participant1@demo.hearth.local'));
    const river = await socketTo(second, await signInDemo(second, 'participant2@demo.hearth.local'));
    for (const client of [sky, river]) {
      client.send({ type: 'subscribe', groupId, afterSeq: 0 });
      await client.next((f) => f.type === 'subscribed' && f.groupId === groupId, 0, 10_000);
    }
    const text = `Hello from the first process ${randomBytes(3).toString('hex')}`;
    const from = river.frames.length;
    sky.send({ type: 'post', groupId, thread: 'chat', clientId: 'two-processes-1', text });
    await sky.next((f) => f.type === 'ack' && f.clientId === 'two-processes-1', 0, 10_000);
    const delivered = await river.next(postWith(text), from, 5_000);
    expect(delivered.post.body).toBe(text);
    // Let any stray second copy arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(river.frames.filter(postWith(text))).toHaveLength(1);
  }, 60_000);

  it('raises a risk alert on one process that the clinician connected to the other sees at once', async () => {
    const { rows } = await shared.query<{ group_id: string }>(
      `SELECT e.group_id FROM enrolments e JOIN users u ON u.id = e.participant_id
       JOIN group_facilitators f ON f.group_id = e.group_id JOIN users c ON c.id = f.user_id
       WHERE u.email = 'participant2@demo.hearth.local' AND c.email = 'ada.clinician@demo.hearth.local' AND e.status = 'active'`,
    );
    const groupId = rows[0]!.group_id;
    const adaSession = await signInDemo(first, 'ada.clinician@demo.hearth.local');
    const ada = await socketTo(first, adaSession);
    const river = await socketTo(second, await signInDemo(second, 'participant2@demo.hearth.local'));
    river.send({ type: 'subscribe', groupId, afterSeq: 0 });
    await river.next((f) => f.type === 'subscribed', 0, 10_000);
    const from = ada.frames.length;
    const sentAt = Date.now();
    river.send({ type: 'post', groupId, thread: 'chat', clientId: 'two-processes-risk', text: 'I have the pills ready and I am going to end my life tonight.' });
    await river.next((f) => f.type === 'ack' && f.clientId === 'two-processes-risk', 0, 10_000);
    const alert = await ada.next((f) => f.type === 'alert' && f.event === 'alert.raised', from, 5_000);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    const queue = await fetch(`${first.baseUrl}/api/alerts`, { headers: { cookie: adaSession.cookie } });
    const { alerts } = (await queue.json()) as { alerts: { id: string; tier: string; kind: string }[] };
    expect(alerts.find((a) => a.id === (alert as { alertId: string }).alertId)).toMatchObject({ tier: 'urgent', kind: 'risk_language' });
  }, 60_000);
});
