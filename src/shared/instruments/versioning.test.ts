import { describe, expect, it } from 'vitest';
import { GAD_7, PHQ_9 } from './builtins/index.js';
import type { InstrumentDefinition } from './definition.js';
import { checkNewVersion, scoringFingerprint } from './versioning.js';

describe('checkNewVersion', () => {
  it('accepts the same definition, a retitled one, and a bumped version', () => {
    expect(checkNewVersion(PHQ_9, PHQ_9)).toEqual([]);
    expect(checkNewVersion(PHQ_9, { ...PHQ_9, title: 'PHQ-9 (depression)' })).toEqual([]);
    expect(checkNewVersion(PHQ_9, { ...PHQ_9, version: 2, bands: PHQ_9.bands.slice(0, 4) })).toEqual([]);
  });

  it('needs a new version when scoring changes', () => {
    const changed: InstrumentDefinition = { ...PHQ_9, caseness: { threshold: 12, direction: 'atOrAbove' } };
    expect(checkNewVersion(PHQ_9, changed)).toEqual([
      {
        path: 'version',
        code: 'version_conflict',
        message: 'The items or scoring differ from version 1: give this definition version 2.',
      },
    ]);
    expect(scoringFingerprint(changed)).not.toBe(scoringFingerprint(PHQ_9));
  });

  it('refuses older versions and other instruments', () => {
    expect(checkNewVersion({ ...PHQ_9, version: 3 }, PHQ_9)).toMatchObject([{ path: 'version', code: 'version_conflict' }]);
    expect(checkNewVersion(PHQ_9, GAD_7)).toMatchObject([{ path: 'id', code: 'version_conflict' }]);
  });
});
