import { describe, expect, it } from 'vitest';
import { assessLayer1, fusedModelTier } from './assess-risk.js';

// Two edges of the fusion rule the other fusion tests leave open (found by the mutation gate).
describe('how the model counts beside Layer 1', () => {
  it('a worry about a peer lowers an urgent model only when every counted frame is about somebody else, not when the writer’s own frame stands beside it', () => {
    const layer1 = assessLayer1('my friend has her pills lined up and i feel hopeless');
    expect(layer1.tier).toBe('concern');
    expect(layer1.frames.map((f) => [f.frame, f.tier, f.modifiers])).toEqual([
      ['means_prepared', 'concern', ['about someone else']],
      ['hopeless_trapped', 'concern', []],
    ]);
    // The writer's hopelessness is theirs: an urgent model (not very sure) stands.
    expect(fusedModelTier(layer1, 'urgent', 0.6)).toBe('urgent');
    // Alone, the peer's pills lower it to concern.
    expect(fusedModelTier(assessLayer1('my friend has her pills lined up'), 'urgent', 0.6)).toBe('concern');
  });

  it('"very sure" is a model that says urgent: a high probability under a stricter urgent threshold (the trainer tries them) is not made urgent against ordinary context', () => {
    const layer1 = assessLayer1('sharpened the kitchen knife for the roast');
    expect(layer1.tier).toBe('none');
    expect(layer1.frames.every((f) => f.tier === 'none' && f.modifiers.some((m) => m.startsWith('ordinary context')))).toBe(true);
    expect(fusedModelTier(layer1, 'concern', 0.9)).toBe('none');
    expect(fusedModelTier(layer1, 'urgent', 0.9)).toBe('urgent');
    expect(fusedModelTier(layer1, 'urgent', 0.6)).toBe('concern');
  });
});
