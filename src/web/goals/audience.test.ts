import { describe, expect, it } from 'vitest';
import { audienceSentence } from './audience';

describe('audienceSentence', () => {
  it('names clinicians and lists group members by pseudonym', () => {
    expect(
      audienceSentence({
        visibility: 'group',
        clinicians: [
          { name: 'Ada Lovelace', relation: 'facilitator' },
          { name: 'Ben Hart', relation: 'referrer' },
        ],
        group: { name: 'Tuesday group', memberCount: 2, pseudonyms: ['Sky', 'River'] },
      }),
    ).toBe('Ada Lovelace (clinician), Ben Hart (referring clinician) and 2 members of Tuesday group: Sky, River.');
  });

  it('reads naturally for one person, an empty group and no one at all', () => {
    expect(audienceSentence({ visibility: 'clinicians', clinicians: [{ name: 'Ada Lovelace', relation: 'facilitator' }], group: null })).toBe('Ada Lovelace (clinician).');
    expect(audienceSentence({ visibility: 'group', clinicians: [], group: { name: 'G', memberCount: 1, pseudonyms: ['Sky'] } })).toBe('1 member of G: Sky.');
    expect(audienceSentence({ visibility: 'group', clinicians: [], group: { name: 'G', memberCount: 0, pseudonyms: [] } })).toBe('no other members of G yet.');
    expect(audienceSentence({ visibility: 'clinicians', clinicians: [], group: null })).toBe('No one else yet.');
  });
});
