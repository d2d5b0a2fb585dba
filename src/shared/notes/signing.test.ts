import { describe, expect, it } from 'vitest';
import { DID_NOT_CONTRIBUTE, missingForSigning, type SigningText } from './signing.js';
import { NOTE_TEMPLATES, prefillFor } from './templates.js';

const attendees = [
  { enrolmentId: 'e1', pseudonym: 'Harbour' },
  { enrolmentId: 'e2', pseudonym: 'Willow' },
];
const group = (themes: string, interventions: string, groupProcess: string) => [
  { key: 'themes', label: 'Themes', body: themes },
  { key: 'interventions', label: 'Interventions', body: interventions },
  { key: 'groupProcess', label: 'Group process', body: groupProcess },
];
const complete: SigningText = { groupSections: group('Sleep.', 'Psychoeducation.', 'Warm.'), members: { e1: 'Shared a plan.', e2: DID_NOT_CONTRIBUTE } };

describe('when a note may be signed (one rule for server and editor)', () => {
  it('is complete with every group part and a line or "Did not contribute" for each attendee', () => {
    expect(missingForSigning(complete, attendees)).toEqual([]);
  });

  it('names each empty or blank group part, in the order of the note', () => {
    const missing = missingForSigning({ ...complete, groupSections: group('  ', 'Psychoeducation.', '') }, attendees);
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

  it('counts a section holding only its template pre-fill as empty, and anything added to it as written', () => {
    const prefill = prefillFor('dap', { position: 3, topic: 'Boundaries', skillFocus: 'Saying no kindly' });
    const sections = NOTE_TEMPLATES.dap.sections.map((s) => ({ key: s.key, label: s.label, prefill: prefill[s.key], body: s.key === 'data' ? `  ${prefill.data}  ` : 'Written.' }));
    const untouched = missingForSigning({ groupSections: sections, members: {} }, [], false);
    expect(untouched).toEqual([{ path: 'note.sections.data', label: 'Data', message: "Data holds only the template's text." }]);
    const added = sections.map((s) => (s.key === 'data' ? { ...s, body: `${prefill.data}Six members practised refusals in pairs.` } : s));
    expect(missingForSigning({ groupSections: added, members: {} }, [], false)).toEqual([]);
  });
});

describe('note templates', () => {
  it('pre-fill the session section with the topic and skill focus, and leave the others empty', () => {
    expect(prefillFor('soap', { position: 2, topic: 'Listening', skillFocus: 'Reflecting back' })).toEqual({
      subjective: '',
      objective: 'Session 2: Listening\nSkill focus: Reflecting back\n',
      assessment: '',
      plan: '',
    });
    expect(prefillFor('free', { position: null, topic: 'Extra session', skillFocus: null })).toEqual({
      themes: 'Session topic: Extra session\n',
      interventions: '',
      groupProcess: '',
    });
  });
});
