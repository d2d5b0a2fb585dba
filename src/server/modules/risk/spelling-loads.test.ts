import { describe, expect, it } from 'vitest';

// The spelling and shorthand tables are compiled when their modules load (the rewrite chains of
// normalise.ts and prepare-text.ts). A broken table makes the detector fail to load at all — every
// message would then go to a clinician as a detector fault. The modules are imported inside the
// test, so such a failure fails this test rather than only the collection of a test file.
describe('the detector’s text tables', () => {
  it('load, and read a texting form and a contraction with them', async () => {
    const { normaliseSpelling } = await import('./normalise.js');
    const { expandShorthand } = await import('./prepare-text.js');
    expect(normaliseSpelling('tonite')).toBe('tonight');
    expect(expandShorthand("can't")).toBe('can not');
  });
});
