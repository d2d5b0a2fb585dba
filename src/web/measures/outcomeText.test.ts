import { describe, expect, it } from 'vitest';
import type { OutcomeReport } from './api';
import { effectWord, improvementWords, outcomeFigures } from './outcomeText';

const demo: OutcomeReport = {
  instrument: { code: 'phq-9', title: 'PHQ-9', higherIsBetter: false },
  started: 7,
  completed: 7,
  meanFirst: 11.57,
  meanLast: 8,
  meanChange: -3.57,
  reliablyImproved: 0.429,
  reliablyDeteriorated: 0.143,
  recovered: 0.8,
  reliablyRecovered: 0.4,
  casesAtStart: 5,
  effectSize: 1.15,
  attendance: { correlationWithImprovement: 0.65, meanImprovementAttendedMost: 5.17, meanImprovementAttendedLess: -6, attendedMost: 6, attendedLess: 1 },
  connection: { loneliness: { started: 7, completed: 6, meanChange: -1.17, shareImproved: 0.667 }, network: null },
};

describe('outcome figures in plain words', () => {
  it('turns shares back into people and says what each figure means', () => {
    const byLabel = Object.fromEntries(outcomeFigures(demo).map((f) => [f.label, f]));
    expect(byLabel['Took part']).toMatchObject({ value: '7 compared', n: 7 });
    expect(byLabel['Average change']).toMatchObject({ value: '−3.6', text: expect.stringContaining('from 11.57 at the first answer to 8 at the latest (lower is better)') });
    expect(byLabel['Reliably improved']).toMatchObject({ value: '43%', text: expect.stringMatching(/^3 of 7 improved/) });
    expect(byLabel['Recovered']?.text).toContain('5 started at or above the clinical cut-off (caseness). 4 of them ended below it; 2 (40%)');
    expect(byLabel['Effect size']?.text).toContain('1.15: large');
    expect(byLabel['Attendance and change']?.text).toContain(
      '6 people came to at least three-quarters of their sessions and improved by 5.2 points on average; 1 came less often and worsened by 6 points on average.',
    );
  });

  it('gives no correlation and no headline number from fewer than ten people, and says how many', () => {
    const small = Object.fromEntries(outcomeFigures(demo).map((f) => [f.label, f]));
    expect(small['Attendance and change']).toMatchObject({ value: '—', n: 7, text: expect.stringContaining('Too few people (7; at least 10 are needed) to correlate') });
    expect(small['Attendance and change']?.text).not.toContain('0.65');
    expect(small['Reliably improved']?.n).toBe(7);
    const large = Object.fromEntries(
      outcomeFigures({ ...demo, started: 14, completed: 12, attendance: { ...demo.attendance, attendedMost: 9, attendedLess: 3 } }).map((f) => [f.label, f]),
    );
    expect(large['Attendance and change']).toMatchObject({ value: 'r = 0.65', n: 12 });
    expect(large['Attendance and change']?.text).toContain('people who came more tended to improve more');
  });

  it('stops after participation when nobody answered twice', () => {
    expect(outcomeFigures({ ...demo, completed: 0 }).map((f) => f.label)).toEqual(['Took part']);
  });

  it('names effect sizes and changes', () => {
    expect(effectWord(0.1)).toBe('negligible');
    expect(effectWord(-0.6)).toBe('medium, in the direction of getting worse');
    expect(improvementWords(null)).toBe('not enough answers to say');
    expect(improvementWords(1)).toBe('improved by 1 point on average');
  });
});
