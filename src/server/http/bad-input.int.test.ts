import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, TEST_PASSWORD, totpAt, type Session, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// Hostile and careless input. Each bad request gets a clear 4xx with a stable code, the server
// keeps serving, and nothing stored changes. "Stored" means every table except the two that
// record refusals by design: audit_events and auth_attempts (the failed-attempt counter).

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
});

afterAll(async () => t?.close());

const STORED_TABLES = ['users', 'auth_sessions', 'invitations', 'recovery_codes', 'programmes', 'therapy_groups', 'group_facilitators', 'enrolments'] as const;
const GENERIC_LOGIN_FAILURE = 'The e-mail address or password is not right.';

async function snapshot(): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of STORED_TABLES) {
    const rows = await t.database.db.selectFrom(table).selectAll().execute();
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

async function expectServing(): Promise<void> {
  const health = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(health.statusCode).toBe(200);
}

/** Sends a bad request; asserts the status and code, that nothing stored changed and that the server still answers. */
async function expectRefused(send: () => Promise<LightMyRequestResponse>, status: number, code: string) {
  const before = await snapshot();
  const response = await send();
  expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
  const error = response.json().error as { code: string; message: string; details?: { path: string; message: string }[] };
  expect(error.code, response.body.slice(0, 300)).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(await snapshot()).toEqual(before);
  await expectServing();
  return error;
}

/** A raw body with a chosen content type, optionally as a signed-in caller. */
function raw(url: string, payload: string, contentType = 'application/json', session: Session | null = null) {
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': contentType, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
  });
}

/** Signs in from a given address, so each throttling test has its own per-address count. */
function login(email: string, password: string, remoteAddress = '192.0.2.1') {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
}

const asAdmin = () => signIn(t, world.admin);

describe('bodies that are not the JSON a route expects', () => {
  it('refuses malformed JSON with 400 malformed_json', async () => {
    for (const body of ['{"email":', "{'email':'a'}", '{email:"a"}', '{"a":1}trailing', 'NaN', '']) {
      await expectRefused(() => raw('/api/auth/login', body), 400, 'malformed_json');
    }
  });

  it('refuses text, form and multipart bodies with 415, before any access check', async () => {
    const admin = await asAdmin();
    const bodies: [string, string][] = [
      ['text/plain', '{"email":"x@example.org","displayName":"X","role":"admin"}'],
      ['application/x-www-form-urlencoded', 'email=x%40example.org&displayName=X&role=admin'],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="role"\r\n\r\nadmin\r\n--b--'],
      ['application/xml', '<user><role>admin</role></user>'],
    ];
    for (const [type, body] of bodies) {
      await expectRefused(() => raw('/api/auth/login', body, type), 415, 'unsupported_media_type');
      await expectRefused(() => raw('/api/admin/users', body, type, admin), 415, 'unsupported_media_type');
    }
  });

  it('refuses a body over the size limit with 413 payload_too_large', async () => {
    const admin = await asAdmin();
    const huge = 'x'.repeat(t.config.bodyLimit);
    expect(t.config.bodyLimit).toBe(256 * 1024);
    await expectRefused(() => raw('/api/auth/login', JSON.stringify({ email: world.admin.email, password: huge })), 413, 'payload_too_large');
    const invite = JSON.stringify({ email: 'big@example.org', displayName: huge, role: 'clinician' });
    await expectRefused(() => raw('/api/admin/users', invite, 'application/json', admin), 413, 'payload_too_large');
    // Under the limit, an over-long field is a validation error, not a crash.
    const long = JSON.stringify({ email: world.admin.email, password: 'x'.repeat(2000) });
    await expectRefused(() => raw('/api/auth/login', long), 400, 'validation_failed');
  });

  it('refuses deeply nested JSON with a 4xx and keeps serving', async () => {
    const objects = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    // As deep as the body limit allows: ~128,000 levels of arrays.
    const depth = Math.floor((t.config.bodyLimit - 16) / 2);
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    for (const body of [objects, arrays, `{"email":${objects},"password":"x"}`]) {
      await expectRefused(() => raw('/api/auth/login', body), 400, 'validation_failed');
    }
    const admin = await asAdmin();
    const invite = `{"email":"deep@example.org","displayName":${objects},"role":"clinician"}`;
    await expectRefused(() => raw('/api/admin/users', invite, 'application/json', admin), 400, 'validation_failed');
  });

  it('refuses wrongly typed values with 400 validation_failed and names each field', async () => {
    const error = await expectRefused(() => login(5 as unknown as string, ['x'] as unknown as string), 400, 'validation_failed');
    expect(error.details?.map((d) => d.path).sort()).toEqual(['body.email', 'body.password']);

    const admin = await asAdmin();
    const invite = await expectRefused(
      () => call(t.app, admin, 'POST', '/api/admin/users', { email: 'not-an-email', displayName: 42, role: 'superuser' }),
      400,
      'validation_failed',
    );
    expect(invite.details?.map((d) => d.path).sort()).toEqual(['body.displayName', 'body.email', 'body.role']);
    for (const detail of invite.details ?? []) expect(detail.message.length).toBeGreaterThan(0);

    for (const body of ['null', '[]', '"admin"', '42', 'true']) {
      await expectRefused(() => raw('/api/auth/login', body), 400, 'validation_failed');
    }
    const query = await expectRefused(() => call(t.app, admin, 'GET', '/api/admin/audit?limit=lots'), 400, 'validation_failed');
    expect(query.details?.[0]?.path).toBe('querystring.limit');
  });

  it('refuses control characters in free text', async () => {
    const admin = await asAdmin();
    const error = await expectRefused(
      () => call(t.app, admin, 'POST', '/api/admin/users', { email: 'nul@example.org', displayName: 'Ann\u0000Admin', role: 'clinician' }),
      400,
      'validation_failed',
    );
    expect(error.details).toEqual([{ path: 'body.displayName', message: expect.stringMatching(/NUL/) }]);
  });

  it('refuses NUL characters and lone surrogates anywhere, the same on SQLite and PostgreSQL', async () => {
    const admin = await asAdmin();
    const attempts = [
      () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a\u0000@x.org', password: 'x' } }),
      () => call(t.app, admin, 'GET', '/api/admin/users?q=%00'),
      () => call(t.app, admin, 'GET', '/api/admin/audit?action=%00'),
      () => call(t.app, admin, 'GET', '/api/groups/%00'),
      () => call(t.app, admin, 'POST', '/api/admin/users', { email: 'lone@example.org', displayName: 'a\ud800b', role: 'clinician' }),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('fields nobody asked for', () => {
  it('refuses unknown fields (mass assignment) and changes no account', async () => {
    await expectRefused(
      () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: world.participantA.email, password: TEST_PASSWORD, role: 'admin' } }),
      400,
      'validation_failed',
    );

    const admin = await asAdmin();
    const base = { email: 'mass@example.org', displayName: 'Mass Assignment', role: 'participant' };
    for (const extra of [{ isAdmin: true }, { status: 'active' }, { passwordHash: 'x' }, { mfaEnabled: true }, { id: world.admin.id }]) {
      const error = await expectRefused(() => call(t.app, admin, 'POST', '/api/admin/users', { ...base, ...extra }), 400, 'validation_failed');
      expect(error.details?.[0]?.message).toContain(Object.keys(extra)[0]);
    }

    // A participant changing their password cannot slip a role in alongside.
    const participant = await signIn(t, world.participantA);
    const body = { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long passphrase', role: 'admin' };
    await expectRefused(() => call(t.app, participant, 'POST', '/api/me/password', body), 400, 'validation_failed');
    const me = await call(t.app, participant, 'GET', '/api/me');
    expect(me.json().user.role).toBe('participant');
    // The password did not change either: the old one still signs in (signIn throws otherwise).
    await signIn(t, world.participantA, TEST_PASSWORD);
  });

  it('refuses __proto__ and constructor.prototype keys anywhere in a body', async () => {
    const admin = await asAdmin();
    const bodies = [
      `{"email":"a@example.org","password":"x","__proto__":{"role":"admin"}}`,
      `{"email":"a@example.org","password":"x","constructor":{"prototype":{"isAdmin":true}}}`,
      `{"email":{"__proto__":{"isAdmin":true}},"password":"x"}`,
    ];
    for (const body of bodies) await expectRefused(() => raw('/api/auth/login', body), 400, 'malformed_json');
    const invite = `{"email":"proto@example.org","displayName":"P","role":"participant","__proto__":{"role":"admin"}}`;
    await expectRefused(() => raw('/api/admin/users', invite, 'application/json', admin), 400, 'malformed_json');
    for (const query of ['__proto__=admin', '__proto__[role]=admin', 'constructor[prototype][role]=admin']) {
      await expectRefused(() => call(t.app, admin, 'GET', `/api/admin/users?${query}`), 400, 'validation_failed');
    }
    // Nothing leaked onto every object in the process.
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses repeated query parameters with 400', async () => {
    const admin = await asAdmin();
    expect((await call(t.app, admin, 'GET', '/api/admin/users?role=admin')).statusCode).toBe(200);
    const cases: [string, string][] = [
      ['/api/admin/users?role=admin&role=clinician', 'querystring.role'],
      ['/api/admin/users?q=ann&q=bob', 'querystring.q'],
      ['/api/admin/users?status=active&status=invited', 'querystring.status'],
      ['/api/admin/audit?limit=1&limit=500', 'querystring.limit'],
      ['/api/admin/audit?outcome=success&outcome=denied', 'querystring.outcome'],
    ];
    for (const [url, path] of cases) {
      const error = await expectRefused(() => call(t.app, admin, 'GET', url), 400, 'validation_failed');
      expect(
        error.details?.map((d) => d.path),
        url,
      ).toContain(path);
    }
  });
});

describe('SQL and script payloads', () => {
  const PAYLOADS = [
    "Robert'); DROP TABLE users;--",
    "' OR '1'='1' --",
    '1; DELETE FROM audit_events; SELECT pg_sleep(5)--',
    '" UNION SELECT password_hash, mfa_secret FROM users --',
    '<script>alert("hearth")</script>',
    '<img src=x onerror=alert(1)>',
    '{{constructor.constructor("alert(1)")()}}',
    '100%_\\ of_%',
  ];

  it('stores and returns them verbatim as text, touching no other row', async () => {
    const admin = await asAdmin();
    for (const [index, payload] of PAYLOADS.entries()) {
      const before = await snapshot();
      const response = await call(t.app, admin, 'POST', '/api/admin/users', { email: `payload-${index}@example.org`, displayName: payload, role: 'participant' });
      expect(response.statusCode, payload).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const created = response.json().user as { id: string; displayName: string };
      expect(created.displayName).toBe(payload);

      const after = await snapshot();
      const users = after.users ?? [];
      expect(users).toHaveLength((before.users ?? []).length + 1);
      expect(users.filter((row) => !row.includes(created.id))).toEqual(before.users);
      for (const table of ['programmes', 'therapy_groups', 'group_facilitators', 'enrolments', 'recovery_codes'] as const) {
        expect(after[table], table).toEqual(before[table]);
      }

      // Searching for the payload finds exactly that account: wildcards and quotes are literal.
      const search = await call(t.app, admin, 'GET', `/api/admin/users?q=${encodeURIComponent(payload)}`);
      expect(search.statusCode).toBe(200);
      const found = search.json().users as { id: string; displayName: string }[];
      expect(
        found.map((u) => u.id),
        payload,
      ).toEqual([created.id]);
      expect(found[0]?.displayName).toBe(payload);
    }
    const apostrophe = await call(t.app, admin, 'POST', '/api/admin/users', { email: "o'reilly'--@example.org", displayName: 'Tim', role: 'clinician' });
    expect(apostrophe.statusCode).toBe(201);
    expect(apostrophe.json().user.email).toBe("o'reilly'--@example.org");
    await expectServing();
  });

  it('answers SQL in the sign-in form with the generic 401', async () => {
    const wrongPassword = await login(world.clinicianA.email, 'not the password', '192.0.2.20');
    expect(wrongPassword.statusCode).toBe(401);
    for (const [email, password] of [
      ["' OR '1'='1' --", "' OR '1'='1"],
      [`${world.admin.email}' --`, 'x'],
      ['" OR ""="', '" OR ""="'],
    ] as const) {
      const error = await expectRefused(() => login(email, password, '192.0.2.20'), 401, 'invalid_credentials');
      expect(error).toEqual({ ...wrongPassword.json().error, requestId: expect.any(String) });
      expect(error.message).toBe(GENERIC_LOGIN_FAILURE);
    }
  });

  it('treats SQL in audit filters as a value to match', async () => {
    const admin = await asAdmin();
    for (const filter of ["action=x' OR '1'='1", 'resourceType=users;--', "resourceId=') OR 1=1 --"]) {
      const response = await call(t.app, admin, 'GET', `/api/admin/audit?${filter.replace(/=(.*)$/, (_m, v: string) => `=${encodeURIComponent(v)}`)}`);
      expect(response.statusCode, filter).toBe(200);
      expect(response.json().items, filter).toEqual([]);
    }
  });
});

describe('replays and guessing', () => {
  it('refuses a session cookie replayed after logout', async () => {
    const session = await signIn(t, world.participantA2);
    expect((await call(t.app, session, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await call(t.app, session, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    await expectRefused(() => call(t.app, session, 'GET', '/api/me'), 401, 'session_expired');
    await expectRefused(() => call(t.app, session, 'GET', `/api/groups/${world.groupA}`), 401, 'session_expired');
    await expectRefused(
      () => call(t.app, session, 'POST', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'replayed passphrase here' }),
      401,
      'session_expired',
    );
    const forged = { ...session, cookie: `${session.cookie.split('=')[0]}=${'A'.repeat(43)}` };
    await expectRefused(() => call(t.app, forged, 'GET', '/api/me'), 401, 'unauthenticated');
  });

  it('accepts each authenticator code once, and limits wrong codes', async () => {
    const clinician = await createUser(t, 'clinician');
    let session = await signIn(t, clinician);
    const setup = await call(t.app, session, 'POST', '/api/auth/mfa/setup');
    expect(setup.statusCode).toBe(200);
    const secret = setup.json().secret as string;
    const enable = await call(t.app, session, 'POST', '/api/auth/mfa/enable', { code: await totpAt(secret, t.clock.now()) });
    expect(enable.statusCode, enable.body).toBe(200);

    t.clock.advance(30_000);
    const code = await totpAt(secret, t.clock.now());
    session = await signIn(t, clinician);
    const first = await call(t.app, session, 'POST', '/api/auth/mfa/verify', { code });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().session.mfa).toBe('verified');

    // The same code again, in a new sign-in, within its 30 seconds: refused.
    const replay = await signIn(t, clinician);
    await expectRefused(() => call(t.app, replay, 'POST', '/api/auth/mfa/verify', { code }), 401, 'invalid_code');
    await expectRefused(() => call(t.app, replay, 'GET', '/api/groups'), 401, 'mfa_required');

    t.clock.advance(30_000);
    const next = await call(t.app, replay, 'POST', '/api/auth/mfa/verify', { code: await totpAt(secret, t.clock.now()) });
    expect(next.statusCode, next.body).toBe(200);

    // Guessing: after five wrong codes even the right one is refused for the window.
    t.clock.advance(30_000);
    const guesser = await signIn(t, clinician);
    const now = t.clock.now().getTime();
    const valid = await Promise.all([-30_000, 0, 30_000].map((d) => totpAt(secret, new Date(now + d))));
    const wrong = ['111111', '222222', '333333', '444444', '555555', '666666', '777777'].filter((c) => !valid.includes(c)).slice(0, 5);
    for (const guess of wrong) {
      await expectRefused(() => call(t.app, guesser, 'POST', '/api/auth/mfa/verify', { code: guess }), 401, 'invalid_code');
    }
    await expectRefused(() => call(t.app, guesser, 'POST', '/api/auth/mfa/verify', { code: valid[1] }), 429, 'too_many_attempts');
  });

  it('slows an account after five wrong passwords, with one message for every failure, and never locks its owner out', async () => {
    const user = await createUser(t, 'participant');
    const unknown = await login('nobody-here@example.org', TEST_PASSWORD, '198.51.100.1');
    for (let attempt = 1; attempt <= t.config.loginMaxFailures; attempt += 1) {
      const error = await expectRefused(() => login(user.email, `wrong guess ${attempt}`, '198.51.100.1'), 401, 'invalid_credentials');
      // Unknown e-mail and wrong password read exactly the same.
      expect(error.message).toBe(unknown.json().error.message);
    }
    expect(unknown.json().error.code).toBe('invalid_credentials');
    const sessionsOf = async () => (await t.database.db.selectFrom('auth_sessions').select('id').where('user_id', '=', user.id).execute()).length;
    // Right after the fifth failure, even the right password waits a second (checked on no address).
    const slowed = await login(user.email, TEST_PASSWORD);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.code).toBe('too_many_attempts');
    expect(slowed.json().error.message).toMatch(/wait 1 second/i);
    expect(slowed.headers['retry-after']).toBe('1');
    // The pause is per account: another address does not get round it.
    await expectRefused(() => login(user.email, TEST_PASSWORD, '198.51.100.99'), 429, 'too_many_attempts');
    expect(await sessionsOf()).toBe(0);

    // Once the pause has passed (not the whole window), the owner signs in.
    t.clock.advance(1000);
    const after = await login(user.email, TEST_PASSWORD);
    expect(after.statusCode, after.body).toBe(200);
    expect(await sessionsOf()).toBe(1);
  });

  it('lets the owner sign in a minute after a stranger stops guessing, however long they guessed', async () => {
    const user = await createUser(t, 'clinician');
    const sessionsOf = async () => (await t.database.db.selectFrom('auth_sessions').select('id').where('user_id', '=', user.id).execute()).length;
    // A stranger guesses from many addresses (so no per-address limit stops them), as fast as the
    // account's pause allows, for longer than the window.
    const pauses: number[] = [];
    for (let attempt = 0, checked = 0; checked < 15; attempt += 1) {
      const guess = await login(user.email, `guess ${attempt}`, `203.0.113.${attempt + 1}`);
      if (guess.statusCode === 429) {
        const wait = Number(guess.headers['retry-after']);
        pauses.push(wait);
        t.clock.advance(wait * 1000);
        continue;
      }
      expect(guess.statusCode).toBe(401);
      checked += 1;
    }
    // The pause grew, and never beyond a minute.
    expect(pauses.length).toBeGreaterThan(3);
    expect(Math.max(...pauses)).toBe(60);
    expect(pauses.every((p) => p >= 1 && p <= 60)).toBe(true);
    // Right after the last guess the owner is asked to wait (with when) ...
    const early = await login(user.email, TEST_PASSWORD, '192.0.2.200');
    expect(early.statusCode).toBe(429);
    const retryAfter = Number(early.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // ... and waiting as told is enough: no hard lock.
    t.clock.advance(retryAfter * 1000);
    const owner = await login(user.email, TEST_PASSWORD, '192.0.2.200');
    expect(owner.statusCode, owner.body).toBe(200);
    expect(await sessionsOf()).toBe(1);
  });

  it('limits failures per address across many accounts', async () => {
    const address = '198.51.100.50';
    const victim = await createUser(t, 'participant');
    for (let attempt = 0; attempt < t.config.loginMaxFailures * 4; attempt += 1) {
      expect((await login(`stuffed-${attempt}@example.org`, 'Password123!', address)).statusCode).toBe(401);
    }
    const refused = await login(victim.email, TEST_PASSWORD, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(victim.email, TEST_PASSWORD, '198.51.100.51')).statusCode).toBe(200);
  });
});
