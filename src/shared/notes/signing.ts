/**
 * The one rule for when a group note may be signed, read by the server (which refuses to sign
 * with `note_incomplete`, listing what is missing) and by the editor (which lists the same before
 * the clinician asks): every section of the group part as the note's template lays it out, and a
 * section for each member who attended (present, late or left early) — a line about them, or the
 * explicit "Did not contribute." the editor offers. Absent members have no section: attendance
 * already records them. A section that still holds only what the template pre-filled (the
 * session's topic and skill focus) is empty: nobody wrote it.
 */

import { NOTE_TEMPLATES } from './templates.js';

/** What a member section says when the member attended but did not take part: an explicit statement, never a blank. */
export const DID_NOT_CONTRIBUTE = 'Did not contribute.';

/** The group sections of a free note (the structure Hearth has always had). */
export const GROUP_SECTIONS = NOTE_TEMPLATES.free.sections;

export interface SigningText {
  /** The group part in the template's order: each section's text and what it was pre-filled with. */
  groupSections: readonly { key: string; label: string; body: string; prefill?: string }[];
  /** Member section bodies by enrolment id. */
  members: Readonly<Record<string, string>>;
}

export interface MissingPart {
  /** Where it is missing: `note.themes`, `note.sections.data`, `note.members.<enrolmentId>`. */
  path: string;
  /** A short name for a list ("Themes", "Harbour's section"). */
  label: string;
  /** A sentence for an error's details. */
  message: string;
}

/** Whether a group section holds something a clinician wrote: not blank, and not only its pre-fill (if it has one). */
export function isWritten(body: string, prefill: string | undefined): boolean {
  const text = body.trim();
  return text !== '' && text !== prefill?.trim();
}

/** What the note still needs before it can be signed; empty when complete. */
export function missingForSigning(text: SigningText, attendees: readonly { enrolmentId: string; pseudonym: string }[], free = true): MissingPart[] {
  const missing: MissingPart[] = [];
  for (const s of text.groupSections) {
    if (isWritten(s.body, s.prefill)) continue;
    const untouched = s.body.trim() !== '';
    missing.push({
      path: free ? `note.${s.key}` : `note.sections.${s.key}`,
      label: s.label,
      message: untouched ? `${s.label} holds only the template's text.` : `${s.label} is empty.`,
    });
  }
  for (const a of attendees) {
    if (!(text.members[a.enrolmentId] ?? '').trim()) {
      missing.push({ path: `note.members.${a.enrolmentId}`, label: `${a.pseudonym}'s section`, message: `${a.pseudonym} attended: write a line, or mark “did not contribute”.` });
    }
  }
  return missing;
}
