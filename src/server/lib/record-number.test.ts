import { describe, expect, it } from 'vitest';
import { NHS_NUMBER_SYSTEM, checkRecordNumber } from './record-number.js';

describe('checkRecordNumber', () => {
  it('accepts NHS numbers whose check digit matches, normalised to 10 digits', () => {
    // NHS Digital's published test numbers.
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '943 476 5919')).toEqual({ ok: true, value: '9434765919' });
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '401-023-2137')).toEqual({ ok: true, value: '4010232137' });
    // Remainder 0 → check digit 11 → 0.
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '0000000000')).toEqual({ ok: true, value: '0000000000' });
  });

  it('refuses a wrong check digit, a check digit of 10, and the wrong length', () => {
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '9434765918')).toMatchObject({ ok: false, reason: expect.stringContaining('check digit') });
    // 1000000001: 1×10 = 10 → 11 − 10 = 1 → the last digit must be 1; 1000000000 fails.
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '1000000000').ok).toBe(false);
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '1000000001').ok).toBe(true);
    // 0000000060: 6×… first nine sum 0+…+6×2=12 → 12 mod 11 = 1 → 10: never valid whatever the last digit.
    for (const last of '0123456789') expect(checkRecordNumber(NHS_NUMBER_SYSTEM, `00000000${'6'}${last}`).ok).toBe(false);
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '943476591').ok).toBe(false);
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '94347659190').ok).toBe(false);
    expect(checkRecordNumber(NHS_NUMBER_SYSTEM, '94347659x9').ok).toBe(false);
  });

  it('takes any other system’s number as printable text without spaces', () => {
    expect(checkRecordNumber('https://hospital.example.org/mrn', ' MRN-00123 ')).toEqual({ ok: true, value: 'MRN-00123' });
    expect(checkRecordNumber('https://hospital.example.org/mrn', 'MRN 00123').ok).toBe(false);
    expect(checkRecordNumber('https://hospital.example.org/mrn', '').ok).toBe(false);
    expect(checkRecordNumber('https://hospital.example.org/mrn', 'x'.repeat(65)).ok).toBe(false);
  });
});
