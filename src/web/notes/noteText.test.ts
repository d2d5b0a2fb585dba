import { describe, expect, it } from 'vitest';
import { differs, missingForSigning, textOf, versionSections, type GroupSection } from './noteText';

const prefill = 'Session 2: Boundaries\nSkill focus: Saying no kindly\n';
const dap: GroupSection[] = [
  { key: 'data', label: 'Data', hint: '', prefill },
  { key: 'assessment', label: 'Assessment', hint: '', prefill: '' },
  { key: 'plan', label: 'Plan', hint: '', prefill: '' },
];
const draft = { template: { kind: 'dap' as const, version: 1 }, sections: dap.map((s) => ({ ...s, body: s.prefill })) };
const attendees = [{ enrolmentId: 'e1', pseudonym: 'Harbour', displayName: 'Jonah Reyes' }];

describe('the note editor’s text', () => {
  it('starts a new note from the server’s draft: the pre-fill in its section, the rest empty', () => {
    expect(textOf(null, draft)).toEqual({ group: { data: prefill, assessment: '', plan: '' }, members: {} });
  });

  it('lists an untouched pre-fill as still to write, as the server would', () => {
    const text = { group: { data: prefill, assessment: 'Engaged.', plan: 'Next week.' }, members: { e1: 'Spoke.' } };
    expect(missingForSigning(text, dap, attendees)).toEqual(['Data']);
    expect(missingForSigning({ ...text, group: { ...text.group, data: `${prefill}Practised refusals.` } }, dap, attendees)).toEqual([]);
  });

  it('notices a change in any group section', () => {
    const start = textOf(null, draft);
    expect(differs(start, textOf(null, draft))).toBe(false);
    expect(differs(start, { ...start, group: { ...start.group, plan: 'x' } })).toBe(true);
  });

  it('shows a version with the headings of the template it was written under', () => {
    const members: { enrolmentId: string; body: string }[] = [];
    expect(versionSections({ themes: '', interventions: '', groupProcess: '', sections: { data: 'D', assessment: 'A', plan: 'P' }, members })).toEqual([
      { key: 'data', label: 'Data', body: 'D' },
      { key: 'assessment', label: 'Assessment', body: 'A' },
      { key: 'plan', label: 'Plan', body: 'P' },
    ]);
    expect(versionSections({ themes: 'T', interventions: 'I', groupProcess: 'G', members }).map((s) => s.label)).toEqual(['Themes', 'Interventions', 'Group process']);
  });
});
