import { describe, expect, it } from 'vitest';

// Imported inside the test, not at the top: a rule table or prefilter that fails when the module
// loads must fail a test here, not only the collection of the file.
describe('the phrase rules', () => {
  it('load with their literal prefilter and find an urgent statement', async () => {
    const { assessPhrases } = await import('./phrase-rules.js');
    expect(assessPhrases('i am going to kill myself')).toMatchObject({ tier: 'urgent', score: 5 });
  });
});
