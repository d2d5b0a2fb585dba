/** The FHIR identifier system of the NHS number (England, Wales, Isle of Man). */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

export type RecordNumberCheck = { ok: true; value: string } | { ok: false; reason: string };

/**
 * NHS number check (NHS Data Dictionary): 10 digits; weights 10…2 on the first nine, check digit
 * 11 − (sum mod 11), where 11 means 0 and 10 means the number is not valid.
 */
function checkNhsNumber(typed: string): RecordNumberCheck {
  const digits = typed.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return { ok: false, reason: 'An NHS number has 10 digits (spaces allowed, e.g. 943 476 5919).' };
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  if (expected === 10 || expected !== Number(digits[9])) {
    return { ok: false, reason: 'This is not a valid NHS number: its check digit does not match. Check it against the letter or the GP record.' };
  }
  return { ok: true, value: digits };
}

/**
 * Validates and normalises a record number for its identifier system: the rule of a system Hearth
 * knows (NHS number: check digit), otherwise 1–64 printable characters without spaces inside.
 */
export function checkRecordNumber(system: string, typed: string): RecordNumberCheck {
  const trimmed = typed.trim();
  if (system === NHS_NUMBER_SYSTEM) return checkNhsNumber(trimmed);
  if (!/^[\x21-\x7e]{1,64}$/.test(trimmed)) {
    return { ok: false, reason: 'A record number is 1–64 letters, digits or signs, without spaces.' };
  }
  return { ok: true, value: trimmed };
}
