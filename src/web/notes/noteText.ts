import type { Note } from '../api/types';
import { missingForSigning as missingParts } from '../../shared/notes/signing';

/** The editable text of a note: the group sections and one body per member. */
export interface NoteText {
  themes: string;
  interventions: string;
  groupProcess: string;
  members: Record<string, string>;
}

export { DID_NOT_CONTRIBUTE, GROUP_SECTIONS } from '../../shared/notes/signing';

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

/** What the note still needs before it can be signed, as short labels: the server's own rule (shared/notes/signing.ts). */
export function missingForSigning(text: NoteText, sections: Section[]): string[] {
  return missingParts(text, sections).map((m) => m.label);
}
