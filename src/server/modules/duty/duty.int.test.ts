import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let admin: Session;
let base: number;
const HOUR = 3_600_000;
const at = (hours: number) => new Date(base + hours * HOUR).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  admin = await signIn(t, world.admin);
  // Whole hours from the next full hour, so the windows below are exact.
  base = Math.ceil(t.clock.now().getTime() / HOUR) * HOUR;
});
afterAll(async () => t?.close());

describe('the duty rota', () => {
  it('lets an admin add, change and remove shifts, and clinicians read who is on duty', async () => {
    const created = await call(t.app, admin, 'POST', '/api/rota/shifts', { clinicianId: world.clinicianA.id, startsAt: at(-1), endsAt: at(8) });
    expect(created.statusCode).toBe(201);
    const shift = created.json();
    expect(shift).toMatchObject({ clinician: { id: world.clinicianA.id }, startsAt: at(-1), endsAt: at(8) });

    const moved = await call(t.app, admin, 'PATCH', `/api/rota/shifts/${shift.id}`, { endsAt: at(10) });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().endsAt).toBe(at(10));

    const reader = await signIn(t, world.clinicianB);
    const rota = (await call(t.app, reader, 'GET', '/api/rota')).json();
    expect(rota.onDutyNow).toEqual({ id: world.clinicianA.id, displayName: expect.any(String) });
    expect(rota.shifts.map((s: { id: string }) => s.id)).toEqual([shift.id]);

    const audit = await t.database.db.selectFrom('audit_events').select('action').where('resource_id', '=', shift.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['rota.shifts.create', 'rota.shifts.update']);

    expect((await call(t.app, admin, 'DELETE', `/api/rota/shifts/${shift.id}`)).statusCode).toBe(204);
    expect((await call(t.app, reader, 'GET', '/api/rota')).json()).toMatchObject({ shifts: [], onDutyNow: null });
    expect((await call(t.app, admin, 'DELETE', `/api/rota/shifts/${shift.id}`)).statusCode).toBe(404);
  });

  it('refuses bad shifts: end not after start, a non-clinician, an overlap (touching is fine), a time without zone', async () => {
    const post = (body: Record<string, unknown>) => call(t.app, admin, 'POST', '/api/rota/shifts', body);
    const backwards = await post({ clinicianId: world.clinicianA.id, startsAt: at(30), endsAt: at(30) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('validation_failed');
    const noZone = await post({ clinicianId: world.clinicianA.id, startsAt: '2026-12-24T08:00:00', endsAt: at(31) });
    expect(noZone.statusCode).toBe(400);
    for (const user of [world.participantA, world.admin]) {
      const response = await post({ clinicianId: user.id, startsAt: at(30), endsAt: at(31) });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('not_a_clinician');
    }
    const first = await post({ clinicianId: world.clinicianA.id, startsAt: at(30), endsAt: at(40) });
    expect(first.statusCode).toBe(201);
    for (const [from, to] of [
      [35, 45],
      [25, 31],
      [31, 39],
      [20, 50],
    ] as const) {
      const clash = await post({ clinicianId: world.clinicianB.id, startsAt: at(from), endsAt: at(to) });
      expect(clash.statusCode, `${from}-${to}`).toBe(422);
      expect(clash.json().error.code).toBe('rota_overlap');
    }
    // Moving another shift onto it is refused the same way.
    const later = (await post({ clinicianId: world.clinicianB.id, startsAt: at(40), endsAt: at(50) })).json();
    expect(later.startsAt).toBe(at(40));
    const movedOnto = await call(t.app, admin, 'PATCH', `/api/rota/shifts/${later.id}`, { startsAt: at(39) });
    expect(movedOnto.json().error.code).toBe('rota_overlap');
    const rows = await t.database.db.selectFrom('rota_shifts').selectAll().where('starts_at', '>=', at(20)).orderBy('starts_at').execute();
    expect(rows.map((r) => [r.starts_at, r.ends_at])).toEqual([
      [at(30), at(40)],
      [at(40), at(50)],
    ]);
  });

  it('lists the uncovered periods of the next 14 days and names the fallback', async () => {
    const backup = await createUser(t, 'clinician', 'Dr Fallback');
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'alerts.backup_clinician_id': backup.id })).statusCode).toBe(200);
    const gaps = (await call(t.app, await signIn(t, world.clinicianA), 'GET', '/api/rota/gaps')).json();
    expect(gaps.fallback).toEqual({ id: backup.id, displayName: 'Dr Fallback' });
    expect(gaps.gaps).toEqual([
      { startsAt: expect.any(String), endsAt: at(30), minutes: expect.any(Number) },
      { startsAt: at(50), endsAt: gaps.to, minutes: expect.any(Number) },
    ]);
    // Nobody is on duty now: the first gap starts now.
    expect(gaps.gaps[0].startsAt).toBe(gaps.from);
    expect(Date.parse(gaps.to) - Date.parse(gaps.from)).toBe(14 * 24 * HOUR);
    expect(gaps.gaps[1].minutes).toBe(Math.round((Date.parse(gaps.to) - Date.parse(at(50))) / 60_000));
  });

  it('lets only admins edit; clinicians read; participants get 403; a foreign id is 404', async () => {
    const clinician = await signIn(t, world.clinicianA);
    const participant = await signIn(t, world.participantA);
    const body = { clinicianId: world.clinicianA.id, startsAt: at(100), endsAt: at(101) };
    const shift = (await call(t.app, admin, 'POST', '/api/rota/shifts', body)).json();
    for (const session of [clinician, participant]) {
      expect((await call(t.app, session, 'POST', '/api/rota/shifts', { ...body, startsAt: at(200), endsAt: at(201) })).statusCode).toBe(403);
      expect((await call(t.app, session, 'PATCH', `/api/rota/shifts/${shift.id}`, { endsAt: at(102) })).statusCode).toBe(403);
      expect((await call(t.app, session, 'DELETE', `/api/rota/shifts/${shift.id}`)).statusCode).toBe(403);
    }
    expect((await call(t.app, participant, 'GET', '/api/rota')).statusCode).toBe(403);
    expect((await call(t.app, participant, 'GET', '/api/rota/gaps')).statusCode).toBe(403);
    expect((await call(t.app, clinician, 'GET', '/api/rota')).statusCode).toBe(200);
    expect((await call(t.app, admin, 'PATCH', '/api/rota/shifts/00000000-0000-4000-8000-000000000000', { endsAt: at(102) })).statusCode).toBe(404);
    const still = await t.database.db.selectFrom('rota_shifts').select(['ends_at']).where('id', '=', shift.id).executeTakeFirstOrThrow();
    expect(still.ends_at).toBe(at(101));
  });
});
