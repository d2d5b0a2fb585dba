import { describe, expect, it } from 'vitest';
import { crisisNumbers, splitCrisisLine } from './crisisLine';

const DEFAULT = 'If you are in danger now, call 999 (or your local emergency number). Samaritans: 116 123, free, day or night.';

describe('crisis line numbers', () => {
  it('finds 999 and 116 123 in the default text and keeps the words around them', () => {
    expect(crisisNumbers(DEFAULT)).toEqual([
      { text: '999', tel: '999' },
      { text: '116 123', tel: '116123' },
    ]);
    expect(
      splitCrisisLine(DEFAULT)
        .map((p) => p.text)
        .join(''),
    ).toBe(DEFAULT);
  });

  it('reads international and dashed numbers, and ignores one- and two-digit numbers', () => {
    expect(crisisNumbers('Call +44 20 7946 0000 or 0800-123-456 within 24 hours, 7 days a week.')).toEqual([
      { text: '+44 20 7946 0000', tel: '+442079460000' },
      { text: '0800-123-456', tel: '0800123456' },
    ]);
  });

  it('lists a number once even when the text repeats it', () => {
    expect(crisisNumbers('Call 988. If you cannot, text 988.')).toEqual([{ text: '988', tel: '988' }]);
  });
});
