import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createUser, signIn, type Session } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
});
// Some tests move the clock by days: a fresh admin session for each test.
beforeEach(async () => {
  admin = await signIn(t, await createUser(t, 'admin'));
});
afterAll(async () => t.close());

function tokenOf(inviteUrl: string): string {
  const match = /\/invite#token=([\w-]+)$/.exec(inviteUrl);
  if (!match?.[1]) throw new Error(`unexpected invite URL ${inviteUrl}`);
  return match[1];
}

async function invite(email: string, role = 'participant') {
  const response = await call(t.app, admin, 'POST', '/api/admin/users', { email, displayName: 'Robin Example', role });
  expect(response.statusCode).toBe(201);
  return response.json() as { user: { id: string; status: string }; inviteUrl: string; expiresAt: string };
}

describe('invitations', () => {
  it('invites a participant who sets their own password through a single-use link, then signs in', async () => {
    const issued = await invite('Robin@Example.org');
    expect(issued.user.status).toBe('invited');
    const token = tokenOf(issued.inviteUrl);
    // The token is in the fragment: it is never part of a request line the server logs.
    expect(issued.inviteUrl).toMatch(/^http:\/\/localhost(:\d+)?\/invite#token=/);
    const info = await call(t.app, null, 'POST', '/api/auth/invitations/inspect', { token });
    expect(info.json()).toEqual({ email: 'robin@example.org', displayName: 'Robin Example', purpose: 'invite' });
    const weak = await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'qwertyuiop' });
    expect(weak.statusCode).toBe(422);
    const short = await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'abc' });
    expect(short.json().error.code).toBe('weak_password');
    const ok = await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'lanterns over the river' });
    expect(ok.statusCode).toBe(204);
    const again = await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'another fine phrase' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitation_invalid');
    const session = await signIn(t, { email: 'robin@example.org' }, 'lanterns over the river');
    expect(session.role).toBe('participant');
  });

  it('refuses an expired link and a link replaced by a newer one', async () => {
    const issued = await invite('late@example.org');
    const reissued = await call(t.app, admin, 'POST', `/api/admin/users/${issued.user.id}/invitation`);
    expect(reissued.statusCode).toBe(200);
    const old = await call(t.app, null, 'POST', '/api/auth/invitations/inspect', { token: tokenOf(issued.inviteUrl) });
    expect(old.statusCode).toBe(410);
    t.clock.advance(t.config.inviteTtlMs + 1000);
    const expired = await call(t.app, null, 'POST', '/api/auth/invitations/accept', {
      token: tokenOf(reissued.json().inviteUrl),
      password: 'lanterns over the river',
    });
    expect(expired.statusCode).toBe(410);
    const row = await t.database.db.selectFrom('users').select(['status', 'password_hash']).where('id', '=', issued.user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'invited', password_hash: null });
  });

  it('refuses a duplicate e-mail with 409 and writes nothing', async () => {
    await invite('twice@example.org');
    const before = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const dup = await call(t.app, admin, 'POST', '/api/admin/users', { email: 'TWICE@example.org', displayName: 'Dup', role: 'admin' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('email_taken');
    const after = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('issues a password-reset link for an active account that ends its sessions when used', async () => {
    const user = await createUser(t, 'clinician');
    const session = await signIn(t, user);
    const reset = await call(t.app, admin, 'POST', `/api/admin/users/${user.id}/invitation`);
    const token = tokenOf(reset.json().inviteUrl);
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/inspect', { token })).json().purpose).toBe('reset');
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'a brand new phrase' })).statusCode).toBe(204);
    expect((await call(t.app, session, 'GET', '/api/me')).statusCode).toBe(401);
  });
});

describe('user management', () => {
  it('lists and filters accounts, case-insensitively, treating % and _ literally', async () => {
    await invite('filter.me@example.org', 'clinician');
    const byRole = await call(t.app, admin, 'GET', '/api/admin/users?role=clinician&q=FILTER');
    const emails = byRole.json().users.map((u: { email: string }) => u.email);
    expect(emails).toEqual(['filter.me@example.org']);
    expect((await call(t.app, admin, 'GET', '/api/admin/users?q=%25')).json().users).toEqual([]);
    const body = JSON.stringify(byRole.json());
    expect(body).not.toMatch(/password|mfa_secret|hash/i);
  });

  it('deactivates and reactivates, and refuses to deactivate oneself', async () => {
    const user = await createUser(t, 'participant');
    const off = await call(t.app, admin, 'POST', `/api/admin/users/${user.id}/deactivate`);
    expect(off.json().status).toBe('deactivated');
    const on = await call(t.app, admin, 'POST', `/api/admin/users/${user.id}/reactivate`);
    expect(on.json().status).toBe('active');
    const self = await call(t.app, admin, 'POST', `/api/admin/users/${admin.userId}/deactivate`);
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('invalid_state');
  });

  it('audits each admin action in the same transaction', async () => {
    const user = await createUser(t, 'participant');
    await call(t.app, admin, 'POST', `/api/admin/users/${user.id}/deactivate`);
    const rows = await t.database.db.selectFrom('audit_events').selectAll().where('resource_id', '=', user.id).execute();
    expect(rows.map((r) => [r.action, r.outcome, r.actor_user_id])).toContainEqual(['admin.users.deactivate', 'success', admin.userId]);
  });
});

describe('names people read', () => {
  it('strips bidirectional controls and zero-width characters from staff display names, and refuses a name made only of them', async () => {
    const disguised = 'Dr\u202E Ann\u200B Smith\u2066';
    const created = await call(t.app, admin, 'POST', '/api/admin/users', { email: 'bidi-staff@example.org', displayName: disguised, role: 'clinician' });
    expect(created.statusCode, created.body).toBe(201);
    const row = await t.database.db.selectFrom('users').select('display_name').where('email', '=', 'bidi-staff@example.org').executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Dr Ann Smith');
    const invisible = await call(t.app, admin, 'POST', '/api/admin/users', { email: 'bidi-empty@example.org', displayName: '\u200B\u202E\u200D', role: 'clinician' });
    expect(invisible.statusCode).toBe(400);
    expect(invisible.json().error.code).toBe('validation_failed');
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'bidi-empty@example.org').executeTakeFirst()).toBeUndefined();
  });
});
