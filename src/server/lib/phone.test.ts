import { describe, expect, it } from 'vitest';
import { displayPhone, toE164 } from './phone.js';

const gb = { country: 'GB' as const, allowFictional: false };

describe('toE164', () => {
  it('reads national numbers as the service country’s and explicit +CC numbers as their own', () => {
    expect(toE164('020 7946 0958', gb)).toBe('+442079460958');
    expect(toE164('+1 201 555 0123', gb)).toBe('+12015550123');
    expect(toE164('(201) 555-0123', { country: 'US', allowFictional: false })).toBe('+12015550123');
  });

  it('refuses a US number without +1 in a GB service, invalid international numbers and garbage', () => {
    expect(toE164('(415) 555-2671', gb)).toBeNull();
    expect(toE164('+1 999 555 0123', gb)).toBeNull();
    expect(toE164('call me', gb)).toBeNull();
    expect(toE164('0800 FLOWERS', gb)).toBeNull();
    expect(toE164('07700 900', gb)).toBeNull();
  });

  it('accepts Ofcom’s drama ranges only when fictional numbers are allowed (never in production)', () => {
    expect(toE164('07700 900123', gb)).toBeNull();
    expect(toE164('07700 900123', { ...gb, allowFictional: true })).toBe('+447700900123');
    expect(toE164('01632 960001', { ...gb, allowFictional: true })).toBe('+441632960001');
    expect(toE164('07700 901123', { ...gb, allowFictional: true })).toBeNull();
  });
});

describe('displayPhone', () => {
  it('shows the service country’s numbers nationally and others internationally', () => {
    expect(displayPhone('+447700900123', 'GB')).toBe('07700 900123');
    expect(displayPhone('+442079460958', 'GB')).toBe('020 7946 0958');
    expect(displayPhone('+12015550123', 'GB')).toBe('+1 201 555 0123');
    expect(displayPhone('+12015550123', 'US')).toBe('(201) 555-0123');
  });
});
