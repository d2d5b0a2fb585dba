import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, TEST_PASSWORD } from '../../testing/fixtures.js';
import { createTestApp, testDatabaseKind, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('health endpoints', () => {
  it('keeps /api/health as it was', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: testDatabaseKind() });
  });

  it('answers /api/health/live without the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'live', uptimeSeconds: expect.any(Number) });
  });

  it('answers /api/health/ready with every check when the database is reachable, writable and current', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe('ready');
    expect(body.checks.database?.status).toBe('ok');
    expect(body.checks.writable?.status).toBe('ok');
    expect(body.checks.migrations?.status).toBe('ok');
    expect(body.checks.disk?.status).toBe(testDatabaseKind() === 'sqlite' ? 'ok' : 'skipped');
    // The write really happened.
    const probe = await t.database.db.selectFrom('health_probe').select('checked_at').where('id', '=', 'ready').executeTakeFirst();
    expect(Date.parse(probe?.checked_at ?? '')).toBeLessThanOrEqual(t.clock.now().getTime());
  });

  it('is not ready (503 not_ready, naming the check) while a migration is missing', async () => {
    const last = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name desc limit 1`.execute(t.database.db);
    const row = last.rows[0]!;
    await sql`delete from kysely_migration where name = ${row.name}`.execute(t.database.db);
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(response.statusCode).toBe(503);
      const error = response.json().error as { code: string; details: { path: string; message: string }[] };
      expect(error.code).toBe('not_ready');
      expect(error.details).toEqual([{ path: 'checks.migrations', message: expect.stringContaining(row.name) }]);
      // Liveness does not depend on it: the process is up.
      expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${row.name}, ${row.timestamp})`.execute(t.database.db);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
  });

  it.runIf(testDatabaseKind() === 'sqlite')('is not ready when free disk space is below HEARTH_READY_MIN_FREE_MB', async () => {
    const tight = await createTestApp({ HEARTH_READY_MIN_FREE_MB: '1000000' });
    try {
      const response = await tight.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(response.statusCode).toBe(503);
      const error = response.json().error as { code: string; details: { path: string; message: string }[] };
      expect(error.details).toEqual([{ path: 'checks.disk', message: expect.stringMatching(/HEARTH_READY_MIN_FREE_MB/) }]);
    } finally {
      await tight.close();
    }
  });
});

describe.runIf(testDatabaseKind() === 'sqlite')('a full disk on SQLite', () => {
  it('answers 503 storage_full with Retry-After, names the cause, and changes nothing', async () => {
    const member = await createUser(t, 'participant');
    const session = await signIn(t, member);
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(t.database.db);
    const before = await t.database.db.selectFrom('journal_entries').select('id').execute();
    // The database may not grow by a single page: the next write that needs one fails with SQLITE_FULL.
    await sql.raw(`pragma max_page_count = ${pages.rows[0]!.page_count}`).execute(t.database.db);
    try {
      let response = await call(t.app, session, 'POST', '/api/me/journal', { body: 'x'.repeat(9000) });
      for (let i = 0; i < 20 && response.statusCode === 201; i++) {
        response = await call(t.app, session, 'POST', '/api/me/journal', { body: `${i} ${'y'.repeat(9000)}` });
      }
      expect(response.statusCode, response.body).toBe(503);
      expect(response.json().error).toMatchObject({ code: 'storage_full', message: expect.stringMatching(/storage is full/) });
      expect(response.headers['retry-after']).toBe('60');
      const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect([200, 503]).toContain(ready.statusCode);
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(t.database.db);
    }
    // Once there is room again, writes go through.
    const after = await call(t.app, session, 'POST', '/api/me/journal', { body: 'room again' });
    expect(after.statusCode).toBe(201);
    const rows = await t.database.db.selectFrom('journal_entries').select('id').execute();
    expect(rows.length).toBeGreaterThan(before.length);
  });
});

describe('the address Hearth records behind a proxy', () => {
  async function failedLoginAddress(app: TestApp, forwardedFor: string | undefined): Promise<string | null> {
    const email = `nobody-${Math.random().toString(36).slice(2)}@example.org`;
    await app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
      remoteAddress: '10.0.0.2',
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    const rows = await app.database.db
      .selectFrom('audit_events')
      .select(['ip', 'at'])
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failure')
      .orderBy('at', 'desc')
      .execute();
    return rows[0]?.ip ?? null;
  }

  it('with one trusted proxy, takes the address the proxy appended, never one the client wrote', async () => {
    const behind = await createTestApp({ HEARTH_TRUSTED_PROXIES: '1' });
    try {
      // The client wrote "6.6.6.6"; the proxy appended the address it saw.
      expect(await failedLoginAddress(behind, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
      expect(await failedLoginAddress(behind, '6.6.6.6, 1.1.1.1, 203.0.113.8')).toBe('203.0.113.8');
      behind.clock.advance(1000);
      expect(await failedLoginAddress(behind, undefined)).toBe('10.0.0.2');
    } finally {
      await behind.close();
    }
  });

  it('with no trusted proxy (the default), ignores X-Forwarded-For altogether', async () => {
    expect(t.config.trustedProxies).toBe(0);
    expect(await failedLoginAddress(t, '6.6.6.6')).toBe('10.0.0.2');
  });
});
