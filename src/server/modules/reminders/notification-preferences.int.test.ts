import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type World } from '../../testing/fixtures.js';
import { scheduledSessionRow } from '../../testing/rows.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { sendDueDigests } from '../digest/send-due-digests.js';
import type { SmsSender } from '../delivery/sms.js';
import { MAIL_AND_TEXT_SETTINGS } from './reminder-testing.js';
import { sendSessionReminders } from './send-session-reminders.js';
import { deliverQueuedTexts } from './text-queue.js';

// The notification-preferences page (issue 16): members' reminders by e-mail and text message,
// staff's session digest by e-mail, alerts never a preference; a channel without an address or a
// gateway refused with nothing changed; only one's own preferences, ever.

const URL = '/api/me/notification-preferences';
const HOUR = 3_600_000;

describe('without an SMS gateway', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t);
  });
  afterAll(async () => t.close());
  const rows = (userId: string) => t.database.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();

  it('gives a member their reminders, text messages not offered, and no staff choices', async () => {
    const a = await signIn(t, world.participantA);
    const read = await call(t.app, a, 'GET', URL);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      audience: 'member',
      emailAddress: world.participantA.email,
      mobile: null,
      smsAvailable: false,
      sessionReminders: { email: false, sms: false },
      questionnaireReminders: { email: true },
      sessionDigest: null,
      alerts: null,
    });
  });

  it('gives a clinician the session digest and says whether they are on duty, and an admin the digest too', async () => {
    const now = t.clock.now();
    await t.database.db
      .insertInto('rota_shifts')
      .values({
        id: newId(),
        clinician_id: world.clinicianA.id,
        starts_at: new Date(now.getTime() - HOUR).toISOString(),
        ends_at: new Date(now.getTime() + HOUR).toISOString(),
        created_by: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    const clinician = (await call(t.app, await signIn(t, world.clinicianA), 'GET', URL)).json();
    expect(clinician).toMatchObject({ audience: 'staff', sessionReminders: null, questionnaireReminders: null, sessionDigest: { email: true }, alerts: { onDutyNow: true } });
    expect((await call(t.app, await signIn(t, world.clinicianB), 'GET', URL)).json().alerts).toEqual({ onDutyNow: false });
    const admin = await signIn(t, world.admin);
    const off = await call(t.app, admin, 'PUT', URL, { sessionDigest: { email: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ audience: 'staff', sessionDigest: { email: false } });
  });

  it('refuses a kind that is not for the person and text messages without a gateway, changing nothing', async () => {
    const a = await signIn(t, world.participantA);
    const before = await rows(world.participantA.id);
    const digest = await call(t.app, a, 'PUT', URL, { sessionDigest: { email: false } });
    expect(digest.statusCode).toBe(422);
    expect(digest.json().error.code).toBe('preference_not_offered');
    // A valid change named beside a refused one is not written either.
    const sms = await call(t.app, a, 'PUT', URL, { questionnaireReminders: { email: false }, sessionReminders: { email: true, sms: true } });
    expect(sms.statusCode).toBe(422);
    expect(sms.json().error.code).toBe('channel_unavailable');
    expect(await rows(world.participantA.id)).toEqual(before);
    const clinician = await signIn(t, world.clinicianA);
    const reminders = await call(t.app, clinician, 'PUT', URL, { sessionReminders: { email: true } });
    expect(reminders.statusCode).toBe(422);
    expect(reminders.json().error.code).toBe('preference_not_offered');
    expect(await rows(world.clinicianA.id)).toEqual([]);
  });

  it('reaches only the caller: no one else is named, and another person is untouched', async () => {
    const a = await signIn(t, world.participantA);
    const other = await call(t.app, a, 'PUT', URL, { userId: world.participantA2.id, sessionReminders: { email: true } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('validation_failed');
    expect((await call(t.app, a, 'PUT', URL, { sessionReminders: { email: true } })).json().sessionReminders).toEqual({ email: true, sms: false });
    expect((await call(t.app, await signIn(t, world.participantA2), 'GET', URL)).json().sessionReminders).toEqual({ email: false, sms: false });
    expect(await rows(world.participantA2.id)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
    expect((await call(t.app, a, 'PUT', URL, {})).statusCode).toBe(400);
    expect((await call(t.app, a, 'PUT', URL, { sessionReminders: {} })).statusCode).toBe(400);
  });

  it('sends the digest e-mail only to facilitators who have not turned it off; the in-app notice to all', async () => {
    const db = t.database.db;
    await call(t.app, await signIn(t, world.clinicianA), 'PUT', URL, { sessionDigest: { email: false } });
    // A session of group B too, whose facilitator (clinicianB) kept the default.
    const at = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const stamp = new Date().toISOString();
    await db
      .insertInto('group_sessions')
      .values({
        id: newId(),
        group_id: world.groupB,
        starts_at: at,
        ends_at: new Date(Date.parse(at) + 90 * 60_000).toISOString(),
        plan_id: null,
        topic: 'Values',
        status: 'scheduled',
        origin: 'manual',
        cancel_reason: null,
        created_at: stamp,
        updated_at: stamp,
        original_starts_at: null,
      })
      .execute();
    const sent = await sendDueDigests(db, { leadMs: 8 * 86_400_000, smtpConfigured: true, publicUrl: undefined, serviceName: 'Riverside Hearth' }, new Date());
    expect(sent).toBeGreaterThan(0);
    const notices = await db.selectFrom('notifications').select('user_id').where('kind', '=', 'session_digest').execute();
    expect(notices.map((n) => n.user_id)).toContain(world.clinicianA.id);
    const mail = await db.selectFrom('mail_outbox').select('to_address').where('kind', '=', 'session_digest').execute();
    expect(mail.map((m) => m.to_address)).not.toContain(world.clinicianA.email);
    expect(mail.map((m) => m.to_address)).toContain(world.clinicianB.email);
  });
});

describe('with an SMS gateway', () => {
  let t: TestApp;
  let world: World;
  const texts: { to: string; text: string }[] = [];
  const sms: SmsSender = {
    kind: 'http',
    async send(to, text) {
      texts.push({ to, text });
    },
  };
  beforeAll(async () => {
    t = await createTestApp({ HEARTH_SMS_HTTP_URL: 'https://sms.example.org/send' });
    world = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('refuses text messages to a member with no mobile number (no_address_for_channel), nothing changed', async () => {
    const a = await signIn(t, world.participantA);
    expect((await call(t.app, a, 'GET', URL)).json()).toMatchObject({ smsAvailable: true, mobile: null });
    const refused = await call(t.app, a, 'PUT', URL, { sessionReminders: { sms: true } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'no_address_for_channel', details: [{ path: 'body.sessionReminders.sms' }] });
    expect(await t.database.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', world.participantA.id).execute()).toEqual([]);
  });

  it('texts a member who chose text messages only, once, without the group or anything clinical', async () => {
    const db = t.database.db;
    await db.updateTable('users').set({ mobile_e164: '+447700900123' }).where('id', '=', world.participantA.id).execute();
    const a = await signIn(t, world.participantA);
    const on = await call(t.app, a, 'PUT', URL, { sessionReminders: { sms: true } });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ mobile: '+447700900123', sessionReminders: { email: false, sms: true } });
    const now = new Date();
    const startsAt = new Date(now.getTime() + 90 * 60_000).toISOString();
    const id = newId();
    await db
      .insertInto('group_sessions')
      .values(scheduledSessionRow({ id: id, groupId: world.groupA, startsAt, topic: 'Noticing worry spirals', createdAt: now.toISOString() }))
      .execute();
    const settings = MAIL_AND_TEXT_SETTINGS;
    const [first, second] = await Promise.all([sendSessionReminders(db, settings, now), sendSessionReminders(db, settings, now)]);
    expect(first + second).toBe(1);
    // Queued with the claim, sent by the text job: two instances at once send it once.
    expect(await db.selectFrom('sms_queue').select(['status', 'to_e164']).execute()).toEqual([{ status: 'queued', to_e164: '+447700900123' }]);
    const runs = await Promise.all([deliverQueuedTexts(db, sms, now), deliverQueuedTexts(db, sms, now)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to).toBe('+447700900123');
    expect(texts[0]!.text).toMatch(/^Eastgate Service: a reminder that your next group session is today at \d\d:\d\d\.$/);
    const groupName = (await db.selectFrom('therapy_groups').select('name').where('id', '=', world.groupA).executeTakeFirstOrThrow()).name;
    expect(texts[0]!.text).not.toContain(groupName);
    expect(texts[0]!.text).not.toContain('worry');
    // E-mail was not chosen: none queued.
    expect(await db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'session_reminder').execute()).toEqual([]);
  });
});
