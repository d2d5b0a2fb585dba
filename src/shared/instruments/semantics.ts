import type { AlertRule, DefinitionError, DefinitionErrorCode, InstrumentDefinition } from './definition.js';
import { TOTAL } from './definition.js';
import { bandStep, computeScoreRange, itemBounds, sortBands, type Bounds } from './scale.js';
import { reliableChangeThreshold } from './reliable-change.js';
import { hasValidLoincCheckDigit } from './loinc.js';

/**
 * What a schema cannot say: references between parts of a definition, and whether its numbers fit
 * together (range, bands, caseness, rules). Runs only on definitions that already have the right shape.
 */
export function checkDefinitionSemantics(definition: InstrumentDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const report = (path: string, code: DefinitionErrorCode, message: string) => errors.push({ path, code, message });
  checkItems(definition, report);
  checkRangeAndMissing(definition, report);
  checkBands(definition, report);
  checkCasenessAndChange(definition, report);
  checkAlertRules(definition, report);
  checkLoinc(definition, report);
  return errors;
}

type Report = (path: string, code: DefinitionErrorCode, message: string) => void;
const EPSILON = 1e-9;

function checkItems(definition: InstrumentDefinition, report: Report): void {
  const firstIndex = new Map<string, number>();
  definition.items.forEach((item, i) => {
    const path = `items.${i}`;
    const earlier = firstIndex.get(item.linkId);
    if (earlier !== undefined) {
      report(`${path}.linkId`, 'duplicate_link_id', `linkId "${item.linkId}" is already used by items.${earlier}.`);
    } else {
      firstIndex.set(item.linkId, i);
    }
    if (item.linkId === TOTAL) report(`${path}.linkId`, 'reserved_link_id', `"${TOTAL}" is reserved for the total score in alert rules.`);

    const values = new Map<number, number>();
    const labels = new Map<string, number>();
    item.options.forEach((option, j) => {
      if (!Number.isInteger(option.value)) {
        report(`${path}.options.${j}.value`, 'option_not_integer', `Answer scores must be whole numbers; got ${option.value}.`);
      }
      const sameValue = values.get(option.value);
      if (sameValue !== undefined) {
        report(`${path}.options.${j}.value`, 'duplicate_option', `Score ${option.value} is already given to options.${sameValue}.`);
      } else values.set(option.value, j);
      const key = option.label.toLowerCase();
      const sameLabel = labels.get(key);
      if (sameLabel !== undefined) {
        report(`${path}.options.${j}.label`, 'duplicate_option', `Label "${option.label}" is already used by options.${sameLabel}.`);
      } else labels.set(key, j);
    });

    if (item.reverse === true) {
      if (!item.scored) {
        report(`${path}.reverse`, 'reverse_unscored', 'Only scored items can be reverse-scored.');
      } else {
        const { min, max } = itemBounds(item);
        const unmatched = item.options.find((o) => !values.has(min + max - o.value));
        if (unmatched !== undefined) {
          report(
            `${path}.reverse`,
            'asymmetric_reverse',
            `Reverse scoring maps ${unmatched.value} to ${min + max - unmatched.value}, which is not an answer score. Reverse-scored items need symmetric scores.`,
          );
        }
      }
    }
  });
  if (!definition.items.some((item) => item.scored)) {
    report('items', 'no_scored_items', 'At least one item must be scored.');
  }
}

function checkRangeAndMissing(definition: InstrumentDefinition, report: Report): void {
  const computed = computeScoreRange(definition);
  const declared = definition.scoring.range;
  if (computed !== null) {
    if (Math.abs(computed.min - declared.min) > EPSILON) {
      report('scoring.range.min', 'range_mismatch', `The items give a lowest total of ${computed.min}, not ${declared.min}.`);
    }
    if (Math.abs(computed.max - declared.max) > EPSILON) {
      report('scoring.range.max', 'range_mismatch', `The items give a highest total of ${computed.max}, not ${declared.max}.`);
    }
  }
  if (declared.min >= declared.max) report('scoring.range', 'range_mismatch', 'The lowest total must be below the highest.');

  const { maxMissing, rule } = definition.scoring.missing;
  const scored = definition.items.filter((item) => item.scored);
  const optional = scored.filter((item) => !item.required).length;
  if (rule === 'fail' && maxMissing > 0) {
    report('scoring.missing.maxMissing', 'missing_rule', 'With rule "fail" no scored item may be missing: set maxMissing to 0, or use "prorate".');
  }
  if (rule === 'prorate' && maxMissing > 0) {
    if (maxMissing > optional) {
      report(
        'scoring.missing.maxMissing',
        'missing_rule',
        `${maxMissing} scored items may be missing, but only ${optional} scored item${optional === 1 ? ' is' : 's are'} not required.`,
      );
    } else if (maxMissing >= scored.length) {
      report('scoring.missing.maxMissing', 'missing_rule', 'At least one scored item must be answered.');
    }
    const first = scored[0];
    if (first !== undefined) {
      const bounds = itemBounds(first);
      const different = scored.findIndex((item) => {
        const b = itemBounds(item);
        return b.min !== bounds.min || b.max !== bounds.max;
      });
      if (different !== -1) {
        report(
          'scoring.missing.rule',
          'missing_rule',
          `Prorating assumes every scored item has the same score range; item "${scored[different]?.linkId}" differs from "${first.linkId}".`,
        );
      }
    }
  }
}

function checkBands(definition: InstrumentDefinition, report: Report): void {
  const { bands } = definition;
  if (bands.length === 0) return;
  const range = definition.scoring.range;
  const step = bandStep(definition);
  const indexOf = new Map(bands.map((band, i) => [band, i]));
  const labels = new Map<string, number>();

  bands.forEach((band, i) => {
    const path = `bands.${i}`;
    if (band.min > band.max) report(path, 'band_order', `Band "${band.label}" starts at ${band.min}, above its end ${band.max}.`);
    for (const edge of ['min', 'max'] as const) {
      if (!onGrid(band[edge], step)) {
        report(`${path}.${edge}`, 'band_off_grid', `${band[edge]} is not a possible score: band bounds go in steps of ${step}.`);
      }
    }
    if (band.min < range.min - EPSILON || band.max > range.max + EPSILON) {
      report(path, 'band_out_of_range', `Band "${band.label}" (${band.min}–${band.max}) lies outside the score range ${range.min}–${range.max}.`);
    }
    const sameLabel = labels.get(band.label.toLowerCase());
    if (sameLabel !== undefined) report(`${path}.label`, 'band_overlap', `Label "${band.label}" is already used by bands.${sameLabel}.`);
    else labels.set(band.label.toLowerCase(), i);
  });

  const sorted = sortBands(bands);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first !== undefined && first.min > range.min + EPSILON) {
    report(`bands.${indexOf.get(first)}.min`, 'band_gap', `Scores from ${range.min} up to ${first.min} fall in no band.`);
  }
  if (last !== undefined && last.max < range.max - EPSILON) {
    report(`bands.${indexOf.get(last)}.max`, 'band_gap', `Scores above ${last.max} up to ${range.max} fall in no band.`);
  }
  for (let k = 1; k < sorted.length; k += 1) {
    const lower = sorted[k - 1];
    const upper = sorted[k];
    if (lower === undefined || upper === undefined) continue;
    const path = `bands.${indexOf.get(upper)}`;
    if (upper.min <= lower.max + EPSILON) {
      report(path, 'band_overlap', `Band "${upper.label}" (${upper.min}–${upper.max}) overlaps band "${lower.label}" (${lower.min}–${lower.max}).`);
    } else if (upper.min > lower.max + step + EPSILON) {
      report(path, 'band_gap', `Scores between ${lower.max} and ${upper.min} fall in no band.`);
    }
    const worse = definition.higherIsBetter ? upper.severity < lower.severity : upper.severity > lower.severity;
    if (!worse) {
      report(
        `${path}.severity`,
        'band_order',
        `Severity must ${definition.higherIsBetter ? 'fall' : 'rise'} from band to band as scores rise (higherIsBetter is ${definition.higherIsBetter}).`,
      );
    }
  }
}

function checkCasenessAndChange(definition: InstrumentDefinition, report: Report): void {
  const range = definition.scoring.range;
  const { caseness, reliableChange } = definition;
  if (definition.kind === 'programme') {
    if (caseness) report('caseness', 'programme_claims', 'Programme measures are not validated: they cannot declare a clinical cut-off.');
    if (reliableChange) report('reliableChange', 'programme_claims', 'Programme measures are not validated: they cannot declare a reliable-change threshold.');
  }
  if (caseness) {
    const expected = definition.higherIsBetter ? 'atOrBelow' : 'atOrAbove';
    if (caseness.direction !== expected) {
      report(
        'caseness.direction',
        'caseness_direction',
        `Caseness lies on the worse side of the scale: with higherIsBetter ${definition.higherIsBetter} it must be "${expected}".`,
      );
    }
    const inside =
      caseness.direction === 'atOrAbove' ? caseness.threshold > range.min && caseness.threshold <= range.max : caseness.threshold >= range.min && caseness.threshold < range.max;
    if (!inside) {
      report('caseness.threshold', 'caseness_out_of_range', `A cut-off of ${caseness.threshold} would make everyone or no one a case on the range ${range.min}–${range.max}.`);
    }
  }
  if (reliableChange) {
    const threshold = 'threshold' in reliableChange ? reliableChange.threshold : reliableChangeThreshold(reliableChange.sd, reliableChange.reliability);
    if (threshold > range.max - range.min) {
      report(
        'reliableChange',
        'reliable_change_out_of_range',
        `A reliable change of ${round2(threshold)} is larger than the whole range ${range.min}–${range.max}: no change could ever be reliable.`,
      );
    }
  }
}

function checkAlertRules(definition: InstrumentDefinition, report: Report): void {
  const items = new Map(definition.items.map((item) => [item.linkId, item]));
  definition.alertRules.forEach((rule, i) => {
    const path = `alertRules.${i}`;
    if (rule.linkId === TOTAL) {
      const verdict = judgeOnRange(rule, definition.scoring.range, bandStep(definition));
      if (verdict !== null) report(`${path}.value`, verdict, describeVerdict(verdict, rule, 'total'));
      return;
    }
    const item = items.get(rule.linkId);
    if (item === undefined) {
      report(`${path}.linkId`, 'unknown_item', `No item has linkId "${rule.linkId}" (use "${TOTAL}" for the total score).`);
      return;
    }
    const firing = item.options.filter((option) => fires(rule, option.value)).length;
    if (firing === 0) report(`${path}.value`, 'alert_never_fires', describeVerdict('alert_never_fires', rule, `item "${item.linkId}"`));
    else if (firing === item.options.length) {
      report(`${path}.value`, 'alert_always_fires', describeVerdict('alert_always_fires', rule, `item "${item.linkId}"`));
    }
  });
}

/** Whether an alert rule fires for a value. */
export function fires(rule: Pick<AlertRule, 'op' | 'value'>, value: number): boolean {
  switch (rule.op) {
    case '>=':
      return value >= rule.value;
    case '<=':
      return value <= rule.value;
    case '=':
      return value === rule.value;
  }
}

function judgeOnRange(rule: AlertRule, range: Bounds, step: number): 'alert_never_fires' | 'alert_always_fires' | null {
  switch (rule.op) {
    case '>=':
      return rule.value > range.max ? 'alert_never_fires' : rule.value <= range.min ? 'alert_always_fires' : null;
    case '<=':
      return rule.value < range.min ? 'alert_never_fires' : rule.value >= range.max ? 'alert_always_fires' : null;
    case '=':
      return rule.value < range.min || rule.value > range.max || !onGrid(rule.value, step) ? 'alert_never_fires' : null;
  }
}

function describeVerdict(verdict: 'alert_never_fires' | 'alert_always_fires', rule: AlertRule, subject: string): string {
  return verdict === 'alert_never_fires'
    ? `This rule can never fire: no answer to ${subject} is ${rule.op} ${rule.value}.`
    : `This rule fires for every answer to ${subject} (${rule.op} ${rule.value}); it would alert on everyone.`;
}

function checkLoinc(definition: InstrumentDefinition, report: Report): void {
  const codes: [string, string | undefined][] = [
    ['loinc.panel', definition.loinc?.panel],
    ['loinc.total', definition.loinc?.total],
    ...definition.items.map((item, i): [string, string | undefined] => [`items.${i}.loinc`, item.loinc]),
  ];
  for (const [path, code] of codes) {
    if (code !== undefined && !hasValidLoincCheckDigit(code)) {
      report(path, 'loinc_check_digit', `${code} has the wrong check digit: it is not a LOINC code (typo?).`);
    }
  }
}

function onGrid(value: number, step: number): boolean {
  const steps = value / step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
