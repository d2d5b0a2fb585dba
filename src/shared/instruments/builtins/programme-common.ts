import type { AnswerOption } from '../definition.js';

export const PROGRAMME_COPYRIGHT = '© Hearth contributors. Part of Hearth, free software under AGPL-3.0-or-later.';

export const PROGRAMME_LICENCE_NOTE =
  'Hearth programme measure, not a validated instrument: use it to guide the group and follow trends, not to diagnose or to report clinical outcomes.';

/** An 11-point 0–10 answer scale with its two ends labelled. */
export function zeroToTen(lowest: string, highest: string): AnswerOption[] {
  return Array.from({ length: 11 }, (_, value) => ({
    value,
    label: value === 0 ? `0 – ${lowest}` : value === 10 ? `10 – ${highest}` : String(value),
  }));
}
