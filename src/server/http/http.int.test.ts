import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { call, createUser, signIn, type Session } from '../testing/fixtures.js';
import { createTestApp, testDatabaseKind, type TestApp } from '../testing/test-app.js';

// The HTTP shell around every route: health, the OpenAPI document, security headers and the
// one error shape, including what an unexpected failure inside the server looks like.

// Two configurations, each with its own app: the defaults, and behind a TLS proxy (HSTS).
let t: TestApp;
let admin: Session;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** CSP directives by name, e.g. `{ 'script-src': ["'self'"] }`. */
function cspDirectives(response: LightMyRequestResponse): Record<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  const directives: Record<string, string[]> = {};
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values;
  }
  return directives;
}

function expectSecurityHeaders(response: LightMyRequestResponse, label: string): void {
  const csp = cspDirectives(response);
  expect(csp['default-src'], label).toEqual(["'self'"]);
  expect(csp['script-src'], label).toBeDefined();
  expect(csp['script-src'], label).not.toContain("'unsafe-inline'");
  expect(csp['script-src'], label).not.toContain("'unsafe-eval'");
  expect(csp['frame-ancestors'], label).toEqual(["'none'"]);
  expect(csp['object-src'], label).toEqual(["'none'"]);
  expect(response.headers['x-content-type-options'], label).toBe('nosniff');
  expect(response.headers['referrer-policy'], label).toBe('no-referrer');
  expect(response.headers['x-frame-options'], label).toBe('DENY');
  expect(response.headers['x-powered-by'], label).toBeUndefined();
}

/** Asserts the generic 500: a stable code, a plain message and a request id, nothing internal. */
function expectGenericInternalError(response: LightMyRequestResponse, leaks: string[]): void {
  expect(response.statusCode).toBe(500);
  const body = response.json() as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'requestId']);
  expect(body.error.code).toBe('internal');
  expect(body.error.message).toMatch(/^Something went wrong on our side/);
  expect(body.error.requestId).toMatch(UUID);
  for (const leak of ['stack', 'at ', '.ts:', 'node_modules', ...leaks]) {
    expect(response.body.toLowerCase(), `500 body leaks "${leak}"`).not.toContain(leak.toLowerCase());
  }
}

async function expectHealthy(): Promise<void> {
  const response = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(response.statusCode).toBe(200);
}

describe('with the default configuration', () => {
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t, await createUser(t, 'admin'));
  });

  afterAll(async () => t?.close());

  describe('GET /api/health', () => {
    it('answers ok with the database this run uses', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = response.json();
      expect(body).toMatchObject({ status: 'ok', database: testDatabaseKind() });
      expect(body.version).toEqual(expect.any(String));
      expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    });

    it('needs no sign-in and sets no cookie', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('API documentation', () => {
    it('serves an OpenAPI 3 document that lists every registered route under its id', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const doc = response.json() as {
        openapi: string;
        info: { title: string };
        paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
      };
      expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(doc.info.title).toBe('Hearth API');

      const table = t.app.routeTable;
      expect(table.length).toBeGreaterThanOrEqual(20);
      for (const route of table) {
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        const operation = doc.paths[path]?.[route.method.toLowerCase()];
        expect(operation, `${route.method} ${path} is not documented`).toBeDefined();
        expect(operation?.operationId, `${route.method} ${path}`).toBe(route.id);
        // Signed-in routes say so (writes need the CSRF header too); public ones say they need nothing.
        if (route.access.kind === 'public') expect(operation?.security, route.id).toEqual([]);
        else if (route.method === 'GET') expect(operation?.security, route.id).toEqual([{ sessionCookie: [] }]);
        else expect(operation?.security, route.id).toEqual([{ sessionCookie: [], csrfToken: [] }]);
      }

      // Nothing documented that is not in the route table, and no operation id used twice.
      const documented = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
      expect(documented).toHaveLength(table.length);
      expect(new Set(documented).size).toBe(documented.length);
    });

    it('serves the interactive docs as HTML under the same security headers', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('swagger-ui');
      expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expectSecurityHeaders(response, 'GET /api/docs');
    });
  });

  describe('security headers', () => {
    it('are strict on an API response', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      expectSecurityHeaders(response, 'GET /api/health');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['permissions-policy']).toContain('camera=()');
      // API answers may carry health information: never kept by browsers or shared caches.
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('are strict on a page of the web app', async () => {
      // Without a web build the page answers 503; the headers are the same either way.
      const response = await t.app.inject({ method: 'GET', url: '/groups/some-group' });
      expect([200, 503]).toContain(response.statusCode);
      expectSecurityHeaders(response, 'GET /groups/some-group');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });

    it('are strict on error responses too', async () => {
      const responses = [
        await t.app.inject({ method: 'GET', url: '/api/does-not-exist' }),
        await t.app.inject({ method: 'GET', url: '/api/me' }),
        await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
      ];
      expect(responses.map((r) => r.statusCode)).toEqual([404, 401, 400]);
      for (const response of responses) {
        expectSecurityHeaders(response, `${response.statusCode} response`);
        expect(response.headers['cache-control']).toBe('no-store');
      }
    });
  });

  describe('errors', () => {
    it('answers an unknown /api path with 404 not_found for every method, never the web app', async () => {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const response = await call(t.app, admin, method, '/api/no/such/thing', method === 'GET' ? undefined : {});
        expect(response.statusCode, method).toBe(404);
        expect(response.headers['content-type'], method).toMatch(/^application\/json/);
        const body = response.json();
        expect(body.error.code, method).toBe('not_found');
        expect(body.error.message, method).toEqual(expect.any(String));
        expect(body.error.requestId, method).toMatch(UUID);
      }
    });

    it('answers URLs the router cannot read in the same shape, without echoing them', async () => {
      const longId = 'a'.repeat(300);
      const cases: [string, number, string, string][] = [
        ['/api/groups/%E0%A4%A', 400, 'bad_request', '%E0'],
        [`/api/groups/${longId}`, 404, 'not_found', longId],
        [`/api/me/sessions/${longId}`, 404, 'not_found', longId],
      ];
      for (const [url, status, code, echo] of cases) {
        const response = await call(t.app, admin, 'GET', url);
        expect(response.statusCode, url).toBe(status);
        const body = response.json();
        expect(Object.keys(body), url).toEqual(['error']);
        expect(body.error.code, url).toBe(code);
        expect(body.error.requestId, url).toMatch(UUID);
        expect(response.body, url).not.toContain(echo);
        // Sent before any hook runs, yet still locked down.
        expect(cspDirectives(response)['frame-ancestors'], url).toEqual(["'none'"]);
        expect(response.headers['x-content-type-options'], url).toBe('nosniff');
        expect(response.headers['cache-control'], url).toBe('no-store');
      }
      await expectHealthy();
    });

    it('answers a method a route does not have with 404, not the handler of another method', async () => {
      const response = await t.app.inject({ method: 'DELETE', url: '/api/health' });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    });

    it('turns a stored value that no longer parses into a generic 500, not a client error', async () => {
      // A damaged audit row (written directly: the API cannot produce one) makes the audit
      // presenter's JSON.parse throw a SyntaxError deep inside a GET that has no body at all.
      await t.database.db
        .insertInto('audit_events')
        .values({
          id: newId(),
          at: t.clock.now().toISOString(),
          actor_user_id: null,
          actor_role: null,
          action: 'test.damaged_row',
          resource_type: null,
          resource_id: null,
          group_id: null,
          outcome: 'success',
          request_id: null,
          ip: null,
          detail: '{"unterminated": SECRET-INTERNAL-DETAIL',
        })
        .execute();
      const response = await call(t.app, admin, 'GET', '/api/admin/audit?action=test.damaged_row');
      expectGenericInternalError(response, ['SyntaxError', 'JSON', 'SECRET-INTERNAL-DETAIL', 'unterminated']);
      await expectHealthy();
    });

    it('turns a database failure into a generic 500 without the SQL error, and recovers', async () => {
      // A real failure from the database driver: the table a query needs is briefly not there.
      const before = await call(t.app, admin, 'GET', '/api/groups');
      expect(before.statusCode).toBe(200);
      await sql`alter table programmes rename to programmes_moved_by_test`.execute(t.database.db);
      try {
        const response = await call(t.app, admin, 'GET', '/api/groups');
        expectGenericInternalError(response, ['programmes', 'no such table', 'relation', 'select', 'sqlite', 'postgres']);
        await expectHealthy();
      } finally {
        await sql`alter table programmes_moved_by_test rename to programmes`.execute(t.database.db);
      }
      const after = await call(t.app, admin, 'GET', '/api/groups');
      expect(after.statusCode).toBe(200);
    });
  });
});

describe('behind a TLS-terminating proxy', () => {
  let behindProxy: TestApp;

  beforeAll(async () => {
    behindProxy = await createTestApp({ HEARTH_BEHIND_TLS_PROXY: 'true' });
  });

  afterAll(async () => behindProxy?.close());

  it('adds HSTS to API responses and pages, keeping every other header', async () => {
    for (const url of ['/api/health', '/groups', '/api/does-not-exist']) {
      const response = await behindProxy.app.inject({ method: 'GET', url });
      expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expectSecurityHeaders(response, `behind proxy ${url}`);
    }
  });
});
