import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';

// "Not a joke", "not joking", "no lie": the negation is of the joke, not of what the writer says next
// ("not a joke this time, swallowed 40" is a disclosure, not a denial). The frames skip a negated act,
// so a statement left negated after one of these words is an overdose read as denied.
const marked = (text: string): string[] => analyse(text).map((s) => s.tokens.map((t) => `${t.text}${t.negated ? '¬' : ''}`).join(' '));

describe('a negated joke does not negate the statement after it', () => {
  it.each(['joking', 'kidding', 'lying', 'exaggerating', 'exaggerate', 'kid'])('"not %s swallowed 40": the act is the writer’s', (word) => {
    expect(marked(`not ${word} swallowed 40`)).toEqual([`not ${word}¬ swallowed 40`]);
  });

  it.each(['joke', 'lie', 'drill', 'kid'])('"not a %s swallowed 40": the act is the writer’s', (word) => {
    expect(marked(`not a ${word} swallowed 40`)).toEqual([`not a¬ ${word}¬ swallowed 40`]);
  });

  it('"no lie" too', () => {
    expect(marked('no lie swallowed 40')).toEqual(['no lie¬ swallowed 40']);
  });

  it('but any other word after the negator negates the act as before', () => {
    expect(marked('not a fan swallowed 40')).toEqual(['not a¬ fan¬ swallowed¬ 40¬']);
    // Only "a" stands between the negator and the joke: "the" does not.
    expect(marked('not the joke swallowed 40')).toEqual(['not the¬ joke¬ swallowed¬ 40¬']);
    expect(marked('not going to take them all')).toEqual(['not going¬ to¬ take¬ them¬ all¬']);
  });
});
