import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, cookieFrom, createUser, signIn, totpAt, TEST_PASSWORD } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function enrolMfa(session: Awaited<ReturnType<typeof signIn>>) {
  const setup = await call(t.app, session, 'POST', '/api/auth/mfa/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUri, qrDataUrl } = setup.json();
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  // The instant the enabling code was made for: a later "same step" check must use it, not a fresh
  // now() (the test clock follows real time, and a slow sign-in can cross a 30-second step).
  const enabledAt = t.clock.now();
  const enable = await call(t.app, session, 'POST', '/api/auth/mfa/enable', { code: await totpAt(secret, enabledAt) });
  expect(enable.statusCode).toBe(200);
  const { recoveryCodes } = enable.json();
  expect(recoveryCodes).toHaveLength(10);
  return { secret: secret as string, recoveryCodes: recoveryCodes as string[], enabledAt };
}

describe('sign-in', () => {
  it('signs in, sets a __Host- HttpOnly SameSite cookie and answers /api/me', async () => {
    const user = await createUser(t, 'participant');
    const response = await call(t.app, null, 'POST', '/api/auth/login', { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-hearth_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(response.json().session.mfa).toBe('verified');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieFrom(response) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(user.email);
  });

  it('stores only a hash of the session token', async () => {
    const user = await createUser(t, 'participant');
    const session = await signIn(t, user);
    const token = session.cookie.split('=')[1] ?? '';
    const rows = await t.database.db.selectFrom('auth_sessions').select(['token_hash']).execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('gives one generic message for a wrong password, an unknown e-mail and a deactivated account', async () => {
    const user = await createUser(t, 'participant');
    const deactivated = await createUser(t, 'participant');
    await t.database.db.updateTable('users').set({ status: 'deactivated' }).where('id', '=', deactivated.id).execute();
    const answers = await Promise.all([
      call(t.app, null, 'POST', '/api/auth/login', { email: user.email, password: 'wrong password here' }),
      call(t.app, null, 'POST', '/api/auth/login', { email: 'nobody@test.hearth.local', password: TEST_PASSWORD }),
      call(t.app, null, 'POST', '/api/auth/login', { email: deactivated.email, password: TEST_PASSWORD }),
    ]);
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json().error).toMatchObject({ code: 'invalid_credentials', message: 'The e-mail address or password is not right.' });
      expect(a.headers['set-cookie']).toBeUndefined();
    }
  });

  it('audits sign-in successes and failures without the password', async () => {
    const user = await createUser(t, 'participant');
    await call(t.app, null, 'POST', '/api/auth/login', { email: user.email, password: 'not the password' });
    await signIn(t, user);
    const rows = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'auth.login').execute();
    expect(rows.map((r) => r.outcome).sort()).toEqual(['failure', 'success']);
    expect(JSON.stringify(rows)).not.toContain('not the password');
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });
});

describe('session lifetime', () => {
  it('refuses a replayed cookie after logout', async () => {
    const session = await signIn(t, await createUser(t, 'clinician'));
    expect((await call(t.app, session, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    const replay = await call(t.app, session, 'GET', '/api/me');
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('session_expired');
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const user = await createUser(t, 'participant');
    const idle = await signIn(t, user);
    t.clock.advance(t.config.sessionIdleMs + 1000);
    expect((await call(t.app, idle, 'GET', '/api/me')).statusCode).toBe(401);

    const busy = await signIn(t, user);
    const step = t.config.sessionIdleMs / 2;
    for (let elapsed = 0; elapsed < t.config.sessionAbsoluteMs - step; elapsed += step) {
      t.clock.advance(step);
      expect((await call(t.app, busy, 'GET', '/api/me')).statusCode).toBe(200);
    }
    t.clock.advance(step + 1000);
    const after = await call(t.app, busy, 'GET', '/api/me');
    expect(after.statusCode).toBe(401);
    const row = await t.database.db.selectFrom('auth_sessions').select('end_reason').where('user_id', '=', user.id).where('end_reason', '=', 'absolute_timeout').executeTakeFirst();
    expect(row).toBeDefined();
  });

  it('ends the other sessions on password change and keeps the current one', async () => {
    const user = await createUser(t, 'participant');
    const here = await signIn(t, user);
    const there = await signIn(t, user);
    const weak = await call(t.app, here, 'POST', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('weak_password');
    const wrong = await call(t.app, here, 'POST', '/api/me/password', { currentPassword: 'nope nope nope', newPassword: 'a quiet lake at dawn' });
    expect(wrong.statusCode).toBe(401);
    const ok = await call(t.app, here, 'POST', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a quiet lake at dawn' });
    expect(ok.statusCode).toBe(204);
    expect((await call(t.app, here, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await call(t.app, there, 'GET', '/api/me')).statusCode).toBe(401);
    await signIn(t, user, 'a quiet lake at dawn');
  });

  it('lists my sessions and revokes one; another user’s session id answers 404', async () => {
    const user = await createUser(t, 'participant');
    const a = await signIn(t, user);
    const b = await signIn(t, user);
    const list = await call(t.app, a, 'GET', '/api/me/sessions');
    const sessions = list.json().sessions as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current);
    expect((await call(t.app, a, 'DELETE', `/api/me/sessions/${other?.id}`)).statusCode).toBe(204);
    expect((await call(t.app, b, 'GET', '/api/me')).statusCode).toBe(401);

    const stranger = await signIn(t, await createUser(t, 'participant'));
    const strangerSession = (await call(t.app, stranger, 'GET', '/api/me')).json().session.id;
    expect((await call(t.app, a, 'DELETE', `/api/me/sessions/${strangerSession}`)).statusCode).toBe(404);
    expect((await call(t.app, stranger, 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('ends every session when an admin deactivates the account', async () => {
    const admin = await signIn(t, await createUser(t, 'admin'));
    const user = await createUser(t, 'clinician');
    const session = await signIn(t, user);
    expect((await call(t.app, admin, 'POST', `/api/admin/users/${user.id}/deactivate`)).statusCode).toBe(200);
    expect((await call(t.app, session, 'GET', '/api/me')).statusCode).toBe(401);
    const again = await call(t.app, null, 'POST', '/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(again.statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await signIn(t, await createUser(t, 'participant'));
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    expect((await call(t.app, session, 'GET', '/api/me')).statusCode).toBe(200);
  });
});

describe('two-step sign-in (TOTP)', () => {
  it('enrols, then asks for a code at sign-in; codes are single-use; recovery codes work once', async () => {
    const user = await createUser(t, 'clinician');
    const first = await signIn(t, user);
    const me = (await call(t.app, first, 'GET', '/api/me')).json();
    expect(me.session.mfa).toBe('enrolment_offered');
    const { secret, recoveryCodes, enabledAt } = await enrolMfa(first);

    const second = await signIn(t, user);
    expect((await call(t.app, second, 'GET', '/api/me')).json().session.mfa).toBe('required');
    const blocked = await call(t.app, second, 'GET', '/api/groups');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('mfa_required');
    // The code used to enable is spent: the same time step is refused.
    const reused = await call(t.app, second, 'POST', '/api/auth/mfa/verify', { code: await totpAt(secret, enabledAt) });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('invalid_code');
    t.clock.advance(30_000);
    const code = await totpAt(secret, t.clock.now());
    const ok = await call(t.app, second, 'POST', '/api/auth/mfa/verify', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().session.mfa).toBe('verified');
    expect((await call(t.app, second, 'GET', '/api/groups')).statusCode).toBe(200);

    const third = await signIn(t, user);
    const replay = await call(t.app, third, 'POST', '/api/auth/mfa/verify', { code });
    expect(replay.statusCode).toBe(401);
    const recovery = recoveryCodes[0] ?? '';
    expect((await call(t.app, third, 'POST', '/api/auth/mfa/verify', { code: recovery.toUpperCase() })).statusCode).toBe(200);
    const fourth = await signIn(t, user);
    expect((await call(t.app, fourth, 'POST', '/api/auth/mfa/verify', { code: recovery })).statusCode).toBe(401);
  });

  it('rate-limits wrong codes with 429', async () => {
    const user = await createUser(t, 'clinician');
    const { secret } = await enrolMfa(await signIn(t, user));
    const session = await signIn(t, user);
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      expect((await call(t.app, session, 'POST', '/api/auth/mfa/verify', { code: '000000' })).statusCode).toBe(401);
    }
    t.clock.advance(30_000);
    const limited = await call(t.app, session, 'POST', '/api/auth/mfa/verify', { code: await totpAt(secret, t.clock.now()) });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_attempts');
  });

  it('requires staff to enrol before anything else when the service requires MFA', async () => {
    const strict = await createTestApp({ HEARTH_REQUIRE_STAFF_MFA: 'true' });
    try {
      const clinician = await createUser(strict, 'clinician');
      const session = await signIn(strict, clinician);
      expect((await call(strict.app, session, 'GET', '/api/me')).json().session.mfa).toBe('enrolment_required');
      expect((await call(strict.app, session, 'GET', '/api/groups')).statusCode).toBe(401);
      expect((await call(strict.app, session, 'POST', '/api/auth/mfa/postpone')).statusCode).toBe(401);
      const setup = (await call(strict.app, session, 'POST', '/api/auth/mfa/setup')).json();
      await call(strict.app, session, 'POST', '/api/auth/mfa/enable', { code: await totpAt(setup.secret, strict.clock.now()) });
      expect((await call(strict.app, session, 'GET', '/api/groups')).statusCode).toBe(200);
      // Participants are offered MFA but never forced.
      const participant = await signIn(strict, await createUser(strict, 'participant'));
      expect((await call(strict.app, participant, 'GET', '/api/me')).json().session.mfa).toBe('verified');
    } finally {
      await strict.close();
    }
  });

  it('lets demo staff postpone enrolment', async () => {
    const session = await signIn(t, await createUser(t, 'admin'));
    const response = await call(t.app, session, 'POST', '/api/auth/mfa/postpone');
    expect(response.statusCode).toBe(200);
    expect(response.json().session.mfa).toBe('verified');
  });

  it('lets an admin reset a user’s MFA, ending their sessions', async () => {
    const admin = await signIn(t, await createUser(t, 'admin'));
    const user = await createUser(t, 'clinician');
    const session = await signIn(t, user);
    await enrolMfa(session);
    const reset = await call(t.app, admin, 'POST', `/api/admin/users/${user.id}/reset-mfa`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);
    expect((await call(t.app, session, 'GET', '/api/me')).statusCode).toBe(401);
    const again = await signIn(t, user);
    expect((await call(t.app, again, 'GET', '/api/me')).json().session.mfa).toBe('enrolment_offered');
  });
});
