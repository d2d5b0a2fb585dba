import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess-risk.js';
import { listBatches, loadBatch, loadCorpus, trainingCorpus } from './corpus.js';
import { evaluateDetector } from './evaluate.js';
import { phraseRuleOptions, assessPhrases } from './phrase-rules.js';

describe('the labelled corpus', () => {
  it('holds at least 3,000 valid labelled sentences in dated batches, with every tier and kind', () => {
    const batches = listBatches();
    const all = batches.flatMap(loadBatch);
    expect(all.length).toBeGreaterThanOrEqual(3000);
    for (const b of batches) expect(b.written).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cells = new Set(all.map((s) => `${s.tier}:${s.kind}`));
    for (const cell of ['none:none', 'concern:self_harm', 'concern:harm_to_others', 'concern:being_harmed', 'urgent:self_harm', 'urgent:harm_to_others', 'urgent:being_harmed'])
      expect(cells).toContain(cell);
    expect(batches.filter((b) => b.role === 'validation')).toHaveLength(1);
  });

  it('never trains on the validation or held-out sentences', () => {
    const training = new Set(trainingCorpus().map((s) => s.text.toLowerCase().trim()));
    const overlap = loadCorpus(['validation', 'heldout']).filter((s) => training.has(s.text.toLowerCase().trim()));
    expect(overlap.map((s) => s.text)).toEqual([]);
    // A line a training batch shares with a validation or held-out one is left out of training, not out of its batch.
    const left = loadCorpus(['train']).filter((s) => !training.has(s.text.toLowerCase().trim()));
    expect(left.length).toBeLessThan(20);
    expect(left.every((s) => loadCorpus(['validation', 'heldout']).some((h) => h.text.toLowerCase().trim() === s.text.toLowerCase().trim()))).toBe(true);
  });

  it('keeps its validation figures (regression floor; the honest figures are the first-sight ones in README.md)', () => {
    const e = evaluateDetector(loadCorpus(['validation']), assessRisk);
    const urgent = e.tiers.find((t) => t.tier === 'urgent');
    expect(urgent?.recall).toBeGreaterThanOrEqual(0.93);
    expect(urgent?.precision).toBeGreaterThanOrEqual(0.6);
    expect(e.urgentAsNone).toBeLessThanOrEqual(12);
  });

  it('gives the same phrase-rule results with and without the literal prefilter', () => {
    const sample = loadCorpus(['train', 'legacy']).filter((_, i) => i % 3 === 0);
    const withFilter = sample.map((s) => assessPhrases(s.text).signals.map((x) => `${x.ruleId}:${x.tier}`));
    phraseRuleOptions.prefilter = false;
    try {
      const without = sample.map((s) => assessPhrases(s.text).signals.map((x) => `${x.ruleId}:${x.tier}`));
      expect(withFilter).toEqual(without);
    } finally {
      phraseRuleOptions.prefilter = true;
    }
  });
});
