import { describe, expect, it } from 'vitest';
import { normalisePseudonym } from './pseudonym.js';

describe('normalisePseudonym', () => {
  it('keeps ordinary names and tidies spaces', () => {
    expect(normalisePseudonym('  Willow  ')).toEqual({ ok: true, value: 'Willow' });
    expect(normalisePseudonym('Blue   Heron')).toEqual({ ok: true, value: 'Blue Heron' });
    expect(normalisePseudonym('Zoë')).toEqual({ ok: true, value: 'Zoë' });
  });

  it('removes zero-width and right-to-left control characters so look-alikes collide', () => {
    expect(normalisePseudonym('Wil\u200Blow')).toEqual({ ok: true, value: 'Willow' });
    expect(normalisePseudonym('\u202EWillow')).toEqual({ ok: true, value: 'Willow' });
    expect(normalisePseudonym('Ｗｉｌｌｏｗ')).toEqual({ ok: true, value: 'Willow' });
  });

  it('refuses markup, contact details and names that are too short or long', () => {
    expect(normalisePseudonym('<b>x</b>').ok).toBe(false);
    expect(normalisePseudonym('me@example.org').ok).toBe(false);
    expect(normalisePseudonym('Call 0712345678').ok).toBe(false);
    expect(normalisePseudonym('A').ok).toBe(false);
    expect(normalisePseudonym('x'.repeat(25)).ok).toBe(false);
  });
});
