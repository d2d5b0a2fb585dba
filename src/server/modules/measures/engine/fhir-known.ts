import { GAD_2, GAD_7, PHQ_2, PHQ_9 } from '../../../../shared/instruments/builtins/index.js';
import type { InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/definition.js';
import type { FhirImportError } from './fhir-import-guard.js';

/**
 * Instruments Hearth recognises in a published Questionnaire by LOINC code, so that an import
 * inherits Hearth's validated scoring: bands, caseness, reliable change and item alert rules (the
 * PHQ-9 item 9 safety alert). Panel codes come from Questionnaire.code, total codes from a
 * calculated total item (the HL7 SDC PHQ-9 example carries only the total's code).
 */
interface KnownInstrument {
  definition: InstrumentDefinition;
  panelCodes: readonly string[];
  totalCodes: readonly string[];
}

const codesOf = (definition: InstrumentDefinition, extraTotals: string[] = []): KnownInstrument => ({
  definition,
  panelCodes: definition.loinc?.panel !== undefined ? [definition.loinc.panel] : [],
  totalCodes: [...(definition.loinc?.total !== undefined ? [definition.loinc.total] : []), ...extraTotals],
});

const KNOWN: readonly KnownInstrument[] = [
  codesOf(PHQ_9),
  codesOf(GAD_7),
  codesOf(PHQ_2),
  // GAD-2 total score, LOINC 70272-0. The built-in GAD-2 declares no LOINC codes (the design gives
  // none), so only its total is recognised, and only when the items match the GAD-2's.
  codesOf(GAD_2, ['70272-0']),
];

/** LOINC codes of every known total score: a read-only number item coded with one is a calculated total. */
export const KNOWN_TOTAL_CODES: ReadonlySet<string> = new Set(KNOWN.flatMap((k) => k.totalCodes));

/** The known instrument a Questionnaire's panel code, or else its calculated total's code, names. */
export function recogniseInstrument(panelCodes: string[], totalCodes: string[]): InstrumentDefinition | undefined {
  return (
    KNOWN.find((k) => panelCodes.some((code) => k.panelCodes.includes(code)))?.definition ?? KNOWN.find((k) => totalCodes.some((code) => k.totalCodes.includes(code)))?.definition
  );
}

/** What a recognised import takes from Hearth's definition of the instrument. */
export interface InheritedRules {
  items: InstrumentItem[];
  fields: Pick<InstrumentDefinition, 'shortTitle' | 'kind' | 'scoring' | 'bands' | 'caseness' | 'reliableChange' | 'higherIsBetter' | 'alertRules' | 'loinc'>;
}

/**
 * Matches the imported questions to the known instrument's items — by LOINC item code when every
 * scored item can be found that way, else by position — checks each scored item offers the same
 * scores, and returns the items with Hearth's scored/required/reverse flags plus the rules, with
 * alert rules re-pointed at the imported linkIds. Null (with errors) when the items do not match.
 */
export function inheritKnownRules(known: InstrumentDefinition, imported: InstrumentItem[], errors: FhirImportError[]): InheritedRules | null {
  const mapping = matchItems(known, imported);
  const name = `${known.shortTitle}${known.loinc?.panel !== undefined ? ` (LOINC ${known.loinc.panel})` : ''}`;
  if (mapping === null) {
    errors.push({
      path: 'item',
      code: 'fhir_unsupported',
      message: `This Questionnaire is coded as the ${name}, but its ${imported.length} questions cannot be matched to the ${known.shortTitle}'s items (by LOINC code or in order).`,
    });
    return null;
  }
  const linkIdFor = new Map<string, string>();
  const items = imported.map((item, index) => {
    const target = mapping.get(index);
    if (target === undefined) return { ...item, scored: false, required: false };
    linkIdFor.set(target.linkId, item.linkId);
    const values = (options: readonly { value: number }[]) =>
      options
        .map((o) => o.value)
        .sort((a, b) => a - b)
        .join(',');
    if (target.scored && values(item.options) !== values(target.options)) {
      errors.push({
        path: `item.${item.linkId}`,
        code: 'fhir_unsupported',
        message: `"${item.linkId}" scores its answers ${values(item.options)}; the ${known.shortTitle} scores them ${values(target.options)}.`,
      });
    }
    // An unscored item (PHQ-9 difficulty) published without scores takes Hearth's values in order.
    const options =
      !target.scored && item.options.length === target.options.length
        ? item.options.map((option, k) => ({
            ...option,
            value: target.options[k]!.value,
          }))
        : item.options;
    const loinc = item.loinc ?? target.loinc;
    return {
      linkId: item.linkId,
      text: item.text,
      options,
      scored: target.scored,
      required: target.required,
      ...(target.reverse === true ? { reverse: true } : {}),
      ...(loinc !== undefined ? { loinc } : {}),
    };
  });
  const alertRules = known.alertRules.map((rule) => ({
    ...rule,
    linkId: linkIdFor.get(rule.linkId) ?? rule.linkId,
  }));
  const { shortTitle, kind, scoring, bands, caseness, reliableChange, higherIsBetter, loinc } = known;
  return {
    items,
    fields: {
      shortTitle,
      kind,
      scoring,
      bands,
      higherIsBetter,
      alertRules,
      ...(caseness !== undefined ? { caseness } : {}),
      ...(reliableChange !== undefined ? { reliableChange } : {}),
      ...(loinc !== undefined ? { loinc } : {}),
    },
  };
}

/** Imported question index → the known item it is. Null when the known scored items are not all found. */
function matchItems(known: InstrumentDefinition, imported: InstrumentItem[]): Map<number, InstrumentItem> | null {
  const scored = known.items.filter((item) => item.scored);
  const byCode = new Map<number, InstrumentItem>();
  imported.forEach((item, index) => {
    const target = item.loinc === undefined ? undefined : known.items.find((k) => k.loinc === item.loinc);
    if (target !== undefined) byCode.set(index, target);
  });
  const found = new Set([...byCode.values()].map((item) => item.linkId));
  if (scored.every((item) => found.has(item.linkId)) && found.size === byCode.size) return byCode;
  const inOrder = imported.length === scored.length ? scored : imported.length === known.items.length ? known.items : null;
  if (inOrder === null) return null;
  return new Map(inOrder.map((item, index) => [index, item]));
}
