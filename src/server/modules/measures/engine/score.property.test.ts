import { describe, expect, it } from 'vitest';
import { validateDefinition, type Band, type InstrumentDefinition, type InstrumentDefinitionInput, type InstrumentItem } from '../../../../shared/instruments/definition.js';
import { bandStep, computeScoreRange, itemBounds, reverseValue, roundTo, scoreDecimals } from '../../../../shared/instruments/scale.js';
import { PHQ_9 } from '../../../../shared/instruments/builtins/index.js';
import { scoreResponse, type Answers, type ScoredResponse } from './score.js';
import { seededRandom, type Random } from './seeded-random.js';

const CASES = 1_000;

/** A random definition that must be valid: symmetric option sets, bands that tile the range, rules that can fire. */
function randomDefinition(random: Random, caseNumber: number): InstrumentDefinition {
  const method = random.pick(['sum', 'mean'] as const);
  const higherIsBetter = random.chance(0.3);
  const homogeneous = random.chance(0.6);
  const shape = () => ({ min: random.int(-2, 2), stride: random.int(1, 2), count: random.int(2, 7) });
  const base = shape();
  const itemCount = random.int(1, 10);
  const items: InstrumentItem[] = Array.from({ length: itemCount }, (_, i) => {
    const { min, stride, count } = homogeneous ? base : shape();
    const scored = i === 0 || random.chance(0.85);
    return {
      linkId: `q${i + 1}`,
      text: `Question ${i + 1}`,
      options: Array.from({ length: count }, (_, k) => ({ value: min + k * stride, label: `Answer ${k}` })),
      scored,
      required: random.chance(0.3),
      ...(scored && random.chance(0.4) ? { reverse: true } : {}),
    };
  });
  const scoredItems = items.filter((item) => item.scored);
  const optional = scoredItems.filter((item) => !item.required).length;
  const canProrate = homogeneous && optional > 0 && scoredItems.length > 1;
  const maxMissing = canProrate ? random.int(0, Math.min(optional, scoredItems.length - 1)) : 0;
  const scoring = {
    method,
    missing: canProrate ? { maxMissing, rule: 'prorate' as const } : { maxMissing: 0, rule: 'fail' as const },
    range: { min: 0, max: 0 },
    decimals: method === 'mean' ? random.int(0, 2) : 1,
  };
  const range = computeScoreRange({ items, scoring });
  if (range === null) throw new Error('generator made no scored items');
  scoring.range = range;
  const step = bandStep({ scoring });
  const gridPoints = Math.round((range.max - range.min) / step);
  const bands = gridPoints >= 1 && random.chance(0.8) ? randomBands(random, range.min, gridPoints, step, higherIsBetter, scoreDecimals({ scoring })) : [];
  const threshold = gridPoints >= 1 ? roundTo(range.min + random.int(1, gridPoints) * step, 3) : null;
  const input: InstrumentDefinitionInput = {
    id: `random-${caseNumber}`,
    version: random.int(1, 5),
    title: `Random instrument ${caseNumber}`,
    shortTitle: `R${caseNumber}`,
    kind: 'validated',
    copyright: 'Test',
    licenceNote: 'Test',
    items,
    scoring,
    bands,
    ...(threshold !== null && !higherIsBetter && random.chance(0.7) ? { caseness: { threshold, direction: 'atOrAbove' as const } } : {}),
    ...(random.chance(0.5) ? { reliableChange: { threshold: Math.max(step, roundTo((range.max - range.min) / 3, 2)) } } : {}),
    higherIsBetter,
    alertRules: [{ linkId: 'q1', op: '>=', value: itemBounds(items[0]!).max, tier: 'urgent', message: 'Top answer to q1.' }],
  };
  const result = validateDefinition(input);
  if (!result.ok) throw new Error(`case ${caseNumber}: generated definition invalid: ${JSON.stringify(result.errors)}`);
  return result.definition;
}

function randomBands(random: Random, min: number, gridPoints: number, step: number, higherIsBetter: boolean, decimals: number): Band[] {
  const cuts = new Set<number>();
  const wanted = random.int(0, Math.min(4, gridPoints));
  for (let i = 0; i < wanted; i += 1) cuts.add(random.int(1, gridPoints));
  const starts = [0, ...[...cuts].sort((a, b) => a - b)];
  const at = (points: number) => roundTo(min + points * step, Math.max(decimals, 0));
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1] as number) - 1 : gridPoints;
    return { min: at(start), max: at(end), label: `Band ${i}`, severity: higherIsBetter ? starts.length - 1 - i : i };
  });
}

/** Random answers: every item answered, then up to `missing` optional scored items left out. */
function randomAnswers(random: Random, definition: InstrumentDefinition, missing: number): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  for (const item of definition.items) answers[item.linkId] = random.pick(item.options).value;
  const optional = definition.items.filter((item) => item.scored && !item.required);
  for (let i = 0; i < missing && optional.length > 0; i += 1) {
    const item = optional.splice(random.int(0, optional.length - 1), 1)[0];
    if (item) answers[item.linkId] = null;
  }
  return answers;
}

function mustScore(definition: InstrumentDefinition, answers: Answers, context: string): ScoredResponse {
  const result = scoreResponse(definition, { version: definition.version, answers });
  if (!result.ok) throw new Error(`${context}: refused ${JSON.stringify(result.errors)} for ${JSON.stringify(answers)}`);
  return result;
}

describe('scoring properties (seeded, 1,000 cases each)', () => {
  it('the generator only makes valid definitions', () => {
    const random = seededRandom(1);
    for (let n = 0; n < CASES; n += 1) expect(randomDefinition(random, n).items.length).toBeGreaterThan(0);
  });

  it('reverse scoring is an involution that stays among the answer scores', () => {
    const random = seededRandom(2);
    let checked = 0;
    for (let n = 0; checked < CASES; n += 1) {
      const definition = randomDefinition(random, n);
      for (const item of definition.items.filter((i) => i.reverse)) {
        const bounds = itemBounds(item);
        const values = new Set(item.options.map((o) => o.value));
        for (const value of values) {
          const reversed = reverseValue(bounds, value);
          expect(values.has(reversed), `case ${n} ${item.linkId} ${value}`).toBe(true);
          expect(reverseValue(bounds, reversed)).toBe(value);
          checked += 1;
        }
      }
    }
  });

  it('toggling reverse scoring and mirroring the answers leaves every score unchanged', () => {
    const random = seededRandom(3);
    for (let n = 0; n < CASES; n += 1) {
      const definition = randomDefinition(random, n);
      const toggled: InstrumentDefinition = {
        ...definition,
        items: definition.items.map((item) => (item.scored ? { ...item, reverse: !item.reverse } : item)),
        alertRules: [],
      };
      const answers = randomAnswers(random, definition, 0);
      const mirrored = Object.fromEntries(
        definition.items.map((item) => {
          const value = answers[item.linkId] as number;
          return [item.linkId, item.scored ? reverseValue(itemBounds(item), value) : value];
        }),
      );
      const original = mustScore(definition, answers, `case ${n}`);
      const flipped = mustScore(toggled, mirrored, `case ${n} toggled`);
      expect(flipped.total, `case ${n}`).toBe(original.total);
      expect(flipped.itemScores).toEqual(original.itemScores);
    }
  });

  it('totals of complete responses stay in the declared range, in a band, and equal the item scores', () => {
    const random = seededRandom(4);
    for (let n = 0; n < CASES; n += 1) {
      const definition = randomDefinition(random, n);
      const result = mustScore(definition, randomAnswers(random, definition, 0), `case ${n}`);
      const { min, max } = definition.scoring.range;
      expect(result.total, `case ${n}`).toBeGreaterThanOrEqual(min);
      expect(result.total, `case ${n}`).toBeLessThanOrEqual(max);
      if (definition.bands.length > 0) expect(result.band, `case ${n}`).not.toBeNull();
      const itemSum = Object.values(result.itemScores).reduce<number>((sum, v) => sum + (v ?? 0), 0);
      const count = Object.keys(result.itemScores).length;
      const expected = definition.scoring.method === 'sum' ? itemSum : roundTo(itemSum / count, scoreDecimals(definition));
      expect(result.total, `case ${n}`).toBeCloseTo(expected, 9);
    }
  });

  it('prorating never takes a total outside the range, and more missing items than allowed are refused', () => {
    const random = seededRandom(5);
    let prorated = 0;
    for (let n = 0; n < CASES; n += 1) {
      const definition = randomDefinition(random, n);
      const { maxMissing } = definition.scoring.missing;
      const allowed = random.int(0, maxMissing);
      const result = mustScore(definition, randomAnswers(random, definition, allowed), `case ${n}`);
      expect(result.total, `case ${n}`).toBeGreaterThanOrEqual(definition.scoring.range.min);
      expect(result.total, `case ${n}`).toBeLessThanOrEqual(definition.scoring.range.max);
      expect(result.prorated).toBe(result.missingCount > 0);
      if (result.prorated) prorated += 1;

      const optional = definition.items.filter((i) => i.scored && !i.required).length;
      if (optional > maxMissing) {
        const refused = scoreResponse(definition, {
          version: definition.version,
          answers: randomAnswers(random, definition, maxMissing + 1),
        });
        expect(refused.ok, `case ${n}`).toBe(false);
      }
    }
    expect(prorated).toBeGreaterThan(100);
  });

  it('is deterministic: same answers, any key order, a fresh copy of the definition', () => {
    const random = seededRandom(6);
    for (let n = 0; n < CASES; n += 1) {
      const definition = randomDefinition(random, n);
      const answers = randomAnswers(random, definition, random.int(0, definition.scoring.missing.maxMissing));
      const shuffled = Object.fromEntries(Object.entries(answers).sort(() => random.next() - 0.5));
      const copy = JSON.parse(JSON.stringify(definition)) as InstrumentDefinition;
      const first = scoreResponse(definition, { version: definition.version, answers });
      expect(scoreResponse(definition, { version: definition.version, answers })).toEqual(first);
      expect(scoreResponse(definition, { version: definition.version, answers: shuffled })).toEqual(first);
      expect(scoreResponse(copy, { version: definition.version, answers })).toEqual(first);
    }
  });

  it('scores 100,000 PHQ-9 responses, all within 0–27', () => {
    const random = seededRandom(7);
    let low = Infinity;
    let high = -Infinity;
    for (let n = 0; n < 100_000; n += 1) {
      const answers: Record<string, number> = {};
      for (let item = 1; item <= 9; item += 1) answers[`phq9-${item}`] = random.int(0, 3);
      const result = scoreResponse(PHQ_9, { version: 1, answers });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      low = Math.min(low, result.total);
      high = Math.max(high, result.total);
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThanOrEqual(27);
  });
});
