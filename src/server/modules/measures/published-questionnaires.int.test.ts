import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

// Published PHQ-9 Questionnaires (NLM LHC-Forms, HL7 SDC; fixtures/published/SOURCE.md) imported
// through the API inherit Hearth's PHQ-9 rules: a participant's answers are scored to the total and
// item 9 raises the urgent alert. Bad Questionnaires are refused with nothing stored.

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/published/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const nlm = fixture('nlm-lhc-forms-phq9.questionnaire.json');
const hl7 = fixture('hl7-sdc-phq9.questionnaire.json');

let t: TestApp;
let world: World;
let admin: Session;
let lead: Session;
let member: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  [admin, lead, member] = await Promise.all([signIn(t, world.admin), signIn(t, world.clinicianA), signIn(t, world.participantA)]);
});
afterAll(async () => t?.close());

const instrumentRows = async () => (await t.database.db.selectFrom('instruments').select('id').execute()).length;
const urgentAlerts = async () =>
  (await call(t.app, lead, 'GET', '/api/alerts'))
    .json()
    .alerts.filter((a: { tier: string; participant: { id: string } }) => a.tier === 'urgent' && a.participant.id === world.participantA.id).length;

async function answerAndExpectAlert(code: string, version: number, answers: Record<string, number>, key: string) {
  const before = await urgentAlerts();
  const response = await call(t.app, member, 'POST', '/api/measures/responses', {
    instrumentCode: code,
    version,
    answers,
    idempotencyKey: key,
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toMatchObject({
    total: 10,
    band: 'Moderate',
    caseness: true,
    safety: { tier: 'urgent' },
  });
  expect(await urgentAlerts()).toBe(before + 1);
}

describe('published PHQ-9 Questionnaires', () => {
  it('the NLM LHC-Forms PHQ-9 imports, is recognised, scores a known response to 10 and raises the item 9 alert', async () => {
    const imported = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: nlm,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const body = imported.json();
    expect(body).toMatchObject({
      code: 'phq-9-quick-depression-assessment-panel',
      version: 1,
      publishedVersion: null,
      recognisedAs: 'phq-9',
    });
    expect(body.notes.map((n: { code: string }) => n.code)).toEqual(['unscored_item', 'known_instrument', 'calculated_item_recomputed']);
    const ids = ['/44250-9', '/44255-8', '/44259-0', '/44254-1', '/44251-7', '/44258-2', '/44252-5', '/44253-3', '/44260-8'];
    const values = [0, 0, 0, 1, 2, 1, 3, 2, 1];
    await answerAndExpectAlert(
      body.code,
      1,
      {
        ...Object.fromEntries(ids.map((id, i) => [id, values[i]!])),
        '/69722-7': 2,
      },
      'nlm-phq9-1',
    );
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'instruments.import')
      .where('actor_user_id', '=', world.admin.id)
      .execute();
    expect(audit.map((a) => String(a.detail))).toContainEqual(expect.stringContaining('"recognisedAs":"phq-9"'));
  });

  it('the HL7 SDC PHQ-9 imports with its contained value set and version 0.0.1, once; a response scores 10 and alerts', async () => {
    const imported = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: hl7,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({
      code: 'sdcphq9',
      version: 1,
      publishedVersion: '0.0.1',
      recognisedAs: 'phq-9',
    });
    const again = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: hl7,
    });
    expect(again.statusCode).toBe(409);
    const values = [0, 0, 0, 1, 2, 1, 3, 2, 1];
    await answerAndExpectAlert('sdcphq9', 1, Object.fromEntries(values.map((v, i) => [`H1/T1/Q${i + 1}`, v])), 'hl7-phq9-1');
    const next = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: { ...hl7, version: '0.0.2' },
    });
    expect(next.json()).toMatchObject({
      code: 'sdcphq9',
      version: 2,
      publishedVersion: '0.0.2',
    });
    const definition = (await call(t.app, lead, 'GET', '/api/instruments/definition?code=sdcphq9&version=1')).json();
    expect(definition.items[0].options[0]).toMatchObject({
      value: 0,
      code: {
        system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/CSPHQ9',
        code: 'Not-at-all',
      },
    });
  });

  it('exports an imported instrument with its answer codes and an SDC total item', async () => {
    const q = (await call(t.app, admin, 'GET', '/api/instruments/questionnaire?code=sdcphq9&version=1')).json();
    expect(q.item[1].answerOption[0].valueCoding).toMatchObject({
      system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/CSPHQ9',
      code: 'Not-at-all',
    });
    const total = q.item.at(-1);
    expect(total).toMatchObject({
      linkId: 'total',
      readOnly: true,
      code: [{ system: 'http://loinc.org', code: '44261-6' }],
    });
    expect(JSON.stringify(total.extension)).toContain('sdc-questionnaire-calculatedExpression');
  });

  it('flags an unknown instrument without alert rules to the importer', async () => {
    const option = (v: number) => ({
      valueCoding: {
        system: 'http://example.org/answers',
        code: `a${v}`,
        display: `Answer ${v}`,
      },
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
          valueDecimal: v,
        },
      ],
    });
    const q = {
      resourceType: 'Questionnaire',
      status: 'active',
      name: 'LocalWellbeing',
      title: 'Local wellbeing check',
      version: 'Spring 2026 edition',
      copyright: '© The service',
      item: [
        {
          linkId: 'w1',
          type: 'choice',
          text: 'How are you?',
          answerOption: [0, 1, 2].map(option),
        },
      ],
    };
    const imported = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: q,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({
      code: 'localwellbeing',
      publishedVersion: 'Spring 2026 edition',
      recognisedAs: null,
      notes: [
        {
          code: 'no_alert_rules',
          message: expect.stringContaining('no answer to it will raise a safety alert'),
        },
      ],
    });
  });
});

describe('bad Questionnaires: clear 4xx, nothing stored', () => {
  it('refuses 10,000 items, an unknown resource type, malformed FHIR and malformed JSON', async () => {
    const before = await instrumentRows();
    const huge = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: Array.from({ length: 10_000 }, (_, i) => ({
        linkId: `${i}`,
        type: 'choice',
      })),
    };
    const tooBig = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: huge,
    });
    expect([tooBig.statusCode, tooBig.json().error.code]).toEqual([413, 'payload_too_large']);
    // Under the body limit but over the item limit: refused by the import itself.
    const many = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: Array.from({ length: 1500 }, (_, i) => ({
        linkId: `${i}`,
        type: 'choice',
      })),
    };
    const tooMany = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: many,
    });
    expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([413, 'payload_too_large']);
    expect(tooMany.json().error.message).toContain('more than 1000 items');
    const patient = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: { resourceType: 'Patient', id: 'p1' },
    });
    expect([patient.statusCode, patient.json().error.code]).toEqual([422, 'invalid_definition']);
    expect(patient.json().error.details).toEqual([
      {
        path: 'resourceType',
        message: 'Hearth imports FHIR Questionnaire resources; this is a Patient.',
      },
    ]);
    const malformed = await call(t.app, admin, 'POST', '/api/instruments', {
      questionnaire: { ...hl7, status: 'published', item: 'none' },
    });
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([422, 'invalid_definition']);
    expect(malformed.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['status', 'item']));
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/instruments',
      payload: '{"questionnaire": {"resourceType": "Questionnaire",',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/json',
      },
    });
    expect([badJson.statusCode, badJson.json().error.code]).toEqual([400, 'malformed_json']);
    expect(await instrumentRows()).toBe(before);
    const noSchema = await call(t.app, admin, 'POST', '/api/instruments', { questionnaire: nlm, extra: true });
    expect([noSchema.statusCode, noSchema.json().error.code]).toEqual([400, 'validation_failed']);
    // Every refusal is audited with its code and who sent it: the import's own (past the body
    // parser and schema) and, since session 13, those before the handler — a body too large for
    // the server (the 10,000 items), not JSON, or not the schema (route option auditRefusals).
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select(['detail', 'actor_user_id'])
      .where('action', '=', 'instruments.import')
      .where('outcome', '=', 'failure')
      .execute();
    const codes = audited.map((row) => JSON.parse(row.detail ?? '{}').code as string);
    expect(codes.filter((c) => c === 'payload_too_large')).toHaveLength(2);
    expect(codes).toEqual(expect.arrayContaining(['invalid_definition', 'malformed_json', 'validation_failed']));
    expect(new Set(audited.map((row) => row.actor_user_id))).toEqual(new Set([world.admin.id]));
  });

  it('writes no audit row for a signed-out request with a bad body (no flood of anonymous rows)', async () => {
    const count = async (): Promise<number> =>
      Number(
        (
          await t.database.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'instruments.import')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/instruments', payload: '{"questionnaire":', headers: { 'content-type': 'application/json' } });
    expect(anonymous.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lets only admins import: a clinician 403, anyone signed out 401', async () => {
    const before = await instrumentRows();
    expect(
      (
        await call(t.app, lead, 'POST', '/api/instruments', {
          questionnaire: nlm,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(t.app, member, 'POST', '/api/instruments', {
          questionnaire: nlm,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(t.app, null, 'POST', '/api/instruments', {
          questionnaire: nlm,
        })
      ).statusCode,
    ).toBe(401);
    expect(await instrumentRows()).toBe(before);
  });
});
