import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { RESET_ANSWER, RESET_MAILS_PER_ACCOUNT, RESET_REQUESTS_PER_ADDRESS } from '../auth/request-password-reset.js';

// Invitations and password resets by e-mail (issue 16 item 1), on a service with SMTP settings
// (mail queued for delivery) and one without (kept in the outbox, the link shown as the fallback).

let t: TestApp;
let noSmtp: TestApp;
let world: World;
let admin: Session;
const SERVICE = 'Riverside Eating Disorders Service';

beforeAll(async () => {
  t = await createTestApp({ HEARTH_SMTP_URL: 'smtp://127.0.0.1:2525', HEARTH_PUBLIC_URL: 'https://hearth.example.org', HEARTH_SERVICE_NAME: SERVICE });
  noSmtp = await createTestApp({ HEARTH_PUBLIC_URL: 'https://hearth.example.org' });
  world = await createWorld(t);
  admin = await signIn(t, world.admin);
});
afterAll(async () => {
  await t.close();
  await noSmtp.close();
});

const mailTo = (app: TestApp, address: string) => app.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', address).orderBy('created_at').execute();
const tokenIn = (body: string) => /#token=([\w-]+)/.exec(body)?.[1];

describe('invitations by e-mail', () => {
  it('queues an e-mail with the one-time link when an administrator invites someone, and still shows the link', async () => {
    const invited = await call(t.app, admin, 'POST', '/api/admin/users', { email: 'new.clinician@example.org', displayName: 'Nia Clinician', role: 'clinician' });
    expect(invited.statusCode).toBe(201);
    const { inviteUrl, mail } = invited.json();
    expect(mail).toBe('queued');
    const [message, ...more] = await mailTo(t, 'new.clinician@example.org');
    expect(more).toEqual([]);
    expect(message).toMatchObject({ kind: 'invitation', status: 'queued', subject: 'Your invitation: choose a password' });
    expect(message!.body_text).toContain(inviteUrl);
    expect(message!.body_html).toContain(`href="${inviteUrl}"`);
    expect(message!.subject).not.toContain(SERVICE);
    // The link in the e-mail sets the password once.
    const token = tokenIn(message!.body_text)!;
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'a long and quiet river' })).statusCode).toBe(204);
    const again = await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'another long quiet river' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitation_invalid');
  });

  it('without a mail server keeps the e-mail in the outbox and says so, so the administrator passes the link on', async () => {
    const w = await createWorld(noSmtp);
    const session = await signIn(noSmtp, w.admin);
    const invited = await call(noSmtp.app, session, 'POST', '/api/admin/users', { email: 'outbox.person@example.org', displayName: 'Otto Box', role: 'participant' });
    expect(invited.json().mail).toBe('outbox');
    const [message] = await mailTo(noSmtp, 'outbox.person@example.org');
    expect(message).toMatchObject({ kind: 'invitation', status: 'outbox' });
    expect(message!.body_text).toContain(invited.json().inviteUrl);
  });

  it('e-mails a reissued link as a password reset to an active account', async () => {
    const reissued = await call(t.app, admin, 'POST', `/api/admin/users/${world.clinicianA.id}/invitation`);
    expect(reissued.statusCode).toBe(200);
    expect(reissued.json().mail).toBe('queued');
    const mail = await mailTo(t, world.clinicianA.email);
    expect(mail.at(-1)).toMatchObject({ kind: 'password_reset', subject: 'Reset your password' });
    expect(mail.at(-1)!.body_text).toContain(reissued.json().inviteUrl);
  });

  it('is refused to non-administrators', async () => {
    const clinician = await signIn(t, world.clinicianA);
    expect((await call(t.app, clinician, 'POST', '/api/admin/users', { email: 'x@example.org', displayName: 'X', role: 'participant' })).statusCode).toBe(403);
    expect((await mailTo(t, 'x@example.org')).length).toBe(0);
  });
});

describe('forgot password', () => {
  const ask = (email: string, ip = '203.0.113.7') => t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress: ip });

  it('answers the same for an account, an unknown address and a deactivated account, and e-mails only the account', async () => {
    const person = await createUser(t, 'participant');
    const gone = await createUser(t, 'participant');
    await t.database.db.updateTable('users').set({ status: 'deactivated' }).where('id', '=', gone.id).execute();
    const answers = await Promise.all([ask(person.email, '203.0.113.1'), ask('nobody.here@example.org', '203.0.113.2'), ask(gone.email, '203.0.113.3')]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(202);
      expect(answer.json()).toEqual({ message: RESET_ANSWER });
    }
    expect(await mailTo(t, 'nobody.here@example.org')).toEqual([]);
    expect(await mailTo(t, gone.email)).toEqual([]);
    const [message] = await mailTo(t, person.email);
    expect(message).toMatchObject({ kind: 'password_reset', subject: 'Reset your password' });
    // The token is stored hashed only, works once and expires within the hour.
    const token = tokenIn(message!.body_text)!;
    const stored = await t.database.db.selectFrom('invitations').selectAll().where('user_id', '=', person.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(Date.parse(stored[0]!.expires_at) - t.clock.now().getTime()).toBeLessThanOrEqual(3_600_000);
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'new and longer secret words' })).statusCode).toBe(204);
    await signIn(t, person, 'new and longer secret words');
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'yet another secret phrase' })).json().error.code).toBe('invitation_invalid');
  });

  it('refuses an expired or forged reset token', async () => {
    const person = await createUser(t, 'clinician');
    await ask(person.email, '203.0.113.20');
    const token = tokenIn((await mailTo(t, person.email))[0]!.body_text)!;
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/inspect', { token: `${token.slice(0, -4)}AAAA` })).json().error.code).toBe('invitation_invalid');
    t.clock.advance(61 * 60_000);
    try {
      const late = await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'too late for this one' });
      expect(late.statusCode).toBe(410);
      expect(late.json().error.code).toBe('invitation_invalid');
    } finally {
      t.clock.advance(-61 * 60_000);
    }
  });

  it('sends an account at most a few e-mails an hour, silently, and refuses an address asking too often', async () => {
    const person = await createUser(t, 'participant');
    for (let i = 0; i < RESET_MAILS_PER_ACCOUNT + 2; i += 1) expect((await ask(person.email, `198.51.100.${i}`)).json()).toEqual({ message: RESET_ANSWER });
    expect(await mailTo(t, person.email)).toHaveLength(RESET_MAILS_PER_ACCOUNT);
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i += 1) expect((await ask(`someone${i}@example.org`, '192.0.2.99')).statusCode).toBe(202);
    const refused = await ask(person.email, '192.0.2.99');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_attempts');
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('refuses a malformed request with a stable code', async () => {
    const bad = await ask('not an address');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'a@example.org', extra: 1 } })).statusCode).toBe(400);
  });
});
