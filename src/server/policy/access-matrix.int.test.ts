import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import type { RegisteredRoute } from '../http/route.js';
import { newId, newSecretToken } from '../lib/ids.js';
import { createSession } from '../modules/auth/sessions-repository.js';
import { call, createUser, createWorld, type Session, type TestUser, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import type { ObjectKind } from './objects.js';
import { ruleFor } from './policy.js';

// Walks every registered route × every role × an object of another group, named wherever the
// route takes it (URL, query or body). A new route is covered the moment it is registered: an id
// naming an object of a kind this file cannot produce fails the test until a foreign object for
// that kind is added below.

let t: TestApp;
let world: World;
const foreign: Partial<Record<ObjectKind, string>> = {};

async function directSession(user: TestUser): Promise<Session & { sessionId: string }> {
  const { token, session } = await createSession(t.database.db, {
    userId: user.id,
    mfaState: 'verified',
    now: t.clock.now(),
    absoluteMs: t.config.sessionAbsoluteMs,
    userAgent: 'matrix',
    ip: null,
  });
  const name = t.config.insecureCookies ? 'hearth_session' : '__Host-hearth_session';
  return { cookie: `${name}=${token}`, csrf: session.csrf_token, userId: user.id, role: user.role, email: user.email, sessionId: session.id };
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  // Objects that belong to someone else: group B (the callers are in group A), a throwaway
  // account, and a session of that account.
  const [outsider, sessionOwner] = await Promise.all([createUser(t, 'participant'), createUser(t, 'clinician')]);
  foreign.group = world.groupB;
  // A programme none of the callers' groups runs (their own they may edit when they lead a group of it).
  foreign.programme = newId();
  await t.database.db.insertInto('programmes').values({ id: foreign.programme, name: 'Another programme', description: 'x', created_at: new Date().toISOString() }).execute();
  foreign.referral = world.referralB;
  foreign.enrolment = world.enrolmentB;
  foreign.session = world.sessionB;
  foreign.response = world.responseB;
  foreign.alert = world.alertB;
  foreign.moderatedItem = world.moderatedItemB;
  foreign.participant = world.participantB.id;
  foreign.watchedPhrase = world.watchedPhrase;
  foreign.strategy = world.strategyB;
  foreign.libraryEntry = world.libraryEntryB;
  foreign.feedbackRequest = world.feedbackRequestB;
  foreign.goal = world.goalB;
  foreign.milestone = world.milestoneB;
  foreign.celebration = world.celebrationB;
  foreign.skillPractice = world.practiceB;
  foreign.sharedPractice = world.practiceB;
  foreign.journalEntry = world.journalEntryB;
  foreign.spaceThread = world.spaceThreadB;
  foreign.spacePost = world.spacePostB;
  foreign.user = outsider.id;
  foreign.authSession = (await directSession(sessionOwner)).sessionId;
  foreign.rotaShift = newId();
  await t.database.db
    .insertInto('rota_shifts')
    .values({
      id: foreign.rotaShift,
      clinician_id: sessionOwner.id,
      starts_at: '2030-01-01T00:00:00.000Z',
      ends_at: '2030-01-02T00:00:00.000Z',
      created_by: null,
      created_at: t.clock.now().toISOString(),
      updated_at: t.clock.now().toISOString(),
    })
    .execute();
  foreign.isolationFlag = newId();
  await t.database.db
    .insertInto('isolation_flags')
    .values({
      id: foreign.isolationFlag,
      enrolment_id: world.enrolmentB,
      group_id: world.groupB,
      level: 'watch',
      status: 'open',
      signals: '[]',
      raised_at: t.clock.now().toISOString(),
      updated_at: t.clock.now().toISOString(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
      snoozed_until: null,
    })
    .execute();
  // Another administrator's FHIR $export job and its file.
  const otherAdmin = await createUser(t, 'admin');
  foreign.bulkExport = newId();
  const at = t.clock.now().toISOString();
  await t.database.db
    .insertInto('fhir_export_jobs')
    .values({
      id: foreign.bulkExport,
      requested_by: otherAdmin.id,
      status: 'completed',
      level: 'system',
      request_url: 'http://localhost/api/fhir/$export',
      types: '["Patient"]',
      since: null,
      fhir_base: 'http://localhost/fhir',
      file_base: 'http://localhost/api/fhir/bulk-files',
      transaction_time: at,
      progress: 'Done.',
      created_at: at,
      finished_at: at,
      expires_at: '2099-01-01T00:00:00.000Z',
    })
    .execute();
  foreign.bulkExportFile = newId();
  await t.database.db
    .insertInto('fhir_export_files')
    .values({ id: foreign.bulkExportFile, job_id: foreign.bulkExport, resource_type: 'Patient', file_name: 'Patient.ndjson', count: 0, bytes: 0, position: 0 })
    .execute();
  foreign.notification = newId();
  await t.database.db
    .insertInto('notifications')
    .values({
      id: foreign.notification,
      user_id: world.participantB.id,
      kind: 'session_cancelled',
      title: 'Group B: session cancelled',
      body: 'The session is cancelled.',
      group_id: world.groupB,
      session_id: world.sessionB,
      created_at: t.clock.now().toISOString(),
      read_at: null,
    })
    .execute();
});

afterAll(async () => t?.close());

const roles: Role[] = ['admin', 'clinician', 'participant'];

/** The stable error code of a refusal: Hearth's error body, or (the FHIR endpoints) an OperationOutcome carrying it. */
function errorCodeOf(body: { error?: { code: string }; resourceType?: string; issue?: { details?: { coding?: { code: string }[] } }[] }): string | undefined {
  return body.resourceType === 'OperationOutcome' ? body.issue?.[0]?.details?.coding?.[0]?.code : body.error?.code;
}

function callers(): Record<Role, TestUser> {
  return { admin: world.admin, clinician: world.clinicianA, participant: world.participantA };
}

function foreignId(route: RegisteredRoute, key: string): string {
  const kind = route.access.kind === 'authenticated' ? route.access.objects?.[key] : undefined;
  if (!kind) throw new Error(`${route.method} ${route.url}: parameter :${key} is not declared as an object`);
  const id = foreign[kind];
  if (!id) throw new Error(`${route.method} ${route.url}: no foreign object for kind ${kind}`);
  return id;
}

/** The route called with an object of another group for every id it declares: in the URL, the query or the body. */
function requestFor(route: RegisteredRoute): { path: string; body: Record<string, string> | undefined } {
  // A public route's parameter is a credential (e.g. a calendar-feed token): give it one nobody holds.
  const path = route.url.replace(/:(\w+)/g, (_match, param: string) => (route.access.kind === 'public' ? newSecretToken() : foreignId(route, param)));
  const body: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const key of Object.keys(route.access.kind === 'authenticated' ? (route.access.objects ?? {}) : {})) {
    if (key.startsWith('body.')) body[key.slice('body.'.length)] = foreignId(route, key);
    if (key.startsWith('query.')) query.set(key.slice('query.'.length), foreignId(route, key));
  }
  const search = query.toString();
  return { path: search ? `${path}?${search}` : path, body: route.method === 'GET' ? undefined : body };
}

/** What the policy says this role must get for an object outside its groups. */
function expected(route: RegisteredRoute, role: Role | null): 'open' | 401 | 403 | 404 {
  const access = route.access;
  // A credential nobody holds opens nothing, and says no more than "not found".
  if (access.kind === 'public') return /:\w/.test(route.url) ? 404 : 'open';
  if (!role) return 401;
  if (!ruleFor(role, access.resource, access.action)) return 403;
  const rule = ruleFor(role, access.resource, access.action);
  if (Object.keys(access.objects ?? {}).length > 0 && rule?.scope !== 'service') return 404;
  return 'open';
}

describe('access matrix: every route × every role × an object of another group', () => {
  it('has a route table that declares every parameter', () => {
    const table = t.app.routeTable;
    expect(table.length).toBeGreaterThanOrEqual(20);
    for (const route of table) expect(() => requestFor(route)).not.toThrow();
  });

  it('refuses anonymous callers on every non-public route with 401', async () => {
    for (const route of t.app.routeTable) {
      const { path, body } = requestFor(route);
      const response = await call(t.app, null, route.method, path, body);
      const want = expected(route, null);
      if (want === 'open') expect(response.statusCode, `${route.method} ${route.url}`).not.toBe(401);
      else expect(response.statusCode, `${route.method} ${route.url}`).toBe(want);
    }
  });

  for (const role of roles) {
    it(`answers ${role} exactly as the policy says, with 404 for objects outside their groups`, async () => {
      for (const route of t.app.routeTable) {
        // A fresh session per route: some routes (logout, revoke) end the one they are called with.
        const session = await directSession(callers()[role]);
        const { path, body } = requestFor(route);
        const response = await call(t.app, session, route.method, path, body);
        const want = expected(route, role);
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 120)}`;
        if (want === 'open') expect([401, 403, 404], label).not.toContain(response.statusCode);
        else expect(response.statusCode, label).toBe(want);
        if (want === 404 || want === 403) {
          expect(errorCodeOf(response.json()), label).toBe(want === 404 ? 'not_found' : 'forbidden');
        }
      }
    });
  }

  it('never ends another person’s session', async () => {
    const session = await t.database.db
      .selectFrom('auth_sessions')
      .select(['ended_at'])
      .where('id', '=', foreign.authSession ?? '')
      .executeTakeFirstOrThrow();
    expect(session.ended_at).toBeNull();
  });
});

describe('access: concrete expectations written by hand', () => {
  it('keeps clinicians and participants out of admin routes', async () => {
    for (const user of [world.clinicianA, world.participantA]) {
      const s = await directSession(user);
      expect((await call(t.app, s, 'GET', '/api/admin/users')).statusCode).toBe(403);
      expect((await call(t.app, s, 'GET', '/api/admin/audit')).statusCode).toBe(403);
      expect((await call(t.app, s, 'POST', '/api/admin/users', { email: 'x@y.z', displayName: 'X', role: 'admin' })).statusCode).toBe(403);
    }
  });

  it('hides group B from group A’s clinician and participant with 404', async () => {
    for (const user of [world.clinicianA, world.participantA]) {
      const s = await directSession(user);
      const response = await call(t.app, s, 'GET', `/api/groups/${world.groupB}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      const list = await call(t.app, s, 'GET', '/api/groups');
      expect(list.json().groups.map((g: { id: string }) => g.id)).toEqual([world.groupA]);
    }
  });

  it('answers a malformed or unknown group id exactly like a foreign one', async () => {
    const s = await directSession(world.clinicianA);
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' OR '1'='1"]) {
      const response = await call(t.app, s, 'GET', `/api/groups/${encodeURIComponent(id)}`);
      expect(response.statusCode).toBe(404);
    }
  });

  it('records denied attempts in the audit log', async () => {
    const s = await directSession(world.participantA);
    await call(t.app, s, 'GET', `/api/groups/${world.groupB}`);
    const row = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_user_id', '=', world.participantA.id)
      .where('outcome', '=', 'denied')
      .where('resource_id', '=', world.groupB)
      .where('action', '=', 'groups.get')
      .executeTakeFirst();
    // The matrix above leaves other denied rows for the same group (other routes): this one is the GET's.
    expect(row?.action).toBe('groups.get');
    expect(row?.outcome).toBe('denied');
  });
});
