import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { instrumentDefinitionSchema, validateDefinition, type DefinitionError, type InstrumentDefinitionInput } from './definition.js';

/** A small valid definition: four 0–3 items, sum 0–12, three bands. */
function sample(): InstrumentDefinitionInput {
  const options = [
    { value: 0, label: 'Never' },
    { value: 1, label: 'Sometimes' },
    { value: 2, label: 'Often' },
    { value: 3, label: 'Always' },
  ];
  return {
    id: 'sample-scale',
    version: 1,
    title: 'Sample scale',
    shortTitle: 'Sample',
    kind: 'validated',
    copyright: '© The authors',
    licenceNote: 'Used with permission.',
    items: ['a', 'b', 'c', 'd'].map((linkId) => ({
      linkId,
      text: `Item ${linkId}`,
      options: options.map((o) => ({ ...o })),
      scored: true,
      required: false,
    })),
    scoring: { method: 'sum', missing: { maxMissing: 1, rule: 'prorate' }, range: { min: 0, max: 12 } },
    bands: [
      { min: 0, max: 3, label: 'Low', severity: 0 },
      { min: 4, max: 7, label: 'Medium', severity: 1 },
      { min: 8, max: 12, label: 'High', severity: 2 },
    ],
    caseness: { threshold: 8, direction: 'atOrAbove' },
    reliableChange: { threshold: 3 },
    higherIsBetter: false,
    alertRules: [{ linkId: 'd', op: '>=', value: 2, tier: 'concern', message: 'Check in.' }],
  };
}

function errorsOf(change: (d: InstrumentDefinitionInput) => void): DefinitionError[] {
  const definition = sample();
  change(definition);
  const result = validateDefinition(definition);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
}

const at = (errors: DefinitionError[]) => errors.map((e) => [e.path, e.code]);

describe('validateDefinition', () => {
  it('accepts a well-formed definition and returns it', () => {
    const result = validateDefinition(sample());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition.items).toHaveLength(4);
  });

  it('reports schema problems with their paths', () => {
    const errors = errorsOf((d) => {
      (d as Record<string, unknown>).title = undefined;
      (d.items[1] as Record<string, unknown>).colour = 'red';
      d.version = 1.5;
      d.items[2]!.options = [{ value: 0, label: 'Only' }];
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'title', code: 'invalid_field', message: 'Required.' },
        { path: 'items.1', code: 'invalid_field', message: 'Unknown field: colour.' },
        expect.objectContaining({ path: 'version', code: 'invalid_field' }),
        { path: 'items.2.options', code: 'invalid_field', message: 'Give at least two answer options.' },
      ]),
    );
  });

  it('refuses a definition that is not an object', () => {
    expect(validateDefinition('phq-9')).toMatchObject({ ok: false, errors: [{ path: '', code: 'invalid_field' }] });
  });

  it('finds overlapping bands', () => {
    const errors = errorsOf((d) => {
      d.bands[1]!.min = 3;
    });
    expect(at(errors)).toEqual([['bands.1', 'band_overlap']]);
    expect(errors[0]!.message).toBe('Band "Medium" (3–7) overlaps band "Low" (0–3).');
  });

  it('finds gaps between bands and at either end of the range', () => {
    expect(at(errorsOf((d) => void (d.bands[2]!.min = 9)))).toEqual([['bands.2', 'band_gap']]);
    expect(at(errorsOf((d) => void (d.bands[0]!.min = 1)))).toEqual([['bands.0.min', 'band_gap']]);
    expect(at(errorsOf((d) => void (d.bands[2]!.max = 11)))).toEqual([['bands.2.max', 'band_gap']]);
  });

  it('finds bands outside the range, reversed, off the grid or with severity out of order', () => {
    expect(at(errorsOf((d) => void (d.bands[2]!.max = 13)))).toEqual([['bands.2', 'band_out_of_range']]);
    expect(at(errorsOf((d) => void (d.bands[1] = { min: 7, max: 4, label: 'Medium', severity: 1 })))).toContainEqual(['bands.1', 'band_order']);
    expect(at(errorsOf((d) => void (d.bands[1]!.max = 7.5)))).toContainEqual(['bands.1.max', 'band_off_grid']);
    expect(at(errorsOf((d) => void (d.bands[2]!.severity = 1)))).toEqual([['bands.2.severity', 'band_order']]);
  });

  it('accepts bands listed in any order', () => {
    const definition = sample();
    definition.bands.reverse();
    expect(validateDefinition(definition).ok).toBe(true);
  });

  it('finds alert rules that refer to unknown items, or can never or always fire', () => {
    expect(errorsOf((d) => void (d.alertRules[0]!.linkId = 'item-9'))).toEqual([
      {
        path: 'alertRules.0.linkId',
        code: 'unknown_item',
        message: 'No item has linkId "item-9" (use "total" for the total score).',
      },
    ]);
    expect(at(errorsOf((d) => void (d.alertRules[0]!.value = 4)))).toEqual([['alertRules.0.value', 'alert_never_fires']]);
    expect(at(errorsOf((d) => void (d.alertRules[0]!.value = 0)))).toEqual([['alertRules.0.value', 'alert_always_fires']]);
    expect(at(errorsOf((d) => void d.alertRules.push({ linkId: 'total', op: '>=', value: 13, tier: 'urgent', message: 'x' })))).toEqual([
      ['alertRules.1.value', 'alert_never_fires'],
    ]);
  });

  it('finds duplicate and reserved linkIds', () => {
    expect(errorsOf((d) => void (d.items[3]!.linkId = 'a'))).toEqual(
      expect.arrayContaining([{ path: 'items.3.linkId', code: 'duplicate_link_id', message: 'linkId "a" is already used by items.0.' }]),
    );
    expect(at(errorsOf((d) => void (d.items[0]!.linkId = 'total')))).toContainEqual(['items.0.linkId', 'reserved_link_id']);
  });

  it('finds option scores that are not whole numbers, or repeat', () => {
    expect(at(errorsOf((d) => void (d.items[1]!.options[2]!.value = 1.5)))).toContainEqual(['items.1.options.2.value', 'option_not_integer']);
    expect(at(errorsOf((d) => void (d.items[1]!.options[2]!.value = 1)))).toContainEqual(['items.1.options.2.value', 'duplicate_option']);
    expect(at(errorsOf((d) => void (d.items[1]!.options[2]!.label = 'sometimes')))).toEqual([['items.1.options.2.label', 'duplicate_option']]);
  });

  it('checks the declared range against the items', () => {
    expect(errorsOf((d) => void (d.scoring.range.max = 27))).toEqual([
      { path: 'scoring.range.max', code: 'range_mismatch', message: 'The items give a highest total of 12, not 27.' },
      expect.objectContaining({ code: 'band_gap' }),
    ]);
  });

  it('refuses reverse scoring of unscored items or asymmetric scores', () => {
    expect(at(errorsOf((d) => void Object.assign(d.items[0]!, { reverse: true, scored: false })))).toContainEqual(['items.0.reverse', 'reverse_unscored']);
    const errors = errorsOf((d) => {
      d.items[0]!.reverse = true;
      d.items[0]!.options[3]!.value = 4;
    });
    expect(at(errors)).toContainEqual(['items.0.reverse', 'asymmetric_reverse']);
  });

  it('checks the missing-item rule', () => {
    expect(at(errorsOf((d) => void (d.scoring.missing = { maxMissing: 1, rule: 'fail' })))).toEqual([['scoring.missing.maxMissing', 'missing_rule']]);
    expect(at(errorsOf((d) => void (d.scoring.missing.maxMissing = 5)))).toEqual([['scoring.missing.maxMissing', 'missing_rule']]);
    const mixed = errorsOf((d) => {
      d.items[0]!.options.push({ value: 4, label: 'Constantly' });
      d.scoring.range.max = 13;
      d.bands[2]!.max = 13;
    });
    expect(at(mixed)).toEqual([['scoring.missing.rule', 'missing_rule']]);
  });

  it('keeps caseness inside the range and on the worse side', () => {
    expect(at(errorsOf((d) => void (d.caseness!.threshold = 13)))).toEqual([['caseness.threshold', 'caseness_out_of_range']]);
    expect(at(errorsOf((d) => void (d.caseness!.threshold = 0)))).toEqual([['caseness.threshold', 'caseness_out_of_range']]);
    expect(at(errorsOf((d) => void (d.caseness!.direction = 'atOrBelow')))).toEqual([['caseness.direction', 'caseness_direction']]);
  });

  it('takes reliable change as a threshold, or as SD and reliability, not both', () => {
    const computed = sample();
    computed.reliableChange = { sd: 2, reliability: 0.8 };
    expect(validateDefinition(computed)).toMatchObject({
      ok: true,
      definition: { reliableChange: { sd: 2, reliability: 0.8 } },
    });
    expect(at(errorsOf((d) => void (d.reliableChange = { threshold: 3, sd: 2, reliability: 0.8 } as never)))).toEqual([['reliableChange', 'invalid_field']]);
    expect(at(errorsOf((d) => void (d.reliableChange = { sd: 2 } as never)))).toEqual([['reliableChange.reliability', 'invalid_field']]);
    expect(at(errorsOf((d) => void (d.reliableChange = { sd: 2, reliability: 1 })))).toEqual([['reliableChange.reliability', 'invalid_field']]);
    expect(at(errorsOf((d) => void (d.reliableChange = { threshold: 20 })))).toEqual([['reliableChange', 'reliable_change_out_of_range']]);
  });

  it('does not let a programme measure claim caseness or reliable change', () => {
    expect(at(errorsOf((d) => void (d.kind = 'programme')))).toEqual([
      ['caseness', 'programme_claims'],
      ['reliableChange', 'programme_claims'],
    ]);
  });

  it('catches LOINC typos by their check digit', () => {
    expect(errorsOf((d) => void (d.loinc = { panel: '44249-2' }))).toEqual([
      {
        path: 'loinc.panel',
        code: 'loinc_check_digit',
        message: '44249-2 has the wrong check digit: it is not a LOINC code (typo?).',
      },
    ]);
    expect(at(errorsOf((d) => void (d.items[0]!.loinc = 'LA6568-5')))).toEqual([['items.0.loinc', 'invalid_field']]);
  });

  it('validates mean-scored definitions on a decimal grid', () => {
    const definition = sample();
    definition.scoring = {
      method: 'mean',
      missing: { maxMissing: 1, rule: 'prorate' },
      range: { min: 0, max: 3 },
      decimals: 2,
    };
    definition.bands = [
      { min: 0, max: 0.99, label: 'Low', severity: 0 },
      { min: 1, max: 1.99, label: 'Medium', severity: 1 },
      { min: 2, max: 3, label: 'High', severity: 2 },
    ];
    definition.caseness = { threshold: 2, direction: 'atOrAbove' };
    expect(validateDefinition(definition).ok).toBe(true);
    definition.bands[1]!.min = 1.01;
    expect(validateDefinition(definition)).toMatchObject({
      ok: false,
      errors: [{ path: 'bands.1', code: 'band_gap' }],
    });
  });

  it('converts to JSON Schema both ways, so routes can publish it in OpenAPI', () => {
    for (const io of ['input', 'output'] as const) {
      expect(z.toJSONSchema(instrumentDefinitionSchema, { io })).toMatchObject({
        type: 'object',
        required: expect.arrayContaining(['id', 'items']),
      });
    }
  });
});
