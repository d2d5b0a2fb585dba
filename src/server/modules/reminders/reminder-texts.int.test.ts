import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { scheduledSessionRow } from '../../testing/rows.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { httpSmsSender, type SmsSender } from '../delivery/sms.js';
import { MAIL_AND_TEXT_SETTINGS } from './reminder-testing.js';
import { sendSessionReminders } from './send-session-reminders.js';
import { deliverQueuedTexts, TEXT_RETRY } from './text-queue.js';

// Issue 16: members add, change and remove their own mobile number; reminder texts are queued
// with their claim and sent through a real HTTP gateway (a local server here, answering as told:
// accept, refuse, or hang past the timeout), retried with exponential backoff and jitter, never
// twice, cancelled when they can no longer be right, failed after the last attempt, and shown to
// administrators. Nothing of Hearth's own is mocked.

type Answer = 'ok' | 'fail' | 'hang';
const MINUTE = 60_000;

/** An SMS gateway on 127.0.0.1 that answers each request with the next scripted answer (then `otherwise`). */
class Gateway {
  readonly received: { to: string; text: string; authorization: string | undefined }[] = [];
  script: Answer[] = [];
  otherwise: Answer = 'ok';
  private readonly server: Server;
  private readonly hanging: ServerResponse[] = [];
  constructor() {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { to: string; text: string };
        this.received.push({ ...parsed, authorization: req.headers.authorization });
        const answer = this.script.shift() ?? this.otherwise;
        if (answer === 'hang') this.hanging.push(res);
        else res.writeHead(answer === 'ok' ? 202 : 503, { 'content-type': 'application/json' }).end(answer === 'ok' ? '{"id":"msg-1"}' : '{"error":"busy"}');
      });
    });
  }
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/send`;
  }
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const gateway = new Gateway();
let url: string;
let t: TestApp;
let world: World;
let member: Session;
let sender: SmsSender;
const settings = MAIL_AND_TEXT_SETTINGS;
const random = () => 0.5;

beforeAll(async () => {
  url = await gateway.start();
  t = await createTestApp({ HEARTH_SMS_HTTP_URL: url, HEARTH_SMS_HTTP_TOKEN: 'gateway-token' });
  world = await createWorld(t);
  member = await signIn(t, world.participantA);
  // The adapter the server configures, with a short timeout so a hanging gateway fails fast.
  sender = httpSmsSender(url, 'gateway-token', 300);
});
afterAll(async () => {
  await t?.close();
  await gateway.stop();
});
beforeEach(async () => {
  gateway.script = [];
  gateway.otherwise = 'ok';
  gateway.received.length = 0;
  // Each test reads only its own texts.
  await t.database.db.updateTable('sms_queue').set({ status: 'cancelled' }).where('status', 'in', ['queued', 'sending']).execute();
});

const mobileOf = async (userId: string) => (await t.database.db.selectFrom('users').select('mobile_e164').where('id', '=', userId).executeTakeFirstOrThrow()).mobile_e164;
const textRow = async (sessionId: string) =>
  t.database.db
    .selectFrom('sms_queue as q')
    .innerJoin('reminder_sends as rs', 'rs.id', 'q.reminder_send_id')
    .selectAll('q')
    .where('rs.subject_ref', '=', sessionId)
    .executeTakeFirstOrThrow();

/** A session of the member's group starting `inMs` after `now`, and its reminder queued by the reminder job. */
async function queuedReminder(now: Date, inMs: number): Promise<{ sessionId: string; startsAt: string }> {
  const db = t.database.db;
  const sessionId = newId();
  const startsAt = new Date(now.getTime() + inMs).toISOString();
  await db
    .insertInto('group_sessions')
    .values(scheduledSessionRow({ id: sessionId, groupId: world.groupA, startsAt, topic: 'Noticing worry spirals', createdAt: now.toISOString() }))
    .execute();
  await sendSessionReminders(db, settings, now);
  expect((await textRow(sessionId)).status).toBe('queued');
  return { sessionId, startsAt };
}

describe("a member's own mobile number", () => {
  it('is added, changed and removed by the member, stored as E.164 and audited', async () => {
    const added = await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '07700 900123' });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({ mobile: '+447700900123', textRemindersTurnedOff: false });
    const changed = await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '+44 7700 900456' });
    expect(changed.json()).toEqual({ mobile: '+447700900456', textRemindersTurnedOff: false });
    expect((await call(t.app, member, 'GET', '/api/me/notification-preferences')).json()).toMatchObject({ mobile: '+447700900456', smsAvailable: true });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('actor_user_id', '=', world.participantA.id)
      .where('action', '=', 'me.mobile.update')
      .where('outcome', '=', 'success')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => JSON.parse(String(a.detail)).change)).toEqual(['added', 'changed']);
    // The number itself is not written into the audit log.
    expect(JSON.stringify(audit)).not.toContain('900456');
    expect((await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '' })).json()).toEqual({ mobile: null, textRemindersTurnedOff: false });
    expect(await mobileOf(world.participantA.id)).toBeNull();
  });

  it('refuses a bad number with 422 invalid_phone and keeps the one on record', async () => {
    await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '07700 900123' });
    for (const typed of ['12345', '07400 12345', 'call me', '+44 20', '0800 FLOWERS', '+999 1234 5678']) {
      const refused = await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: typed });
      expect(refused.statusCode, typed).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'invalid_phone', details: [{ path: 'body.mobile' }] });
    }
    expect((await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: 'x'.repeat(41) })).statusCode).toBe(400);
    expect((await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '07700 900123', userId: world.participantA2.id })).statusCode).toBe(400);
    expect(await mobileOf(world.participantA.id)).toBe('+447700900123');
  });

  it('is refused to admins and to anyone signed out; a member can only ever set their own', async () => {
    expect((await call(t.app, await signIn(t, world.admin), 'PUT', '/api/me/mobile', { mobile: '07700 900999' })).statusCode).toBe(403);
    expect((await call(t.app, null, 'PUT', '/api/me/mobile', { mobile: '07700 900999' })).statusCode).toBe(401);
    const other = await signIn(t, world.participantA2);
    await call(t.app, other, 'PUT', '/api/me/mobile', { mobile: '07700 900777' });
    expect(await mobileOf(world.participantA2.id)).toBe('+447700900777');
    expect(await mobileOf(world.admin.id)).toBeNull();
    expect(await mobileOf(world.participantA.id)).not.toBe('+447700900777');
  });

  it('when removed, turns text reminders off and cancels the texts waiting; turning them on again needs a number', async () => {
    const now = new Date();
    await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '07700 900123' });
    expect((await call(t.app, member, 'PUT', '/api/me/notification-preferences', { sessionReminders: { email: true, sms: true } })).statusCode).toBe(200);
    const { sessionId } = await queuedReminder(now, 90 * MINUTE);
    const removed = await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '' });
    expect(removed.json()).toEqual({ mobile: null, textRemindersTurnedOff: true });
    expect((await call(t.app, member, 'GET', '/api/me/notification-preferences')).json()).toMatchObject({ mobile: null, sessionReminders: { email: true, sms: false } });
    expect(await textRow(sessionId)).toMatchObject({ status: 'cancelled', last_error: 'The mobile number was removed.' });
    expect(await deliverQueuedTexts(t.database.db, sender, now)).toEqual({ sent: 0, retrying: 0, failed: 0, cancelled: 0 });
    expect(gateway.received).toEqual([]);
    const refused = await call(t.app, member, 'PUT', '/api/me/notification-preferences', { sessionReminders: { sms: true } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'no_address_for_channel', details: [{ path: 'body.sessionReminders.sms' }] });
    // The e-mail reminder still went.
    expect(
      await t.database.db.selectFrom('mail_outbox').select('kind').where('to_user_id', '=', world.participantA.id).where('kind', '=', 'session_reminder').execute(),
    ).not.toEqual([]);
  });
});

describe('reminder texts through a failing and recovering gateway', () => {
  beforeAll(async () => {
    await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '07700 900123' });
    await call(t.app, member, 'PUT', '/api/me/notification-preferences', { sessionReminders: { sms: true } });
  });

  it('retries an error and a timeout with growing, jittered waits, then delivers once', async () => {
    const now = new Date();
    const { sessionId } = await queuedReminder(now, 100 * MINUTE);
    gateway.script = ['fail', 'hang', 'ok'];

    expect(await deliverQueuedTexts(t.database.db, sender, now, { random })).toMatchObject({ sent: 0, retrying: 1 });
    let row = await textRow(sessionId);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'SMS gateway answered HTTP 503', claimed_at: null });
    // First wait: half of a minute fixed, half random (0.5 here) → 45 s.
    expect(Date.parse(row.next_attempt_at) - now.getTime()).toBe(45_000);
    // Not tried again before then, by this instance or another.
    expect(await deliverQueuedTexts(t.database.db, sender, new Date(now.getTime() + 44_999), { random })).toEqual({ sent: 0, retrying: 0, failed: 0, cancelled: 0 });
    expect(gateway.received).toHaveLength(1);

    const second = new Date(Date.parse(row.next_attempt_at));
    expect(await deliverQueuedTexts(t.database.db, sender, second, { random })).toMatchObject({ retrying: 1 });
    row = await textRow(sessionId);
    expect(row).toMatchObject({ status: 'queued', attempts: 2, last_error: 'SMS gateway did not answer within 300 ms' });
    expect(Date.parse(row.next_attempt_at) - second.getTime()).toBe(90_000);

    const third = new Date(Date.parse(row.next_attempt_at));
    expect(await deliverQueuedTexts(t.database.db, sender, third, { random })).toMatchObject({ sent: 1 });
    row = await textRow(sessionId);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null, sent_at: third.toISOString() });
    expect(gateway.received).toHaveLength(3);
    expect(gateway.received.every((r) => r.to === '+447700900123' && r.authorization === 'Bearer gateway-token')).toBe(true);
    expect(gateway.received[2]!.text).toMatch(/^Eastgate Service: a reminder that your next group session is today at \d\d:\d\d\.$/);
    // Sent is final: later runs and a later reminder job never send it again.
    await sendSessionReminders(t.database.db, settings, third);
    expect(await deliverQueuedTexts(t.database.db, sender, new Date(third.getTime() + 10 * MINUTE), { random })).toEqual({ sent: 0, retrying: 0, failed: 0, cancelled: 0 });
    expect(gateway.received).toHaveLength(3);
  });

  it('is sent once when two instances run the job at the same moment, and a claim abandoned by a crash is taken over', async () => {
    const now = new Date();
    const { sessionId } = await queuedReminder(now, 110 * MINUTE);
    const runs = await Promise.all([deliverQueuedTexts(t.database.db, sender, now), deliverQueuedTexts(t.database.db, httpSmsSender(url, 'gateway-token', 300), now)]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(gateway.received).toHaveLength(1);
    expect((await textRow(sessionId)).status).toBe('sent');

    // An instance claimed a text and died before sending (the row says "sending"): another
    // instance leaves it alone while the claim is fresh and takes it over once it is stale.
    const next = await queuedReminder(now, 115 * MINUTE);
    const id = (await textRow(next.sessionId)).id;
    await t.database.db.updateTable('sms_queue').set({ status: 'sending', claimed_at: now.toISOString() }).where('id', '=', id).execute();
    expect((await deliverQueuedTexts(t.database.db, sender, new Date(now.getTime() + MINUTE))).sent).toBe(0);
    expect((await deliverQueuedTexts(t.database.db, sender, new Date(now.getTime() + 3 * MINUTE))).sent).toBe(1);
    expect(gateway.received).toHaveLength(2);
  });

  it('gives up after the last attempt, marked failed with the gateway’s answer for administrators', async () => {
    const now = new Date();
    const { sessionId } = await queuedReminder(now, 105 * MINUTE);
    gateway.otherwise = 'fail';
    let at = now;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= TEXT_RETRY.maxAttempts; attempt++) {
      const run = await deliverQueuedTexts(t.database.db, sender, at, { random });
      const row = await textRow(sessionId);
      expect(row.attempts).toBe(attempt);
      if (attempt < TEXT_RETRY.maxAttempts) {
        expect(run).toMatchObject({ retrying: 1 });
        waits.push(Date.parse(row.next_attempt_at) - at.getTime());
        at = new Date(Date.parse(row.next_attempt_at));
      } else {
        expect(run).toMatchObject({ failed: 1 });
        expect(row).toMatchObject({ status: 'failed', last_error: 'SMS gateway answered HTTP 503' });
      }
    }
    // 0.75 × 1, 2, 4, 8 minutes (random 0.5): doubling each time.
    expect(waits).toEqual([45_000, 90_000, 180_000, 360_000]);
    expect(gateway.received).toHaveLength(TEXT_RETRY.maxAttempts);
    expect(await deliverQueuedTexts(t.database.db, sender, new Date(at.getTime() + 60 * MINUTE))).toEqual({ sent: 0, retrying: 0, failed: 0, cancelled: 0 });

    const admin = await signIn(t, world.admin);
    const listed = await call(t.app, admin, 'GET', '/api/admin/sms');
    expect(listed.statusCode).toBe(200);
    const id = (await textRow(sessionId)).id;
    expect(listed.json().gatewayConfigured).toBe(true);
    expect(listed.json().reminderTexts.find((r: { id: string }) => r.id === id)).toMatchObject({
      to: '+447700900123',
      status: 'failed',
      attempts: TEXT_RETRY.maxAttempts,
      lastError: 'SMS gateway answered HTTP 503',
      nextAttemptAt: null,
      sentAt: null,
    });
    for (const who of [member, await signIn(t, world.clinicianA)]) expect((await call(t.app, who, 'GET', '/api/admin/sms')).statusCode).toBe(403);
  });

  it('never texts after the session has begun: a retry that would come too late fails the text instead', async () => {
    const now = new Date();
    const { sessionId, startsAt } = await queuedReminder(now, 2 * MINUTE);
    gateway.otherwise = 'fail';
    let at = now;
    let row = await textRow(sessionId);
    while (row.status === 'queued') {
      await deliverQueuedTexts(t.database.db, sender, at, { random });
      row = await textRow(sessionId);
      at = new Date(Date.parse(row.next_attempt_at));
    }
    expect(row.status).toBe('failed');
    expect(row.attempts).toBeLessThan(TEXT_RETRY.maxAttempts);
    expect(gateway.received.length).toBe(row.attempts);
    expect(row.next_attempt_at < startsAt).toBe(true);

    // A text still queued when its session starts (the jobs were stopped) is failed, never sent late.
    const late = await queuedReminder(now, 90 * MINUTE);
    const count = gateway.received.length;
    expect(await deliverQueuedTexts(t.database.db, sender, new Date(Date.parse(late.startsAt) + 1))).toMatchObject({ failed: 1 });
    expect(await textRow(late.sessionId)).toMatchObject({ status: 'failed', attempts: 0, last_error: 'Not sent before the session began (never tried).' });
    expect(gateway.received.length).toBe(count);
  });

  it('cancels a text whose session was cancelled or moved, and sends to a changed number', async () => {
    const now = new Date();
    const cancelled = await queuedReminder(now, 95 * MINUTE);
    const moved = await queuedReminder(now, 96 * MINUTE);
    const kept = await queuedReminder(now, 97 * MINUTE);
    await t.database.db.updateTable('group_sessions').set({ status: 'cancelled' }).where('id', '=', cancelled.sessionId).execute();
    await t.database.db
      .updateTable('group_sessions')
      .set({ starts_at: new Date(now.getTime() + 26 * 60 * MINUTE).toISOString() })
      .where('id', '=', moved.sessionId)
      .execute();
    expect((await call(t.app, member, 'PUT', '/api/me/mobile', { mobile: '07700 900555' })).statusCode).toBe(200);
    expect(await deliverQueuedTexts(t.database.db, sender, now)).toMatchObject({ sent: 1, cancelled: 2 });
    expect(await textRow(cancelled.sessionId)).toMatchObject({ status: 'cancelled', last_error: 'The session was moved or cancelled.' });
    expect(await textRow(moved.sessionId)).toMatchObject({ status: 'cancelled' });
    expect(await textRow(kept.sessionId)).toMatchObject({ status: 'sent', to_e164: '+447700900555' });
    expect(gateway.received.map((r) => r.to)).toEqual(['+447700900555']);
  });

  it('cancels a text when the member turned text reminders off after it was queued', async () => {
    const now = new Date();
    await call(t.app, member, 'PUT', '/api/me/notification-preferences', { sessionReminders: { sms: true } });
    const { sessionId } = await queuedReminder(now, 98 * MINUTE);
    await call(t.app, member, 'PUT', '/api/me/notification-preferences', { sessionReminders: { sms: false } });
    expect(await deliverQueuedTexts(t.database.db, sender, now)).toMatchObject({ sent: 0, cancelled: 1 });
    expect(await textRow(sessionId)).toMatchObject({ status: 'cancelled', last_error: 'Text reminders were turned off.' });
    expect(gateway.received).toEqual([]);
  });
});
