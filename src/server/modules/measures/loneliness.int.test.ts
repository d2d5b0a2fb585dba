import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

// Loneliness measures: the ONS question ships built in; the UCLA-3 is imported by a service that
// holds permission, through the ordinary Questionnaire import (its definition is a test fixture).

const uclaQuestionnaire = JSON.parse(readFileSync(new URL('./fixtures/ucla-3.questionnaire.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let t: TestApp;
let world: World;
let lead: Session;
let member: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  [lead, member, admin] = await Promise.all([signIn(t, world.clinicianA), signIn(t, world.participantA), signIn(t, world.admin)]);
});
afterAll(async () => t?.close());

describe('the ONS loneliness question', () => {
  it('is built in with its wording, scale and Open Government Licence credit', async () => {
    const list = (await call(t.app, lead, 'GET', '/api/instruments')).json().instruments;
    expect(list).toContainEqual(expect.objectContaining({ code: 'ons-loneliness', kind: 'validated', source: 'builtin', items: 1 }));
    const definition = (await call(t.app, member, 'GET', '/api/instruments/definition?code=ons-loneliness')).json();
    expect(definition.items[0].text).toBe('How often do you feel lonely?');
    expect(definition.items[0].options.map((o: { label: string }) => o.label)).toEqual(['Often/always', 'Some of the time', 'Occasionally', 'Hardly ever', 'Never']);
    expect(definition.copyright).toContain('Open Government Licence v3.0');
    const fhir = (await call(t.app, lead, 'GET', '/api/instruments/questionnaire?code=ons-loneliness')).json();
    expect(fhir).toMatchObject({ resourceType: 'Questionnaire', copyright: expect.stringContaining('Office for National Statistics') });
  });

  it('is scheduled like the others, falls due and is scored (higher = lonelier)', async () => {
    expect((await call(t.app, lead, 'POST', `/api/groups/${world.groupA}/measure-schedules`, { instrumentCode: 'ons-loneliness', trigger: 'enrolment' })).statusCode).toBe(201);
    const due = (await call(t.app, member, 'GET', '/api/me/measures/due')).json().due;
    const request = due.find((d: { code: string }) => d.code === 'ons-loneliness');
    expect(request).toMatchObject({ reason: 'enrolment' });
    const answered = await call(t.app, member, 'POST', '/api/measures/responses', {
      instrumentCode: 'ons-loneliness',
      version: 1,
      answers: { 'ons-lonely': 4 },
      idempotencyKey: 'ons-answer-1',
      requestId: request.requestId,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const row = await t.database.db.selectFrom('measure_responses').select(['total', 'band']).where('instrument_code', '=', 'ons-loneliness').executeTakeFirstOrThrow();
    expect([Number(row.total), row.band]).toEqual([4, 'Occasionally or some of the time']);
    const wrong = await call(t.app, member, 'POST', '/api/measures/responses', {
      instrumentCode: 'ons-loneliness',
      version: 1,
      answers: { 'ons-lonely': 6 },
      idempotencyKey: 'ons-answer-2',
    });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrong.statusCode).toBeLessThan(500);
  });
});

describe('the UCLA-3 loneliness scale (imported, not built in)', () => {
  it('is not shipped built in', async () => {
    const list = (await call(t.app, admin, 'GET', '/api/instruments')).json().instruments;
    expect(list.map((i: { code: string }) => i.code)).not.toContain('ucla-3');
  });

  it('imports through the Questionnaire import with its licence note, and is scored 3–9', async () => {
    const imported = await call(t.app, admin, 'POST', '/api/instruments', { questionnaire: uclaQuestionnaire });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ code: 'ucla-3', version: 1, recognisedAs: null });
    const definition = (await call(t.app, admin, 'GET', '/api/instruments/definition?code=ucla-3')).json();
    expect(definition.licenceNote).toMatch(/Not shipped by Hearth/);
    expect(definition.copyright).toMatch(/Hughes ME.*2004/);
    expect(definition.items.map((i: { text: string }) => i.text)).toEqual([
      'How often do you feel that you lack companionship?',
      'How often do you feel left out?',
      'How often do you feel isolated from others?',
    ]);
    expect((await call(t.app, admin, 'GET', '/api/instruments')).json().instruments).toContainEqual(expect.objectContaining({ code: 'ucla-3', source: 'imported' }));
    const answered = await call(t.app, member, 'POST', '/api/measures/responses', {
      instrumentCode: 'ucla-3',
      version: 1,
      answers: { 'ucla3-1': 2, 'ucla3-2': 3, 'ucla3-3': 2 },
      idempotencyKey: 'ucla-answer-1',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const row = await t.database.db.selectFrom('measure_responses').select(['total', 'band', 'caseness']).where('instrument_code', '=', 'ucla-3').executeTakeFirstOrThrow();
    expect([Number(row.total), row.band, Number(row.caseness)]).toEqual([7, 'Lonely', 1]);
    // The same Questionnaire again is a conflict, and a clinician cannot import at all.
    expect((await call(t.app, admin, 'POST', '/api/instruments', { questionnaire: uclaQuestionnaire })).statusCode).toBe(409);
    expect((await call(t.app, lead, 'POST', '/api/instruments', { questionnaire: uclaQuestionnaire })).statusCode).toBe(403);
  });
});
