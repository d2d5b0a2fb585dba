import type { Note } from '../api/types';

/** The editable text of a note: the group sections and one body per member. */
export interface NoteText {
  themes: string;
  interventions: string;
  groupProcess: string;
  members: Record<string, string>;
}

/** What a member section says when the member attended but did not take part: an explicit statement, never a blank. */
export const DID_NOT_CONTRIBUTE = 'Did not contribute.';

/**
 * The text a new note starts from: the session's topic as the first line of the themes (the
 * facilitator writes the rest). An existing note is its own text.
 */
export function textOf(note: Note | null, template?: { number: number | null; topic: string }): NoteText {
  const start = !note && template?.topic ? `${template.number ? `Session ${template.number}: ` : ''}${template.topic}.\n` : '';
  return {
    themes: note?.themes ?? start,
    interventions: note?.interventions ?? '',
    groupProcess: note?.groupProcess ?? '',
    members: Object.fromEntries((note?.members ?? []).map((m) => [m.enrolmentId, m.body])),
  };
}

export const GROUP_SECTIONS = [
  { key: 'themes', label: 'Themes', hint: 'What the group talked about; what stood out.' },
  { key: 'interventions', label: 'Interventions', hint: 'What the facilitators did: psychoeducation, exercises, linking, validation.' },
  { key: 'groupProcess', label: 'Group process', hint: 'How the group worked together: cohesion, conflict, who was quiet.' },
] as const;

export interface Section {
  enrolmentId: string;
  pseudonym: string;
  displayName: string;
}

/** One section per attendee, plus any earlier section of someone no longer marked as attending. */
export function sectionsFor(note: Note | null, attendees: Section[]): { sections: Section[]; orphans: Section[] } {
  const present = new Set(attendees.map((a) => a.enrolmentId));
  const orphans = (note?.members ?? []).filter((m) => !present.has(m.enrolmentId) && m.body.trim());
  const sections = [...attendees].sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
  return { sections, orphans };
}

/** True when two texts differ anywhere (member sections compared by trimmed body). */
export function differs(a: NoteText, b: NoteText): boolean {
  if (a.themes !== b.themes || a.interventions !== b.interventions || a.groupProcess !== b.groupProcess) return true;
  const ids = new Set([...Object.keys(a.members), ...Object.keys(b.members)]);
  return [...ids].some((id) => (a.members[id] ?? '').trim() !== (b.members[id] ?? '').trim());
}

/**
 * What the note still needs before it can be signed (the server checks the same): every part of
 * the group section, and a section for each attendee — a line, or "Did not contribute."
 */
export function missingForSigning(text: NoteText, sections: Section[]): string[] {
  const missing: string[] = GROUP_SECTIONS.filter((s) => !text[s.key].trim()).map((s) => s.label);
  for (const s of sections) if (!(text.members[s.enrolmentId] ?? '').trim()) missing.push(`${s.pseudonym}'s section`);
  return missing;
}
