import { describe, expect, it } from 'vitest';
import { DID_NOT_CONTRIBUTE, missingForSigning } from './signing.js';

const attendees = [
  { enrolmentId: 'e1', pseudonym: 'Harbour' },
  { enrolmentId: 'e2', pseudonym: 'Willow' },
];
const complete = { themes: 'Sleep.', interventions: 'Psychoeducation.', groupProcess: 'Warm.', members: { e1: 'Shared a plan.', e2: DID_NOT_CONTRIBUTE } };

describe('when a note may be signed (one rule for server and editor)', () => {
  it('is complete with every group part and a line or "Did not contribute" for each attendee', () => {
    expect(missingForSigning(complete, attendees)).toEqual([]);
  });

  it('names each empty or blank group part, in the order of the note', () => {
    const missing = missingForSigning({ ...complete, themes: '  ', groupProcess: '' }, attendees);
    expect(missing).toEqual([
      { path: 'note.themes', label: 'Themes', message: 'Themes is empty.' },
      { path: 'note.groupProcess', label: 'Group process', message: 'Group process is empty.' },
    ]);
  });

  it('names each attendee without a section, by pseudonym and enrolment', () => {
    const missing = missingForSigning({ ...complete, members: { e1: ' \n' } }, attendees);
    expect(missing.map((m) => m.path)).toEqual(['note.members.e1', 'note.members.e2']);
    expect(missing.map((m) => m.label)).toEqual(["Harbour's section", "Willow's section"]);
    expect(missing[0]?.message).toBe('Harbour attended: write a line, or mark “did not contribute”.');
  });

  it('asks nothing of members who did not attend (a section for them is not required)', () => {
    expect(missingForSigning({ ...complete, members: {} }, [])).toEqual([]);
  });
});
