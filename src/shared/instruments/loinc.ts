/** The LOINC code system URI. */
export const LOINC_SYSTEM = 'http://loinc.org';

/**
 * Whether a LOINC code's check digit is right (LOINC's "Mod 10" algorithm, the same as Luhn's),
 * which catches most typos in a hand-written code. Answer codes (LA…) are not checked.
 */
export function hasValidLoincCheckDigit(code: string): boolean {
  const match = /^(\d{1,7})-(\d)$/.exec(code);
  if (match === null) return false;
  const [, body = '', check = ''] = match;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Counting from the right, odd positions are doubled (and their digits summed).
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(check);
}
