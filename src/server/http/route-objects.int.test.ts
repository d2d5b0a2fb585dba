import Fastify from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { call, createWorld, signIn, type Session, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { defineRoute, registerRoutes } from './route.js';

// `defineRoute` checks ids named in a body or a query exactly as it checks URL ids: before
// validation, the same 404 (and denied audit row) for an object outside the caller's groups, a
// malformed id and a missing row. An absent body or query id is validation's: 400, never 500.
// Exercised through the routes that use it: the moderation preview (body.groupId), break-glass
// (body.groupId, service scope) and the outcomes report (query.groupId).

let t: TestApp;
let world: World;
let alice: Session;
let clinicianA: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  [alice, clinicianA, admin] = await Promise.all([signIn(t, world.participantA), signIn(t, world.clinicianA), signIn(t, world.admin)]);
});

afterAll(async () => t?.close());

const deniedRows = (userId: string, action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['resource_type', 'resource_id'])
    .where('actor_user_id', '=', userId)
    .where('action', '=', action)
    .where('outcome', '=', 'denied')
    .execute();

describe('object checks on body ids', () => {
  it('answers 404 not_found for a body id of another group, and audits the refusal', async () => {
    for (const session of [alice, clinicianA]) {
      const r = await call(t.app, session, 'POST', '/api/moderation/preview', { groupId: world.groupB, text: 'hello' });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('not_found');
      expect(await deniedRows(session.userId, 'moderation.preview')).toContainEqual({ resource_type: 'group', resource_id: world.groupB });
    }
    // The caller's own group passes the same check.
    expect((await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'hello' })).statusCode).toBe(200);
    expect((await call(t.app, clinicianA, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'hello' })).statusCode).toBe(200);
  });

  it('answers a malformed or unknown body id exactly like a foreign one', async () => {
    for (const groupId of ['not-a-uuid', newId(), "1' OR '1'='1"]) {
      const r = await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId, text: 'hello' });
      expect(r.statusCode, groupId).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    }
  });

  it('checks the id before validation: an outsider learns nothing about the rest of the body', async () => {
    const r = await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupB, text: 'x'.repeat(5000), extra: true });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('not_found');
  });

  it('leaves a missing or non-string body id to validation: 400, not 404 or 500', async () => {
    const cases: { payload: unknown; path?: string }[] = [
      { payload: { text: 'hello' }, path: 'body.groupId' },
      { payload: { groupId: 42, text: 'hello' }, path: 'body.groupId' },
      { payload: { groupId: [world.groupA], text: 'hello' }, path: 'body.groupId' },
      { payload: { groupId: null, text: 'hello' }, path: 'body.groupId' },
      { payload: {} },
      { payload: [] },
      { payload: 'null' },
      { payload: '"a string"' },
    ];
    for (const { payload, path } of cases) {
      const r = await call(t.app, alice, 'POST', '/api/moderation/preview', payload, { 'content-type': 'application/json' });
      const label = JSON.stringify(payload);
      expect(r.statusCode, label).toBe(400);
      expect(r.json().error.code, label).toBe('validation_failed');
      if (path)
        expect(
          (r.json().error.details as { path: string }[]).map((d) => d.path),
          label,
        ).toContain(path);
    }
    // A body-less POST too.
    const empty = await t.app.inject({ method: 'POST', url: '/api/moderation/preview', headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrf } });
    expect(empty.statusCode).toBe(400);
  });

  it('lets a service-scope role name any existing object, and answers 404 for one that does not exist', async () => {
    const reason = 'Coroner’s request received today, ref 2026/114.';
    const missing = await call(t.app, admin, 'POST', '/api/break-glass', { groupId: newId(), reason });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await call(t.app, admin, 'POST', '/api/break-glass', { reason })).statusCode).toBe(400);
    const grants = () => t.database.db.selectFrom('break_glass_grants').select('group_id').where('user_id', '=', world.admin.id).execute();
    expect(await grants()).toEqual([]);
    expect((await call(t.app, admin, 'POST', '/api/break-glass', { groupId: world.groupB, reason })).statusCode).toBe(201);
    expect(await grants()).toEqual([{ group_id: world.groupB }]);
  });
});

describe('object checks on query ids', () => {
  const outcomes = (groupId?: string | string[]) => {
    const query = new URLSearchParams({ instrumentCode: 'phq-9' });
    for (const id of [groupId ?? []].flat()) query.append('groupId', id);
    return `/api/reports/outcomes?${query}`;
  };

  it('answers 404 for a query id of another group, malformed or unknown; the caller’s own group and no id pass', async () => {
    for (const groupId of [world.groupB, 'not-a-uuid', newId()]) {
      const r = await call(t.app, clinicianA, 'GET', outcomes(groupId));
      expect(r.statusCode, groupId).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    }
    expect(await deniedRows(world.clinicianA.id, 'reports.outcomes')).toContainEqual({ resource_type: 'group', resource_id: world.groupB });
    expect((await call(t.app, clinicianA, 'GET', outcomes(world.groupA))).statusCode).toBe(200);
    expect((await call(t.app, clinicianA, 'GET', outcomes())).statusCode).toBe(200);
    expect((await call(t.app, clinicianA, 'GET', `/api/reports/outcomes.csv?groupId=${world.groupB}`)).statusCode).toBe(404);
    // The administrator's rule is service-wide: any existing group.
    expect((await call(t.app, admin, 'GET', outcomes(world.groupB))).statusCode).toBe(200);
  });

  it('leaves a repeated query id to validation: 400', async () => {
    const r = await call(t.app, clinicianA, 'GET', outcomes([world.groupA, world.groupB]));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation_failed');
  });
});

describe('registering a route with body or query objects', () => {
  const route = (objects: Record<string, 'group'>, schemas: { body?: z.ZodType; query?: z.ZodType } = {}) =>
    defineRoute({
      id: 'test.objects',
      method: 'POST',
      url: '/api/test/:groupId',
      summary: 'test',
      tags: [],
      access: { kind: 'authenticated', resource: 'group', action: 'read', objects },
      ...schemas,
      handler: async () => undefined,
    });

  it('refuses an id its schemas do not have, or a place other than the URL, body or query', () => {
    const app = Fastify();
    app.decorate('routeTable', []);
    const body = z.strictObject({ groupId: z.uuid() });
    expect(() => registerRoutes(app, [route({ otherId: 'group' })])).toThrow(/unknown object param otherId/);
    expect(() => registerRoutes(app, [route({ 'body.groupId': 'group' })])).toThrow(/body schema does not have/);
    expect(() => registerRoutes(app, [route({ 'body.sessionId': 'group' }, { body })])).toThrow(/body schema does not have/);
    expect(() => registerRoutes(app, [route({ 'query.groupId': 'group' }, { body })])).toThrow(/query schema does not have/);
    expect(() => registerRoutes(app, [route({ 'headers.groupId': 'group' }, { body })])).toThrow(/neither a parameter nor/);
    expect(() => registerRoutes(app, [route({ groupId: 'group', 'body.groupId': 'group' }, { body })])).not.toThrow();
  });
});
