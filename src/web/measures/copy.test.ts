import { describe, expect, it } from 'vitest';
import { changeSentence, reasonLabel, signed } from './copy';

describe('measure wording', () => {
  it('says a reliable change with its sign and threshold', () => {
    expect(changeSentence({ change: -7, category: 'reliable_improvement', recovered: true, threshold: 6 })).toBe('Reliable improvement: −7 (threshold 6)');
    expect(changeSentence({ change: 6, category: 'reliable_deterioration', recovered: false, threshold: 6 })).toBe('Reliable deterioration: +6 (threshold 6)');
    expect(changeSentence({ change: 1.5, category: 'no_reliable_change', recovered: false, threshold: null })).toBe('Change since the first answer: +1.5');
  });

  it('uses a real minus sign and drops needless decimals', () => {
    expect(signed(-3.57)).toBe('−3.6');
    expect(signed(0)).toBe('0');
    expect(signed(4)).toBe('+4');
  });

  it('explains why a questionnaire was asked', () => {
    expect(reasonLabel('enrolment')).toBe('Asked when you joined your group');
    expect(reasonLabel('after-session:4')).toBe('Asked after session 4');
    expect(reasonLabel('session-start:abc')).toBe("Asked before today's session");
  });
});
