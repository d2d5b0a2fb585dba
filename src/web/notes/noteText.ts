import type { Note, NoteEnvelope, NoteVersion } from '../api/types';
import { missingForSigning as missingParts } from '../../shared/notes/signing';
import { NOTE_TEMPLATES } from '../../shared/notes/templates';

/** The editable text of a note: the group part by its template's section keys, and one body per member. */
export interface NoteText {
  group: Record<string, string>;
  members: Record<string, string>;
}

/** A section of the group part as the note's template lays it out, with what it was pre-filled with. */
export interface GroupSection {
  key: string;
  label: string;
  hint: string;
  prefill: string;
}

export { DID_NOT_CONTRIBUTE } from '../../shared/notes/signing';

/** The group sections of a note, or of the draft a new note starts as (the programme's template). */
export function groupSectionsOf(envelope: Pick<NoteEnvelope, 'note' | 'draft'>): GroupSection[] {
  const sections = envelope.note?.sections ?? envelope.draft?.sections ?? [];
  return sections.map(({ key, label, hint, prefill }) => ({ key, label, hint, prefill }));
}

/**
 * The text a note starts from: an existing note is its own text; a new one the template's
 * pre-fill (the session's topic and skill focus, from the server), which the facilitator writes over.
 */
export function textOf(note: Note | null, draft?: NoteEnvelope['draft']): NoteText {
  const sections = note?.sections ?? draft?.sections ?? [];
  return {
    group: Object.fromEntries(sections.map((s) => [s.key, s.body])),
    members: Object.fromEntries((note?.members ?? []).map((m) => [m.enrolmentId, m.body])),
  };
}

/** A saved version's group part with the headings of the template it was written under. */
export function versionSections(content: NoteVersion['content']): { key: string; label: string; body: string }[] {
  if (content.sections) {
    const keys = Object.keys(content.sections);
    const template = [NOTE_TEMPLATES.soap, NOTE_TEMPLATES.dap].find((t) => t.sections.length === keys.length && t.sections.every((s) => keys.includes(s.key)));
    const labels = new Map((template?.sections ?? []).map((s) => [s.key, s.label]));
    return keys.map((key) => ({ key, label: labels.get(key) ?? key, body: content.sections?.[key] ?? '' }));
  }
  const free: Record<string, string> = { themes: content.themes, interventions: content.interventions, groupProcess: content.groupProcess };
  return NOTE_TEMPLATES.free.sections.map((s) => ({ key: s.key, label: s.label, body: free[s.key] ?? '' }));
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
  const keys = new Set([...Object.keys(a.group), ...Object.keys(b.group)]);
  if ([...keys].some((k) => (a.group[k] ?? '') !== (b.group[k] ?? ''))) return true;
  const ids = new Set([...Object.keys(a.members), ...Object.keys(b.members)]);
  return [...ids].some((id) => (a.members[id] ?? '').trim() !== (b.members[id] ?? '').trim());
}

/** What the note still needs before it can be signed, as short labels: the server's own rule (shared/notes/signing.ts). */
export function missingForSigning(text: NoteText, groupSections: GroupSection[], sections: Section[]): string[] {
  const group = groupSections.map((s) => ({ ...s, body: text.group[s.key] ?? '' }));
  return missingParts({ groupSections: group, members: text.members }, sections).map((m) => m.label);
}
