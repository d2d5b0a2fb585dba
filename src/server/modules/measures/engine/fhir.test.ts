import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENTS, GAD_2, PHQ_9, SESSION_CHECK_IN } from '../../../../shared/instruments/builtins/index.js';
import {
  HEARTH_MEASURES_SYSTEM,
  HEARTH_SCORING_EXTENSION,
  LOINC_SYSTEM,
  ORDINAL_VALUE_EXTENSION,
  fromFhirQuestionnaire,
  toFhirQuestionnaire,
  toObservation,
  toQuestionnaireResponse,
} from './fhir.js';
import { fhirProblems, type Questionnaire } from './fhir-types.js';
import { scoreResponse, type ScoredResponse } from './score.js';
import { fhirSchemaProblems } from '../../../testing/fhir-schema.js';

const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

function phq9Answers(item9: number, missing?: string): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  for (let i = 1; i <= 8; i += 1) answers[`phq9-${i}`] = i % 4;
  answers['phq9-9'] = item9;
  answers['phq9-difficulty'] = 2;
  if (missing) answers[missing] = null;
  return answers;
}

function scorePhq9(answers: Record<string, number | null>): ScoredResponse {
  const result = scoreResponse(PHQ_9, { version: 1, answers });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('toFhirQuestionnaire', () => {
  it.each(BUILTIN_INSTRUMENTS.map((d) => [d.id, d] as const))('%s conforms to R4', (_id, definition) => {
    const questionnaire = toFhirQuestionnaire(definition);
    expect(fhirProblems(questionnaire)).toEqual([]);
    expect(fhirSchemaProblems(questionnaire)).toEqual([]);
    expect(questionnaire).toMatchObject({
      resourceType: 'Questionnaire',
      status: 'active',
      version: String(definition.version),
      copyright: definition.copyright,
    });
  });

  it('exports PHQ-9 with LOINC codes and ordinal values', () => {
    const q = toFhirQuestionnaire(PHQ_9);
    expect(q.url).toBe('https://hearth.example/fhir/Questionnaire/phq-9');
    expect(q.name).toBe('Phq9');
    expect(q.code).toEqual([{ system: LOINC_SYSTEM, code: '44249-1' }]);
    expect(q.item?.[0]).toEqual({ linkId: 'stem', type: 'display', text: PHQ_9.stem });
    const item9 = q.item?.find((item) => item.linkId === 'phq9-9');
    expect(item9).toMatchObject({ type: 'choice', required: true, code: [{ system: LOINC_SYSTEM, code: '44260-8' }] });
    expect(item9?.answerOption?.[1]).toEqual({
      valueCoding: {
        system: LOINC_SYSTEM,
        code: 'LA6569-3',
        display: 'Several days',
        extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: 1 }],
      },
    });
    const scoring = JSON.parse(q.extension?.find((e) => e.url === HEARTH_SCORING_EXTENSION)?.valueString ?? '{}') as Record<string, unknown>;
    expect(scoring).toMatchObject({
      format: 'hearth-scoring/1',
      loincTotal: '44261-6',
      caseness: { threshold: 10 },
      reliableChange: { threshold: 6 },
    });
  });

  it('uses the local code system where there is no LOINC code', () => {
    const q = toFhirQuestionnaire(SESSION_CHECK_IN);
    expect(q.code).toEqual([{ system: HEARTH_MEASURES_SYSTEM, code: 'session-check-in', display: SESSION_CHECK_IN.title }]);
    expect(q.item?.[1]?.answerOption?.[0]?.valueCoding).toMatchObject({
      system: HEARTH_MEASURES_SYSTEM,
      code: 'session-check-in/feel/0',
    });
  });
});

describe('fromFhirQuestionnaire', () => {
  it.each(BUILTIN_INSTRUMENTS.map((d) => [d.id, d] as const))('%s round-trips through FHIR JSON unchanged', (_id, definition) => {
    const result = fromFhirQuestionnaire(viaJson(toFhirQuestionnaire(definition)));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.definition).toEqual(definition);
  });

  it('refuses what is not a Questionnaire', () => {
    expect(fromFhirQuestionnaire({ resourceType: 'Patient' })).toMatchObject({
      ok: false,
      errors: [{ path: 'resourceType', code: 'fhir_unsupported', message: 'Hearth imports FHIR Questionnaire resources; this is a Patient.' }],
    });
    expect(fromFhirQuestionnaire(null)).toMatchObject({ ok: false, errors: [{ path: '', code: 'fhir_invalid' }] });
    expect(fromFhirQuestionnaire([{ resourceType: 'Questionnaire' }])).toMatchObject({ ok: false, errors: [{ code: 'fhir_invalid' }] });
  });

  it('reports a scoring extension that names an item the Questionnaire lacks', () => {
    const q = toFhirQuestionnaire(GAD_2);
    q.item = q.item?.filter((item) => item.linkId !== 'gad2-2');
    expect(fromFhirQuestionnaire(q)).toEqual({
      ok: false,
      errors: [
        {
          path: 'extension.0.valueString.items.1.linkId',
          code: 'unknown_item',
          message: 'The scoring extension refers to item "gad2-2", which the Questionnaire does not have.',
        },
      ],
    });
  });

  it('reports overlapping bands from the extension as definition errors', () => {
    const q = toFhirQuestionnaire(GAD_2);
    const ext = q.extension![0]!;
    const payload = JSON.parse(ext.valueString!) as { bands: { min: number }[] };
    payload.bands[1]!.min = 2;
    ext.valueString = JSON.stringify(payload);
    expect(fromFhirQuestionnaire(q)).toMatchObject({ ok: false, errors: [{ path: 'bands.1', code: 'band_overlap' }] });
  });

  it('refuses broken extension JSON, unscorable items and an answer without a score where others have one', () => {
    const broken = toFhirQuestionnaire(GAD_2);
    broken.extension![0]!.valueString = '{not json';
    broken.version = '';
    broken.item!.push({ linkId: 'comment', type: 'text', text: 'Anything else?' });
    delete broken.item![1]!.answerOption![0]!.valueCoding!.extension;
    const result = fromFhirQuestionnaire(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.path, e.code])).toEqual([
        ['extension.0.valueString', 'fhir_invalid'],
        ['item.4.type', 'fhir_unsupported'],
        ['item.1.answerOption.0', 'fhir_unsupported'],
        ['version', 'fhir_invalid'],
      ]);
    }
  });

  it('imports a third-party Questionnaire, taking what FHIR lacks from overrides', () => {
    const questionnaire: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'draft',
      name: 'ThreeItemScale',
      title: 'Three item scale',
      copyright: '© Its authors; used under the service licence.',
      item: [
        { linkId: 'intro', type: 'display', text: 'How often do you feel…' },
        {
          linkId: 'grp',
          type: 'group',
          item: ['1', '2', '3'].map((n) => ({
            linkId: `/x-${n}`,
            type: 'choice' as const,
            text: `Statement ${n}`,
            answerOption: [
              {
                valueCoding: { code: 'a', display: 'Hardly ever' },
                extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: 1 }],
              },
              {
                valueCoding: { code: 'b', display: 'Some of the time' },
                extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: 2 }],
              },
              {
                valueCoding: { code: 'c', display: 'Often' },
                extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: 3 }],
              },
            ],
          })),
        },
      ],
    };
    // Without overrides the published copyright element is the licence note.
    expect(fromFhirQuestionnaire(questionnaire)).toMatchObject({ ok: true, definition: { licenceNote: questionnaire.copyright } });
    expect(fromFhirQuestionnaire({ ...questionnaire, copyright: undefined })).toMatchObject({ ok: false, errors: [{ path: 'copyright', code: 'fhir_unsupported' }] });
    const result = fromFhirQuestionnaire(questionnaire, {
      licenceNote: 'The service holds a licence (ref. 2024-17).',
      bands: [
        { min: 3, max: 5, label: 'Not lonely', severity: 0 },
        { min: 6, max: 9, label: 'Lonely', severity: 1 },
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      definition: {
        id: 'threeitemscale',
        version: 1,
        stem: 'How often do you feel…',
        kind: 'validated',
        scoring: { method: 'sum', range: { min: 3, max: 9 }, missing: { maxMissing: 0, rule: 'fail' } },
        items: [{ linkId: '/x-1', options: [{ value: 1, label: 'Hardly ever' }, {}, {}], scored: true, required: false }, {}, {}],
      },
    });
  });
});

describe('toQuestionnaireResponse', () => {
  it('writes each answered item with its coding and score, and leaves out unanswered ones', () => {
    const answers = phq9Answers(1, 'phq9-3');
    const qr = toQuestionnaireResponse(PHQ_9, answers, {
      id: 'qr-1',
      subject: 'Patient/p-1',
      authored: '2024-05-01T09:30:00+01:00',
    });
    expect(fhirProblems(qr)).toEqual([]);
    expect(fhirSchemaProblems(qr)).toEqual([]);
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: 'https://hearth.example/fhir/Questionnaire/phq-9|1',
    });
    expect(qr.item?.map((i) => i.linkId)).not.toContain('phq9-3');
    expect(qr.item).toHaveLength(9);
    expect(qr.item?.find((i) => i.linkId === 'phq9-9')?.answer).toEqual([
      {
        valueCoding: {
          system: LOINC_SYSTEM,
          code: 'LA6569-3',
          display: 'Several days',
          extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: 1 }],
        },
      },
    ]);
  });

  it('refuses answers that were not validated', () => {
    expect(() => toQuestionnaireResponse(PHQ_9, { 'phq9-1': 4 }, { subject: 'Patient/p', authored: '2024-05-01' })).toThrow(RangeError);
    expect(() => toQuestionnaireResponse(PHQ_9, { nope: 1 }, { subject: 'Patient/p', authored: '2024-05-01' })).toThrow(RangeError);
  });
});

describe('toObservation', () => {
  const meta = {
    id: 'obs-1',
    subject: 'Patient/p-1',
    effectiveDateTime: '2024-05-01T09:30:00Z',
    questionnaireResponse: 'QuestionnaireResponse/qr-1',
  };

  it('records the PHQ-9 total as a survey Observation derived from the response', () => {
    const result = scorePhq9(phq9Answers(1));
    const observation = toObservation(PHQ_9, result, meta);
    expect(fhirProblems(observation)).toEqual([]);
    expect(fhirSchemaProblems(observation)).toEqual([]);
    expect(observation).toEqual({
      resourceType: 'Observation',
      id: 'obs-1',
      status: 'final',
      category: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
        },
      ],
      code: { coding: [{ system: LOINC_SYSTEM, code: '44261-6' }], text: 'PHQ-9 total score' },
      subject: { reference: 'Patient/p-1' },
      effectiveDateTime: '2024-05-01T09:30:00Z',
      valueInteger: result.total,
      interpretation: [
        {
          coding: [
            {
              system: HEARTH_MEASURES_SYSTEM,
              code: `phq-9/band/${result.band?.severity}`,
              display: result.band?.label,
            },
          ],
          text: result.band?.label,
        },
      ],
      derivedFrom: [{ reference: 'QuestionnaireResponse/qr-1' }],
    });
  });

  it('uses valueQuantity and a note for a prorated fractional total', () => {
    const result = scorePhq9(phq9Answers(0, 'phq9-2'));
    expect(result.total % 1).not.toBe(0);
    const observation = toObservation(PHQ_9, result, meta);
    expect(fhirProblems(observation)).toEqual([]);
    expect(fhirSchemaProblems(observation)).toEqual([]);
    expect(observation.valueQuantity).toEqual({
      value: result.total,
      unit: '{score}',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    });
    expect(observation.valueInteger).toBeUndefined();
    expect(observation.note).toEqual([{ text: 'Prorated: 1 of 9 scored items were unanswered.' }]);
  });

  it('uses the local total code when there is no LOINC code, and no interpretation without bands', () => {
    const result = scoreResponse(SESSION_CHECK_IN, { version: 1, answers: { feel: 5, connected: 6, useful: 6 } });
    if (!result.ok) throw new Error('expected a score');
    const observation = toObservation(SESSION_CHECK_IN, result, meta);
    expect(fhirProblems(observation)).toEqual([]);
    expect(fhirSchemaProblems(observation)).toEqual([]);
    expect(observation.code.coding).toEqual([{ system: HEARTH_MEASURES_SYSTEM, code: 'session-check-in/total', display: 'Session check-in total score' }]);
    expect(observation.interpretation).toBeUndefined();
  });

  it('refuses a result from another instrument', () => {
    expect(() => toObservation(GAD_2, scorePhq9(phq9Answers(0)), meta)).toThrow(RangeError);
  });
});

describe('fhirProblems', () => {
  it('notices missing required fields and codes outside the R4 value sets', () => {
    const bad = {
      resourceType: 'Observation',
      status: 'done',
      code: {},
      effectiveDateTime: '2024-05-01T09:30',
    } as never;
    expect(fhirProblems(bad)).toEqual([
      'Observation.status: "done" is not an ObservationStatus',
      'Observation.code: required',
      'Observation.effectiveDateTime: not a FHIR dateTime',
    ]);
    const q = toFhirQuestionnaire(GAD_2);
    q.item!.push({ linkId: 'gad2-1', type: 'display', text: 'x', required: true });
    expect(fhirProblems(q)).toEqual(['Questionnaire.item[4].linkId: que-2: linkIds must be unique', 'Questionnaire.item[4]: que-6: display items cannot be required or repeat']);
    const emptyItem = { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'a' }] } as never;
    expect(fhirProblems(emptyItem)).toEqual(['QuestionnaireResponse.item[0]: an item without answers or nested items must be left out']);
  });
});
