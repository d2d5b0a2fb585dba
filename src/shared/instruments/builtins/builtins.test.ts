import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../definition.js';
import {
  BUILTIN_INSTRUMENTS,
  CONNECTED_CHECK_IN,
  GAD_2,
  GAD_7,
  ONS_LONELINESS,
  ONS_LONELINESS_CREDIT,
  PHQ_2,
  PHQ_9,
  PHQ_GAD_CREDIT,
  SESSION_CHECK_IN,
  findBuiltinInstrument,
} from './index.js';

const FREQUENCIES = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

describe('built-in instruments', () => {
  it.each(BUILTIN_INSTRUMENTS.map((d) => [d.id, d] as const))('%s passes validateDefinition unchanged', (_id, definition) => {
    const result = validateDefinition(JSON.parse(JSON.stringify(definition)));
    expect(result).toEqual({ ok: true, definition });
  });

  it('ships the five validated instruments and two programme measures, with unique ids', () => {
    expect(BUILTIN_INSTRUMENTS.map((d) => [d.id, d.kind])).toEqual([
      ['phq-9', 'validated'],
      ['gad-7', 'validated'],
      ['phq-2', 'validated'],
      ['gad-2', 'validated'],
      ['ons-loneliness', 'validated'],
      ['session-check-in', 'programme'],
      ['connected-check-in', 'programme'],
    ]);
    expect(findBuiltinInstrument('gad-7')).toBe(GAD_7);
    expect(findBuiltinInstrument('cd-risc')).toBeUndefined();
  });

  it('keeps the PHQ/GAD credit line and the frequency answers scored 0–3', () => {
    for (const definition of [PHQ_9, GAD_7, PHQ_2, GAD_2]) {
      expect(definition.copyright).toBe(PHQ_GAD_CREDIT);
      for (const item of definition.items.filter((i) => i.scored)) {
        expect(item.options.map((o) => [o.value, o.label])).toEqual(FREQUENCIES.map((label, value) => [value, label]));
      }
    }
    expect(PHQ_9.stem).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
  });

  it('labels programme measures as such and gives them no clinical cut-offs', () => {
    for (const definition of [SESSION_CHECK_IN, CONNECTED_CHECK_IN]) {
      expect(definition.title).toMatch(/\(Hearth’s own programme measure\)$/);
      expect(definition.copyright).toMatch(/Hearth contributors/);
      expect(definition.licenceNote).toMatch(/not a validated instrument/);
      expect(definition.caseness).toBeUndefined();
      expect(definition.reliableChange).toBeUndefined();
      expect(definition.higherIsBetter).toBe(true);
    }
    expect(SESSION_CHECK_IN.items).toHaveLength(3);
    expect(CONNECTED_CHECK_IN.items.map((i) => i.options.length)).toEqual([11]);
  });

  it('carries the design facts for PHQ-9 and GAD-7', () => {
    expect(PHQ_9.items.filter((i) => i.scored)).toHaveLength(9);
    expect(PHQ_9.items.find((i) => !i.scored)?.linkId).toBe('phq9-difficulty');
    expect(PHQ_9.loinc).toEqual({ panel: '44249-1', total: '44261-6' });
    expect(PHQ_9.items[8]).toMatchObject({
      loinc: '44260-8',
      required: true,
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
    });
    expect(PHQ_9.alertRules).toEqual([expect.objectContaining({ linkId: 'phq9-9', op: '>=', value: 1, tier: 'urgent' })]);
    expect([PHQ_9.caseness?.threshold, PHQ_9.reliableChange]).toEqual([10, { threshold: 6 }]);
    expect(GAD_7.loinc).toEqual({ panel: '69737-5', total: '70274-6' });
    expect([GAD_7.caseness?.threshold, GAD_7.reliableChange]).toEqual([8, { threshold: 4 }]);
    expect(PHQ_2.loinc).toEqual({ panel: '55757-9', total: '55758-7' });
    expect(GAD_2.loinc).toBeUndefined();
  });

  it('asks the ONS loneliness question with its wording, its answer scale and the OGL credit', () => {
    expect(ONS_LONELINESS.items).toHaveLength(1);
    expect(ONS_LONELINESS.items[0]?.text).toBe('How often do you feel lonely?');
    expect(ONS_LONELINESS.items[0]?.options.map((o) => [o.label, o.value])).toEqual([
      ['Often/always', 5],
      ['Some of the time', 4],
      ['Occasionally', 3],
      ['Hardly ever', 2],
      ['Never', 1],
    ]);
    expect(ONS_LONELINESS.higherIsBetter).toBe(false);
    expect(ONS_LONELINESS.copyright).toBe(ONS_LONELINESS_CREDIT);
    expect(ONS_LONELINESS.copyright).toMatch(/Office for National Statistics.*Open Government Licence v3\.0/);
    expect(ONS_LONELINESS.licenceNote).toMatch(/^Open Government Licence v3\.0/);
    // A single item has no published cut-off or reliable-change threshold: none is claimed.
    expect([ONS_LONELINESS.caseness, ONS_LONELINESS.reliableChange]).toEqual([undefined, undefined]);
    expect(ONS_LONELINESS.bands.at(-1)).toMatchObject({ min: 5, max: 5, label: 'Often or always (chronic loneliness)' });
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(PHQ_9.items[0]?.options[0])).toBe(true);
    expect(() => {
      (PHQ_9.bands[0] as { max: number }).max = 5;
    }).toThrow(TypeError);
  });
});
