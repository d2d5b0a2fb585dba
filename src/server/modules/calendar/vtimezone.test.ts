import { describe, expect, it } from 'vitest';
import { vtimezoneFor } from './vtimezone.js';

function observances(block: string) {
  return [...block.matchAll(/BEGIN:(STANDARD|DAYLIGHT)\r\nDTSTART:(\d{8}T\d{6})\r\nTZOFFSETFROM:([+-]\d{4})\r\nTZOFFSETTO:([+-]\d{4})\r\n/g)].map((m) => ({
    kind: m[1],
    start: m[2],
    from: m[3],
    to: m[4],
  }));
}

describe('vtimezoneFor', () => {
  it('lists London’s clock changes at 01:00 GMT / 02:00 BST local, after a base observance', () => {
    const block = vtimezoneFor('Europe/London', new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z')) ?? '';
    expect(block.startsWith('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n')).toBe(true);
    expect(block.endsWith('END:VTIMEZONE')).toBe(true);
    expect(observances(block)).toEqual([
      { kind: 'STANDARD', start: '19700101T000000', from: '+0000', to: '+0000' },
      { kind: 'DAYLIGHT', start: '20260329T010000', from: '+0000', to: '+0100' },
      { kind: 'STANDARD', start: '20261025T020000', from: '+0100', to: '+0000' },
    ]);
  });

  it('handles zones west of Greenwich and half-hour offsets', () => {
    const newYork = vtimezoneFor('America/New_York', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z')) ?? '';
    expect(observances(newYork).slice(1)).toEqual([
      { kind: 'DAYLIGHT', start: '20270314T020000', from: '-0500', to: '-0400' },
      { kind: 'STANDARD', start: '20271107T020000', from: '-0400', to: '-0500' },
    ]);
    const kolkata = vtimezoneFor('Asia/Kolkata', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z')) ?? '';
    expect(observances(kolkata)).toEqual([{ kind: 'STANDARD', start: '19700101T000000', from: '+0530', to: '+0530' }]);
  });

  it('returns nothing for an unknown zone', () => {
    expect(vtimezoneFor('Mars/Olympus', new Date(), new Date())).toBeNull();
  });
});
