import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type TestUser, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { deliverQueuedAlerts, type DeliveryDeps } from './deliver-alerts.js';
import { deliveryDeps } from './runner.js';
import { httpSmsSender } from './sms.js';
import { browserSubscription, localEndpoint } from './test-support.js';

let t: TestApp;
let world: World;
let admin: Session;
let participant: Session;
let dutyClinician: TestUser;
let pushService: Awaited<ReturnType<typeof localEndpoint>>;
let pushAnswer = 201;
let deps: DeliveryDeps;
let groupName: string;
let key = 0;
let laptop: ReturnType<typeof browserSubscription>;

const phq9Item9 = () => Object.fromEntries([0, 0, 0, 0, 0, 0, 0, 0, 1].map((v, i) => [`phq9-${i + 1}`, v]));

/** Raises an urgent alert the way a participant does: PHQ-9 with item 9 ≥ 1. Returns its id. */
async function raiseUrgentAlert(): Promise<string> {
  key += 1;
  const response = await call(t.app, participant, 'POST', '/api/measures/responses', {
    instrumentCode: 'phq-9',
    version: 1,
    answers: phq9Item9(),
    idempotencyKey: `delivery-${key}`,
  });
  expect(response.statusCode).toBe(200);
  const alert = await t.database.db
    .selectFrom('alerts')
    .select('id')
    .where('participant_id', '=', world.participantA.id)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return alert.id;
}

function deliveriesOf(alertId: string) {
  return t.database.db.selectFrom('alert_deliveries').selectAll().where('alert_id', '=', alertId).orderBy('channel').execute();
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  admin = await signIn(t, world.admin);
  participant = await signIn(t, world.participantA);
  pushService = await localEndpoint(() => pushAnswer);
  deps = await deliveryDeps(t.database, t.config, t.clock);
  groupName = (await t.database.db.selectFrom('therapy_groups').select('name').where('id', '=', world.groupA).executeTakeFirstOrThrow()).name;
  // On duty now: a clinician who does not facilitate group A, with a mobile. The facilitator has a push device.
  dutyClinician = await createUser(t, 'clinician', 'Dr On Duty');
  const now = t.clock.now().getTime();
  expect(
    (
      await call(t.app, admin, 'POST', '/api/rota/shifts', {
        clinicianId: dutyClinician.id,
        startsAt: new Date(now - 3_600_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      })
    ).statusCode,
  ).toBe(201);
  const duty = await signIn(t, dutyClinician);
  const mobile = await call(t.app, duty, 'PUT', '/api/me/mobile', { mobile: '07400 123456' });
  expect(mobile.json()).toEqual({ mobile: '+447400123456', textRemindersTurnedOff: false });
  const lead = await signIn(t, world.clinicianA);
  laptop = browserSubscription(`${pushService.url}/push/lead-laptop`);
  expect((await call(t.app, lead, 'POST', '/api/me/push-subscriptions', laptop)).statusCode).toBe(201);
});
afterAll(async () => {
  await pushService?.close();
  await t?.close();
});

describe('delivering an alert', () => {
  it('queues in-app, push, SMS and e-mail attempts to the facilitators and the duty clinician in the raising transaction', async () => {
    const alertId = await raiseUrgentAlert();
    const rows = await deliveriesOf(alertId);
    const plan = rows.map((r) => [r.recipient_id, r.channel, r.status]).sort();
    expect(plan).toEqual(
      [
        [world.clinicianA.id, 'email', 'queued'],
        [world.clinicianA.id, 'in_app', 'sent'],
        [world.clinicianA.id, 'push', 'queued'],
        [dutyClinician.id, 'email', 'queued'],
        [dutyClinician.id, 'in_app', 'sent'],
        [dutyClinician.id, 'sms', 'queued'],
      ].sort(),
    );
    const recipients = await t.database.db.selectFrom('alert_recipients').select(['user_id', 'reason', 'step']).where('alert_id', '=', alertId).orderBy('reason').execute();
    expect(recipients).toEqual([
      { user_id: dutyClinician.id, reason: 'duty', step: 0 },
      { user_id: world.clinicianA.id, reason: 'facilitator', step: 0 },
    ]);
    // The duty clinician does not facilitate the group, yet now answers for the alert.
    const queue = (await call(t.app, await signIn(t, dutyClinician), 'GET', '/api/alerts')).json().alerts;
    expect(queue.map((a: { id: string }) => a.id)).toContain(alertId);
  });

  it('sends Web Push encrypted to a real subscription, SMS to the outbox, e-mail without clinical text; records each outcome', async () => {
    // Send what the test before left queued, so this pass carries this alert only.
    await deliverQueuedAlerts(t.database.db, deps);
    const alertId = await raiseUrgentAlert();
    const before = pushService.received.length;
    const result = await deliverQueuedAlerts(t.database.db, deps);
    expect(result.failed).toBe(0);
    const push = pushService.received.slice(before);
    expect(push).toHaveLength(1);
    const request = push.at(-1);
    expect(request?.url).toBe('/push/lead-laptop');
    expect(request?.headers['content-encoding']).toBe('aes128gcm');
    expect(request?.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(request?.headers.ttl).toBeDefined();
    expect(request?.body.length).toBeGreaterThan(100);
    // Encrypted: nothing of the payload is readable on the wire, and the device's keys open it.
    expect(request?.body.toString('latin1')).not.toContain('alert');
    const payload = JSON.parse(laptop.decrypt(request?.body ?? Buffer.alloc(0)));
    expect(payload).toEqual({ title: `1 urgent alert in ${groupName}`, body: 'Open Hearth to see it.', alertId, url: `/alerts#alert-${alertId}`, tag: `alert-${alertId}` });

    const rows = await deliveriesOf(alertId);
    expect(rows.every((r) => r.status === 'sent' && r.attempted_at !== null && r.latency_ms !== null)).toBe(true);

    const mail = await t.database.db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'alert').orderBy('created_at').execute();
    const toLead = mail.filter((m) => m.to_user_id === world.clinicianA.id).at(-1);
    expect(toLead?.subject).toBe(`1 urgent alert in ${groupName} — open Hearth`);
    expect(toLead?.body_text).toContain('/alerts');
    const alert = await t.database.db.selectFrom('alerts').select('summary').where('id', '=', alertId).executeTakeFirstOrThrow();
    for (const m of mail) {
      for (const secret of ['Alice', 'Private', alert.summary, 'PHQ', 'item 9']) expect(`${m.subject}\n${m.body_text}`).not.toContain(secret);
    }
    const sms = await t.database.db.selectFrom('sms_outbox').selectAll().orderBy('created_at', 'desc').execute();
    expect(sms[0]).toMatchObject({ to_e164: '+447400123456' });
    expect(sms[0]?.body_text).toContain(`1 urgent alert in ${groupName}`);
    expect(sms[0]?.body_text).not.toContain('Alice');
    const adminSms = (await call(t.app, admin, 'GET', '/api/admin/sms')).json();
    expect(adminSms).toMatchObject({ gatewayConfigured: false, messages: expect.arrayContaining([expect.objectContaining({ to: '+447400123456' })]) });

    // Shown on the alert: every attempt with its outcome.
    const shown = (await call(t.app, await signIn(t, world.clinicianA), 'GET', `/api/alerts/${alertId}/deliveries`)).json().deliveries;
    expect(shown).toHaveLength(6);
    expect(shown.map((d: { channel: string }) => d.channel).sort()).toEqual(['email', 'email', 'in_app', 'in_app', 'push', 'sms']);
    expect(shown.find((d: { channel: string }) => d.channel === 'sms')).toMatchObject({
      status: 'sent',
      recipient: { id: dutyClinician.id, displayName: 'Dr On Duty' },
      reason: 'duty',
      latencyMs: expect.any(Number),
    });
    expect((await call(t.app, participant, 'GET', `/api/alerts/${alertId}/deliveries`)).statusCode).toBe(403);
    expect((await call(t.app, await signIn(t, world.clinicianB), 'GET', `/api/alerts/${alertId}/deliveries`)).statusCode).toBe(404);
  });

  it('never sends one attempt twice when instances deliver at once', async () => {
    await raiseUrgentAlert();
    const before = pushService.received.length;
    const [a, b] = await Promise.all([deliverQueuedAlerts(t.database.db, deps), deliverQueuedAlerts(t.database.db, deps)]);
    // Push and e-mail to the facilitator, SMS and e-mail to the duty clinician: each once.
    expect(a.sent + b.sent).toBe(4);
    expect(pushService.received.length - before).toBe(1);
  });

  it('records a failed SMS when the gateway answers 500 or times out; the e-mail still goes', async () => {
    const gateway = await localEndpoint((req) => (req.url === '/slow' ? 'hang' : 500));
    try {
      for (const [path, error] of [
        ['/sms', 'SMS gateway answered HTTP 500'],
        ['/slow', 'SMS gateway did not answer within 300 ms'],
      ] as const) {
        const alertId = await raiseUrgentAlert();
        await deliverQueuedAlerts(t.database.db, { ...deps, sms: httpSmsSender(`${gateway.url}${path}`, 'secret-token', 300) });
        const rows = (await deliveriesOf(alertId)).filter((r) => r.recipient_id === dutyClinician.id);
        expect(rows.find((r) => r.channel === 'sms')).toMatchObject({ status: 'failed', error });
        expect(rows.find((r) => r.channel === 'email')).toMatchObject({ status: 'sent' });
      }
      const posted = gateway.received[0];
      expect(posted?.headers.authorization).toBe('Bearer secret-token');
      expect(JSON.parse(posted?.body.toString() ?? '{}')).toEqual({ to: '+447400123456', text: expect.stringContaining('urgent alert') });
    } finally {
      await gateway.close();
    }
  });

  it('queues the e-mail when a fast channel failed and none was queued', async () => {
    const alertId = await raiseUrgentAlert();
    await t.database.db.deleteFrom('alert_deliveries').where('alert_id', '=', alertId).where('channel', '=', 'email').execute();
    await deliverQueuedAlerts(t.database.db, { ...deps, sms: { kind: 'http', send: () => Promise.reject(new Error('gateway down')) } });
    await deliverQueuedAlerts(t.database.db, deps);
    const rows = (await deliveriesOf(alertId)).filter((r) => r.recipient_id === dutyClinician.id);
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['email', 'sent'],
      ['in_app', 'sent'],
      ['sms', 'failed'],
    ]);
  });

  it('removes a subscription the push service answers 410 for, and records the failure', async () => {
    const lead = await signIn(t, world.clinicianA);
    const gone = browserSubscription(`${pushService.url}/push/old-phone`);
    expect((await call(t.app, lead, 'POST', '/api/me/push-subscriptions', gone)).statusCode).toBe(201);
    pushAnswer = 410;
    try {
      const alertId = await raiseUrgentAlert();
      await deliverQueuedAlerts(t.database.db, deps);
      const push = (await deliveriesOf(alertId)).filter((r) => r.channel === 'push');
      expect(push).toHaveLength(2);
      expect(push.every((r) => r.status === 'failed' && r.error?.includes('410'))).toBe(true);
    } finally {
      pushAnswer = 201;
    }
    const left = await t.database.db.selectFrom('push_subscriptions').select('endpoint').where('user_id', '=', world.clinicianA.id).execute();
    expect(left).toEqual([]);
    const next = await raiseUrgentAlert();
    expect((await deliveriesOf(next)).filter((r) => r.channel === 'push')).toEqual([]);
    // Subscribe the lead's laptop again for the tests after this one.
    laptop = browserSubscription(`${pushService.url}/push/lead-laptop`);
    expect((await call(t.app, lead, 'POST', '/api/me/push-subscriptions', laptop)).statusCode).toBe(201);
    await deliverQueuedAlerts(t.database.db, deps);
  });
});

describe('push subscriptions and mobile numbers', () => {
  it('refuses an unusable subscription with invalid_push_subscription', async () => {
    const lead = await signIn(t, world.clinicianA);
    const good = browserSubscription('https://push.example.org/send/abc');
    const notOnCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
    const bad = [
      { ...good, endpoint: 'ftp://push.example.org/x' },
      { ...good, endpoint: 'http://push.example.org/x' },
      { ...good, endpoint: 'not a url' },
      { ...good, keys: { ...good.keys, p256dh: notOnCurve } },
      { ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } },
      { ...good, keys: { ...good.keys, auth: Buffer.alloc(15).toString('base64url') } },
    ];
    for (const body of bad) {
      const response = await call(t.app, lead, 'POST', '/api/me/push-subscriptions', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().error.code).toBe('invalid_push_subscription');
    }
    expect(await t.database.db.selectFrom('push_subscriptions').select('id').where('endpoint', 'like', '%example.org%').execute()).toEqual([]);
    const created = await call(t.app, lead, 'POST', '/api/me/push-subscriptions', good);
    expect(created.statusCode).toBe(201);
    const mine = (await call(t.app, lead, 'GET', '/api/me/alert-delivery')).json();
    expect(mine.vapidPublicKey).toMatch(/^[\w-]{87}$/);
    expect(mine.devices.map((d: { endpointHost: string }) => d.endpointHost)).toContain('push.example.org');
    expect((await call(t.app, await signIn(t, world.clinicianB), 'DELETE', '/api/me/push-subscriptions', { endpoint: good.endpoint })).statusCode).toBe(404);
    expect((await call(t.app, lead, 'DELETE', '/api/me/push-subscriptions', { endpoint: good.endpoint })).statusCode).toBe(204);
    expect((await call(t.app, lead, 'DELETE', '/api/me/push-subscriptions', { endpoint: good.endpoint })).statusCode).toBe(404);
    for (const who of [participant, admin]) expect((await call(t.app, who, 'POST', '/api/me/push-subscriptions', good)).statusCode).toBe(403);
  });

  it('lets the service worker and the web-app manifest through the CSP', async () => {
    const csp = String((await call(t.app, null, 'GET', '/api/health')).headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("script-src 'self'");
  });

  it('keeps the development VAPID pair in the database across restarts', async () => {
    const again = await deliveryDeps(t.database, t.config, t.clock);
    const stored = await t.database.db.selectFrom('service_settings').select('value').where('key', '=', 'push.vapid_keys').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value).publicKey).toMatch(/^[\w-]{87}$/);
    expect(again.push).not.toBeNull();
    const settings = (await call(t.app, admin, 'GET', '/api/admin/settings')).json();
    expect(JSON.stringify(settings)).not.toContain(JSON.parse(stored.value).privateKey);
  });

  it('stores mobiles as E.164 for the service country and refuses invalid ones', async () => {
    const lead = await signIn(t, world.clinicianA);
    for (const typed of ['12345', '07400 12345', 'call me']) {
      const response = await call(t.app, lead, 'PUT', '/api/me/mobile', { mobile: typed });
      expect(response.statusCode, typed).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'invalid_phone', details: [{ path: 'body.mobile' }] });
    }
    expect((await call(t.app, lead, 'PUT', '/api/me/mobile', { mobile: '+1 415 555 2671' })).json()).toEqual({ mobile: '+14155552671', textRemindersTurnedOff: false });
    expect((await call(t.app, lead, 'PUT', '/api/me/mobile', { mobile: '' })).json()).toEqual({ mobile: null, textRemindersTurnedOff: false });
    // Members set their own number too (issue 16: reminder texts); admins have no text messages.
    expect((await call(t.app, admin, 'PUT', '/api/me/mobile', { mobile: '07400 123456' })).statusCode).toBe(403);
  });
});
