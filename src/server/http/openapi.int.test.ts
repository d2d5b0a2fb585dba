import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signIn, type World } from '../testing/fixtures.js';
import { responseMismatch } from '../testing/response-validation.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Doc = Parameters<typeof responseMismatch>[0] & {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, { operationId: string; security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

let t: TestApp;
let world: World;
let doc: Doc;

beforeAll(async () => {
  t = await createTestApp({ HEARTH_PUBLIC_URL: 'https://hearth.example.org' });
  world = await createWorld(t);
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Doc>();
});
afterAll(async () => t.close());

const operations = () => Object.entries(doc.paths).flatMap(([url, methods]) => Object.entries(methods).map(([method, op]) => ({ url, method, op })));

describe('the OpenAPI document', () => {
  it('passes Redocly with the checked-in configuration: no errors, and only the known warnings', async () => {
    const config = await createConfig({}, { configPath: path.join(root, 'redocly.yaml') });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: path.join(root, 'openapi.json'), config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(errors).toEqual([]);
    // The only warnings: public routes that refuse nothing (health, liveness, readiness, this document) have no 4xx to declare.
    const warnings = problems.filter((p) => p.severity === 'warn').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`);
    expect(warnings.every((w) => w.startsWith('operation-4xx-response '))).toBe(true);
    expect(warnings.length).toBeLessThanOrEqual(4);
  });

  it('is OpenAPI 3.1 with the service as its server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://hearth.example.org' })]);
  });

  it('declares the error shape for every refusal the route mechanism can give', () => {
    const responses = (id: string) => operations().find((o) => o.op.operationId === id)?.op.responses ?? {};
    // A signed-in write naming an object: validation, sign-in, CSRF and role, scope, Idempotency-Key.
    expect(Object.keys(responses('goals.checkin'))).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '415', '5XX']));
    // A public read with no input refuses nothing but server errors.
    expect(Object.keys(responses('health.live'))).toEqual(['200', '5XX']);
    for (const { url, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (status.startsWith('4') || status.startsWith('5')) {
          // The FHIR API refuses as FHIR does: an OperationOutcome (http/error-handler.ts sends it).
          const expected = url.startsWith('/api/fhir/')
            ? { 'application/fhir+json': { schema: { $ref: '#/components/schemas/OperationOutcome' } } }
            : { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
          expect(response.content, `${op.operationId} ${status}`).toEqual(expected);
        }
      }
    }
    expect(operations().filter((o) => o.url.startsWith('/api/fhir/')).length).toBeGreaterThanOrEqual(6);
  });

  it('declares 204 for routes that answer nothing, and the media type of every file', () => {
    const responses = (id: string) => operations().find((o) => o.op.operationId === id)?.op.responses ?? {};
    expect(responses('auth.logout')['204']).toEqual({ description: 'No Content' });
    expect(responses('auth.logout')['200']).toBeUndefined();
    expect(Object.keys(responses('exports.billing')['200']?.content ?? {})).toEqual(['text/csv']);
    expect(Object.keys(responses('exports.billing.xlsx')['200']?.content ?? {})).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(Object.keys(responses('calendar.feed.read')['200']?.content ?? {})).toEqual(['text/calendar']);
    expect(Object.keys(responses('fhir.participant.bundle')['200']?.content ?? {})).toEqual(['application/fhir+json']);
  });

  it('admits null where a nullable field is null (OpenAPI 3.1: no enum that forbids it)', () => {
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
    // The sign-in answer's role is an enum; a field that may be null next to it must admit null.
    const me = doc.paths['/api/me']?.get?.responses['200']?.content?.['application/json'] as { schema: unknown } | undefined;
    expect(me).toBeDefined();
    const nullableEnums = JSON.stringify(doc).match(/"anyOf":\[\{"type":"string","enum":\[[^\]]*\]\},\{"type":"null"\}\]/g) ?? [];
    expect(nullableEnums.length).toBeGreaterThan(0);
  });
});

describe('response validation against the document (the test harness checks every answer)', () => {
  it('accepts a real answer and refuses one whose body, status or media type the document does not declare', async () => {
    const session = await signIn(t, world.clinicianA);
    const real = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(responseMismatch(doc, 'GET', '/api/me', 200, String(real.headers['content-type']), real.body)).toBeNull();

    const body = JSON.parse(real.body) as Record<string, unknown>;
    expect(responseMismatch(doc, 'GET', '/api/me', 200, 'application/json', JSON.stringify({ ...body, role: 'superuser' }))).toMatch(/does not match the declared schema/);
    expect(responseMismatch(doc, 'GET', '/api/me', 418, 'application/json', '{}')).toMatch(/answered 418, which it does not declare/);
    expect(responseMismatch(doc, 'GET', '/api/me', 200, 'text/html', '<p>')).toMatch(/as text\/html, not one it declares/);
    expect(responseMismatch(doc, 'POST', '/api/auth/logout', 204, undefined, '')).toBeNull();
    expect(responseMismatch(doc, 'POST', '/api/auth/logout', 204, 'application/json', '{"ok":true}')).toMatch(/declares none/);
    // Refusals are checked against the shared error shape.
    expect(responseMismatch(doc, 'GET', '/api/me', 401, 'application/json', '{"error":{"code":"unauthenticated","message":"Please sign in."}}')).toBeNull();
    expect(responseMismatch(doc, 'GET', '/api/me', 401, 'application/json', '{"message":"no"}')).toMatch(/does not match/);
  });

  it('checks a FHIR API refusal as the OperationOutcome it is, and refuses Hearth’s JSON error shape there', async () => {
    const session = await signIn(t, world.clinicianA);
    const refused = await t.app.inject({ method: 'GET', url: '/api/fhir/$export', headers: { cookie: session.cookie, prefer: 'respond-async' } });
    expect(refused.statusCode).toBe(403);
    expect(responseMismatch(doc, 'GET', '/api/fhir/$export', 403, String(refused.headers['content-type']), refused.body)).toBeNull();
    expect(responseMismatch(doc, 'GET', '/api/fhir/$export', 403, 'application/json', refused.body)).toMatch(
      /as application\/json, not one it declares \(application\/fhir\+json\)/,
    );
    expect(responseMismatch(doc, 'GET', '/api/fhir/$export', 403, 'application/fhir+json', '{"error":{"code":"forbidden","message":"no"}}')).toMatch(
      /does not match the declared schema/,
    );
    // A Hearth route outside the FHIR API keeps Hearth's error body.
    const outside = await t.app.inject({ method: 'GET', url: '/api/enrolments/nothing-here/fhir', headers: { cookie: session.cookie } });
    expect(outside.statusCode).toBe(404);
    expect(responseMismatch(doc, 'GET', '/api/enrolments/:enrolmentId/fhir', 404, String(outside.headers['content-type']), outside.body)).toBeNull();
  });
});
