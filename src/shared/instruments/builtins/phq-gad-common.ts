import type { AnswerOption } from '../definition.js';

/** The credit line the PHQ and GAD-7 authors ask to be kept with every copy. */
export const PHQ_GAD_CREDIT =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

export const PHQ_GAD_LICENCE_NOTE = 'Free to reproduce, translate, display or distribute without permission (PHQ Screeners). Keep the credit line and the exact wording.';

/** The PHQ stem (PHQ-9, PHQ-2). */
export const PHQ_STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';
/** The GAD-7 form's own stem, which reads "by the following problems" (GAD-7, GAD-2). */
export const GAD_STEM = 'Over the last 2 weeks, how often have you been bothered by the following problems?';

/** The four frequency answers shared by the PHQ and GAD-7, with their LOINC answer codes (list LL358-3). */
export const FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { value: 1, label: 'Several days', loinc: 'LA6569-3' },
  { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
];

/** A scored 0–3 frequency item. */
export function frequencyItem(linkId: string, text: string, loinc: string, required: boolean) {
  return { linkId, text, options: FREQUENCY_OPTIONS.map((o) => ({ ...o })), scored: true, required, loinc };
}

/** Recursively freezes a built-in so no caller can change it (the scorer caches by identity). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
