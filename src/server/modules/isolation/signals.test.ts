import { describe, expect, it } from 'vitest';
import { DEFAULT_ISOLATION_THRESHOLDS, type IsolationSignal } from '../../../shared/schemas/isolation.js';
import { levelOf, suggestedActions } from './signals.js';

const s = (key: IsolationSignal['key'], severity: IsolationSignal['severity'], soft = false): IsolationSignal => ({ key, severity, soft, summary: key, figures: {} });
const T = DEFAULT_ISOLATION_THRESHOLDS;

describe('the level the signals give', () => {
  it('is none with soft signals only, however many (the quiet reader)', () => {
    expect(levelOf([], T)).toBe('none');
    expect(levelOf([s('posting', 'watch', true), s('reactions', 'watch', true), s('appreciations', 'watch', true), s('goals', 'watch', true)], T)).toBe('none');
  });

  it('is watch for one signal at its watch threshold, with or without soft ones', () => {
    expect(levelOf([s('attendance', 'watch')], T)).toBe('watch');
    expect(levelOf([s('attendance', 'watch'), s('posting', 'watch', true), s('reactions', 'watch', true), s('appreciations', 'watch', true)], T)).toBe('watch');
  });

  it('is reach out for one signal at its reach-out threshold, or for enough signals together (soft ones counting as one)', () => {
    expect(levelOf([s('mood', 'reach_out')], T)).toBe('reach_out');
    expect(levelOf([s('attendance', 'watch'), s('unanswered', 'watch')], T)).toBe('watch');
    expect(levelOf([s('attendance', 'watch'), s('unanswered', 'watch'), s('posting', 'watch', true)], T)).toBe('reach_out');
    expect(levelOf([s('attendance', 'watch'), s('unanswered', 'watch'), s('posting', 'watch', true)], { ...T, reachOutSignals: 4 })).toBe('watch');
    expect(levelOf([s('attendance', 'watch'), s('unanswered', 'watch'), s('space_quiet', 'watch')], T)).toBe('reach_out');
  });

  it('suggests actions for the most pressing signals first, each once', () => {
    const actions = suggestedActions([s('reactions', 'watch', true), s('appreciations', 'watch', true), s('attendance', 'watch'), s('mood', 'reach_out')]);
    expect(actions).toHaveLength(3);
    expect(actions[0]).toMatch(/^A word with them/);
    expect(actions[1]).toMatch(/personal message/);
    expect(actions[2]).toMatch(/Pair them with a peer/);
  });
});
