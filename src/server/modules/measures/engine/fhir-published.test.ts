import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAD_7, PHQ_9 } from '../../../../shared/instruments/builtins/index.js';
import type { InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { LOINC_SYSTEM, ORDINAL_VALUE_EXTENSION, SDC_CALCULATED_EXPRESSION, fromFhirQuestionnaire, toFhirQuestionnaire } from './fhir.js';
import { fhirProblems } from './fhir-types.js';
import { scoreResponse } from './score.js';
import { fhirSchemaProblems } from '../../../testing/fhir-schema.js';

// Published PHQ-9 Questionnaires (see ../fixtures/published/SOURCE.md) import as published, inherit
// Hearth's PHQ-9 rules, score known responses and raise the item 9 alert.

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/published/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const nlm = fixture('nlm-lhc-forms-phq9.questionnaire.json');
const hl7 = fixture('hl7-sdc-phq9.questionnaire.json');
const hl7Response = fixture('hl7-sdc-phq9.questionnaire-response.json') as {
  item: QrItem[];
};

interface QrItem {
  linkId: string;
  answer?: {
    valueCoding?: { code: string };
    valueQuantity?: { value: number };
  }[];
  item?: QrItem[];
}

function imported(json: unknown): InstrumentDefinition {
  const result = fromFhirQuestionnaire(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

/** A QuestionnaireResponse's coded answers as Hearth answers (option values by linkId), matched by answer code. */
function answersOf(definition: InstrumentDefinition, items: QrItem[]): Record<string, number> {
  const answers: Record<string, number> = {};
  const walk = (list: QrItem[]) => {
    for (const entry of list) {
      const item = definition.items.find((i) => i.linkId === entry.linkId);
      const code = entry.answer?.[0]?.valueCoding?.code;
      const option = item?.options.find((o) => o.loinc === code || o.code?.code === code);
      if (item && option) answers[item.linkId] = option.value;
      walk(entry.item ?? []);
    }
  };
  walk(items);
  return answers;
}

describe('the NLM LHC-Forms PHQ-9 (lforms-fhir-app)', () => {
  const definition = imported(nlm);

  it('imports with its LOINC codes, answer codes without a system read as LOINC, and the difficulty item unscored', () => {
    const result = fromFhirQuestionnaire(nlm);
    expect(result).toMatchObject({ ok: true, recognisedAs: 'phq-9' });
    if (!result.ok) return;
    expect(result.notes.map((n) => n.code)).toEqual(['unscored_item', 'known_instrument', 'calculated_item_recomputed']);
    expect(definition).toMatchObject({
      id: 'phq-9-quick-depression-assessment-panel',
      loinc: { panel: '44249-1', total: '44261-6' },
    });
    expect(definition.items.map((i) => i.linkId)).toEqual(['/44250-9', '/44255-8', '/44259-0', '/44254-1', '/44251-7', '/44258-2', '/44252-5', '/44253-3', '/44260-8', '/69722-7']);
    expect(definition.items[0]!.options[1]).toEqual({
      value: 1,
      label: 'Several days',
      loinc: 'LA6569-3',
    });
    const difficulty = definition.items.at(-1)!;
    expect(difficulty).toMatchObject({
      scored: false,
      required: false,
      loinc: '69722-7',
    });
    expect(difficulty.options.map((o) => [o.value, o.loinc])).toEqual([
      [0, 'LA6572-7'],
      [1, 'LA6573-5'],
      [2, 'LA6575-0'],
      [3, 'LA6574-3'],
    ]);
    // Hearth's rules, not the form's: item 9 is required (the form leaves it optional) because it drives the alert.
    expect(definition.items[8]).toMatchObject({ required: true, scored: true });
    expect(definition).toMatchObject({
      scoring: PHQ_9.scoring,
      bands: PHQ_9.bands,
      caseness: PHQ_9.caseness,
      reliableChange: PHQ_9.reliableChange,
    });
    expect(definition.alertRules).toEqual([{ ...PHQ_9.alertRules[0], linkId: '/44260-8' }]);
    expect(definition.copyright).toBe(PHQ_9.copyright);
  });

  it('scores a known response as the form’s own calculatedExpression does, and raises the item 9 alert', () => {
    // 0,0,0,1,2,1,3,2,1 with "Very difficult": evaluating the Questionnaire's own total-score
    // calculatedExpression (item /44261-6) with fhirpath.js 3.18.0 gives 10.
    const values = [0, 0, 0, 1, 2, 1, 3, 2, 1];
    const answers = Object.fromEntries([...definition.items.slice(0, 9).map((item, i) => [item.linkId, values[i]!]), ['/69722-7', 2]]);
    const result = scoreResponse(definition, {
      version: definition.version,
      answers,
    });
    expect(result).toMatchObject({
      ok: true,
      total: 10,
      band: { label: 'Moderate' },
      caseness: true,
    });
    expect(result.alerts).toEqual([expect.objectContaining({ linkId: '/44260-8', tier: 'urgent' })]);
    const none = scoreResponse(definition, {
      version: definition.version,
      answers: { ...answers, '/44260-8': 0 },
    });
    expect(none.alerts).toEqual([]);
  });
});

describe('the HL7 SDC PHQ-9 example (HL7/sdc)', () => {
  const definition = imported(hl7);

  it('imports its contained answerValueSet with ordinalValues and codes kept with their system, its group stem and semantic version', () => {
    const result = fromFhirQuestionnaire(hl7);
    expect(result).toMatchObject({ ok: true, recognisedAs: 'phq-9' });
    expect(definition).toMatchObject({
      id: 'sdcphq9',
      version: 1,
      publishedVersion: '0.0.1',
      stem: 'Over the last two weeks, how often have you been bothered by any of the following problems?',
      licenceNote: hl7.copyright,
      copyright: hl7.copyright,
      loinc: { total: '44261-6' },
    });
    expect(definition.items).toHaveLength(9);
    expect(definition.items[0]!.options[2]).toEqual({
      value: 2,
      label: 'More than half the days',
      code: {
        system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/CSPHQ9',
        code: 'More than half the days',
      },
    });
    expect(definition.alertRules).toEqual([{ ...PHQ_9.alertRules[0], linkId: 'H1/T1/Q9' }]);
  });

  it('scores the published example response from its answers and raises the item 9 alert', () => {
    const answers = answersOf(definition, hl7Response.item);
    expect(Object.keys(answers)).toHaveLength(9);
    const result = scoreResponse(definition, {
      version: definition.version,
      answers,
    });
    // The answers' ordinalValues (0,0,0,1,2,1,3,2,1) sum to 10. The example's stored total item says
    // 13: the published example is inconsistent with its own value set, and Hearth recomputes.
    expect(result).toMatchObject({ ok: true, total: 10, caseness: true });
    const stored = hl7Response.item[0]!.item!.find((i) => i.linkId === 'H1/TS')!.answer![0]!.valueQuantity!.value;
    expect(stored).toBe(13);
    expect(result.alerts).toEqual([expect.objectContaining({ linkId: 'H1/T1/Q9', tier: 'urgent' })]);
  });
});

describe('SDC export', () => {
  it('carries a read-only total item with the LOINC total code and a FHIRPath calculatedExpression', () => {
    const q = toFhirQuestionnaire(PHQ_9);
    expect(fhirProblems(q)).toEqual([]);
    expect(fhirSchemaProblems(q)).toEqual([]);
    const total = q.item!.at(-1)!;
    expect(total).toMatchObject({
      linkId: 'total',
      type: 'decimal',
      readOnly: true,
      code: [{ system: LOINC_SYSTEM, code: '44261-6' }],
    });
    const expression = total.extension!.find((e) => e.url === SDC_CALCULATED_EXPRESSION)!.valueExpression!;
    expect(expression.language).toBe('text/fhirpath');
    expect(expression.expression).toContain("%resource.repeat(item).where(linkId = 'phq9-9').answer.exists()");
    expect(total.extension![0]!.valueExpression!.expression).not.toContain('phq9-difficulty');
  });

  it('gives unscored items no ordinalValue, and re-imports them with their values', () => {
    const q = toFhirQuestionnaire(PHQ_9);
    const difficulty = q.item!.find((i) => i.linkId === 'phq9-difficulty')!;
    expect(JSON.stringify(difficulty)).not.toContain(ORDINAL_VALUE_EXTENSION);
    expect(JSON.stringify(q.item!.find((i) => i.linkId === 'phq9-1'))).toContain(ORDINAL_VALUE_EXTENSION);
    expect(fromFhirQuestionnaire(JSON.parse(JSON.stringify(q)))).toMatchObject({
      ok: true,
      definition: PHQ_9,
    });
  });

  it('a generic SDC import of the export gets Hearth’s GAD-7 back (recognised by its panel code)', () => {
    const q = toFhirQuestionnaire(GAD_7);
    delete q.extension;
    expect(fromFhirQuestionnaire(q)).toMatchObject({
      ok: true,
      recognisedAs: 'gad-7',
      definition: { bands: GAD_7.bands, caseness: GAD_7.caseness },
    });
  });
});

describe('bad Questionnaires', () => {
  const base = {
    resourceType: 'Questionnaire',
    status: 'active',
    title: 'Scale',
    copyright: '© Authors',
  };
  const choice = (linkId: string) => ({
    linkId,
    type: 'choice',
    text: linkId,
    answerOption: [0, 1].map((v) => ({
      valueCoding: { code: `c${v}`, display: `A${v}` },
      extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: v }],
    })),
  });

  it('refuses 10,000 items before reading them', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      linkId: `q${i}`,
      type: 'choice',
    }));
    const started = performance.now();
    expect(fromFhirQuestionnaire({ ...base, item: items })).toMatchObject({
      ok: false,
      errors: [{ code: 'fhir_too_large', path: 'item' }],
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a cycle and nesting deeper than JSON allows for', () => {
    const group: Record<string, unknown> = {
      linkId: 'g',
      type: 'group',
      item: [],
    };
    (group.item as unknown[]).push(group);
    expect(fromFhirQuestionnaire({ ...base, item: [group] })).toMatchObject({
      ok: false,
      errors: [{ code: 'fhir_invalid', message: expect.stringContaining('cycle') }],
    });
    let deep: Record<string, unknown> = choice('leaf');
    for (let i = 0; i < 200; i += 1) deep = { linkId: `g${i}`, type: 'group', item: [deep] };
    expect(fromFhirQuestionnaire({ ...base, item: [deep] })).toMatchObject({
      ok: false,
      errors: [{ code: 'fhir_too_large' }],
    });
  });

  it('refuses a value set that includes itself, one it cannot find, and one held elsewhere', () => {
    const vs = {
      resourceType: 'ValueSet',
      id: 'loop',
      status: 'active',
      compose: { include: [{ valueSet: ['#loop'] }] },
    };
    const item = (ref: string) => ({
      linkId: 'q',
      type: 'choice',
      text: 'Q',
      answerValueSet: ref,
    });
    expect(
      fromFhirQuestionnaire({
        ...base,
        contained: [vs],
        item: [item('#loop')],
      }),
    ).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([
        expect.objectContaining({
          code: 'fhir_invalid',
          message: expect.stringContaining('cycle'),
        }),
      ]),
    });
    expect(fromFhirQuestionnaire({ ...base, item: [item('#none')] })).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([
        expect.objectContaining({
          message: 'The Questionnaire has no contained ValueSet "none".',
        }),
      ]),
    });
    expect(
      fromFhirQuestionnaire({
        ...base,
        item: [item('http://loinc.org/vs/LL358-3')],
      }),
    ).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.objectContaining({ code: 'fhir_unsupported' })]),
    });
  });

  it('flags an unknown instrument without alert rules, and refuses a PHQ-9 whose items cannot be matched', () => {
    const result = fromFhirQuestionnaire({
      ...base,
      item: [choice('a'), choice('b')],
    });
    expect(result).toMatchObject({
      ok: true,
      notes: [{ code: 'no_alert_rules' }],
    });
    const shortPhq = {
      ...base,
      code: [{ system: LOINC_SYSTEM, code: '44249-1' }],
      item: [choice('a'), choice('b')],
    };
    expect(fromFhirQuestionnaire(shortPhq)).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'fhir_unsupported',
          message: expect.stringContaining('cannot be matched'),
        },
      ],
    });
  });
});
