import { describe, expect, it } from 'vitest';
import { uncoveredPeriods } from './gaps.js';

const at = (h: number) => new Date(Date.UTC(2026, 11, 3, h)).toISOString();

describe('uncoveredPeriods', () => {
  it('is the whole window when there are no shifts', () => {
    expect(uncoveredPeriods([], at(0), at(24))).toEqual([{ startsAt: at(0), endsAt: at(24) }]);
  });

  it('finds the holes between, before and after shifts; touching shifts leave none', () => {
    const shifts = [
      { startsAt: at(8), endsAt: at(12) },
      { startsAt: at(12), endsAt: at(16) },
      { startsAt: at(18), endsAt: at(30) },
    ];
    expect(uncoveredPeriods(shifts, at(0), at(24))).toEqual([
      { startsAt: at(0), endsAt: at(8) },
      { startsAt: at(16), endsAt: at(18) },
    ]);
  });

  it('clips shifts that start before the window', () => {
    expect(uncoveredPeriods([{ startsAt: at(-5), endsAt: at(2) }], at(0), at(4))).toEqual([{ startsAt: at(2), endsAt: at(4) }]);
  });
});
