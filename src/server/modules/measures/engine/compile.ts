import type { AlertRule, Band, InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { TOTAL } from '../../../../shared/instruments/definition.js';
import { itemBounds, scoreDecimals, sortBands } from '../../../../shared/instruments/scale.js';

/**
 * A definition turned into lookup tables once, so that scoring a response is a few map lookups and
 * additions. Cached per definition object: definitions are treated as immutable (built-ins are frozen).
 */
export interface CompiledItem {
  linkId: string;
  scored: boolean;
  required: boolean;
  reverse: boolean;
  /** lowest + highest option value: a reversed score is reverseSum − answer. */
  reverseSum: number;
  /** Lowest option value; `accepted[value - minValue]` is 1 for every option value. */
  minValue: number;
  accepted: Uint8Array;
  /** "0, 1, 2, 3": for error messages. */
  valueList: string;
  rules: readonly AlertRule[];
}

export interface CompiledDefinition {
  definition: InstrumentDefinition;
  items: readonly CompiledItem[];
  byLinkId: ReadonlyMap<string, CompiledItem>;
  scoredCount: number;
  decimals: number;
  sortedBands: readonly Band[];
  totalRules: readonly AlertRule[];
}

const cache = new WeakMap<InstrumentDefinition, CompiledDefinition>();

/** The compiled form of a validated definition (built on first use, then reused). */
export function compileDefinition(definition: InstrumentDefinition): CompiledDefinition {
  const cached = cache.get(definition);
  if (cached !== undefined) return cached;

  const items = definition.items.map((item): CompiledItem => {
    const bounds = itemBounds(item);
    const values = item.options.map((option) => option.value);
    return {
      linkId: item.linkId,
      scored: item.scored,
      required: item.required,
      reverse: item.reverse === true,
      reverseSum: bounds.min + bounds.max,
      minValue: bounds.min,
      accepted: acceptedTable(values, bounds.min, bounds.max),
      valueList: [...values].sort((a, b) => a - b).join(', '),
      rules: definition.alertRules.filter((rule) => rule.linkId === item.linkId),
    };
  });
  const compiled: CompiledDefinition = {
    definition,
    items,
    byLinkId: new Map(items.map((item) => [item.linkId, item])),
    scoredCount: items.filter((item) => item.scored).length,
    decimals: scoreDecimals(definition),
    sortedBands: sortBands(definition.bands),
    totalRules: definition.alertRules.filter((rule) => rule.linkId === TOTAL),
  };
  cache.set(definition, compiled);
  return compiled;
}

function acceptedTable(values: readonly number[], min: number, max: number): Uint8Array {
  const table = new Uint8Array(max - min + 1);
  for (const value of values) table[value - min] = 1;
  return table;
}

/** Whether `value` is one of the item's option values. */
export function isAcceptedValue(item: CompiledItem, value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && item.accepted[value - item.minValue] === 1;
}
