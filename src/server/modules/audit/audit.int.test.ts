import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, type Session } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, await createUser(t, 'admin'));
});
afterAll(async () => t.close());

describe('audit log', () => {
  it('refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) in the database itself', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await expect(db.updateTable('audit_events').set({ outcome: 'denied' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    if (t.database.kind === 'postgres') {
      await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only/);
    }
    expect(await db.selectFrom('audit_events').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('writes no audit row and no data when a write fails half-way', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const users = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [a0, u0] = [await count(), await users()];
    await call(t.app, admin, 'POST', '/api/admin/users', { email: 'half@example.org', displayName: 'Half', role: 'clinician' });
    const [a1, u1] = [await count(), await users()];
    expect(u1).toBe(u0 + 1);
    expect(a1).toBeGreaterThan(a0);
    const dup = await call(t.app, admin, 'POST', '/api/admin/users', { email: 'half@example.org', displayName: 'Half', role: 'clinician' });
    expect(dup.statusCode).toBe(409);
    // Only the refusal itself is recorded; the rolled-back write left nothing.
    expect(await users()).toBe(u1);
    const last = await t.database.db.selectFrom('audit_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'admin.users.invite', outcome: 'failure' });
    expect(JSON.parse(last.detail ?? '{}')).toEqual({ code: 'email_taken' });
  });

  it('never stores what people typed: passwords and names stay out of the log', async () => {
    await call(t.app, admin, 'POST', '/api/admin/users', { email: 'quiet@example.org', displayName: 'Secret Name Person', role: 'participant' });
    const rows = await t.database.db.selectFrom('audit_events').selectAll().execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Secret Name Person');
    expect(text).not.toContain('correct horse');
  });

  it('searches with filters and pages with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await call(t.app, admin, 'POST', '/api/admin/users', { email: `page${i}@example.org`, displayName: `P${i}`, role: 'participant' });
    }
    const first = await call(t.app, admin, 'GET', '/api/admin/audit?action=admin.users.invite&outcome=success&limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((i: { action: string; actorName: string }) => i.action === 'admin.users.invite' && i.actorName)).toBe(true);
    const second = (await call(t.app, admin, 'GET', `/api/admin/audit?action=admin.users.invite&outcome=success&limit=2&before=${page1.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    const ids = [...page1.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(4);
    const byActor = (await call(t.app, admin, 'GET', `/api/admin/audit?actorUserId=${admin.userId}&limit=500`)).json();
    expect(byActor.items.every((i: { actorUserId: string }) => i.actorUserId === admin.userId)).toBe(true);
    const future = (await call(t.app, admin, 'GET', `/api/admin/audit?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).json();
    expect(future.items).toEqual([]);
  });

  it('exports CSV with formula cells neutralised, and records the export', async () => {
    await call(t.app, admin, 'POST', '/api/admin/users', { email: 'csv@example.org', displayName: '=HYPERLINK("x")', role: 'participant' });
    const response = await call(t.app, admin, 'GET', '/api/admin/audit/export.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment/);
    // A UTF-8 byte-order mark first, so Excel reads names as UTF-8.
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_user_id,actor_name,actor_role,action,resource_type,resource_id,group_id,outcome,request_id,ip,detail');
    expect(lines.length).toBeGreaterThan(3);
    const exported = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'admin.audit.export').execute();
    expect(exported).toHaveLength(1);
  });

  it('neutralises an actor name that looks like a formula', async () => {
    const evil = await createUser(t, 'clinician', '=cmd|" /C calc"!A0');
    await signIn(t, evil);
    const csv = (await call(t.app, admin, 'GET', `/api/admin/audit/export.csv?actorUserId=${evil.id}`)).body;
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });
});
