/**
 * The one rule for when a group note may be signed, read by the server (which refuses to sign
 * with `note_incomplete`, listing what is missing) and by the editor (which lists the same before
 * the clinician asks): every part of the group section, and a section for each member who
 * attended (present, late or left early) — a line about them, or the explicit "Did not
 * contribute." the editor offers. Absent members have no section: attendance already records them.
 */

/** What a member section says when the member attended but did not take part: an explicit statement, never a blank. */
export const DID_NOT_CONTRIBUTE = 'Did not contribute.';

export const GROUP_SECTIONS = [
  { key: 'themes', label: 'Themes', hint: 'What the group talked about; what stood out.' },
  { key: 'interventions', label: 'Interventions', hint: 'What the facilitators did: psychoeducation, exercises, linking, validation.' },
  { key: 'groupProcess', label: 'Group process', hint: 'How the group worked together: cohesion, conflict, who was quiet.' },
] as const;

export interface SigningText {
  themes: string;
  interventions: string;
  groupProcess: string;
  /** Member section bodies by enrolment id. */
  members: Readonly<Record<string, string>>;
}

export interface MissingPart {
  /** Where it is missing: `note.themes`, `note.members.<enrolmentId>`. */
  path: string;
  /** A short name for a list ("Themes", "Harbour's section"). */
  label: string;
  /** A sentence for an error's details. */
  message: string;
}

/** What the note still needs before it can be signed; empty when complete. */
export function missingForSigning(text: SigningText, attendees: readonly { enrolmentId: string; pseudonym: string }[]): MissingPart[] {
  const missing: MissingPart[] = [];
  for (const s of GROUP_SECTIONS) if (!text[s.key].trim()) missing.push({ path: `note.${s.key}`, label: s.label, message: `${s.label} is empty.` });
  for (const a of attendees) {
    if (!(text.members[a.enrolmentId] ?? '').trim()) {
      missing.push({ path: `note.members.${a.enrolmentId}`, label: `${a.pseudonym}'s section`, message: `${a.pseudonym} attended: write a line, or mark “did not contribute”.` });
    }
  }
  return missing;
}
