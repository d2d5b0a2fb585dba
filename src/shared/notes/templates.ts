/**
 * Note templates: the structures a programme may choose for the group section of its notes
 * (issue 16 item 3), read by the server (which stores and checks sections by these keys) and by
 * the editor (which shows their headings and hints). Per-member sections are the same under every
 * template. `free` is the structure Hearth has always had, so its keys are the note's columns.
 */

export const NOTE_TEMPLATE_KINDS = ['free', 'dap', 'soap'] as const;
export type NoteTemplateKind = (typeof NOTE_TEMPLATE_KINDS)[number];

export interface NoteSectionDefinition {
  key: string;
  label: string;
  hint: string;
}

export interface NoteTemplateDefinition {
  kind: NoteTemplateKind;
  name: string;
  description: string;
  sections: readonly NoteSectionDefinition[];
  /** The section the session's topic and skill focus are written into when a draft starts. */
  sessionSection: string;
}

export const NOTE_TEMPLATES: Readonly<Record<NoteTemplateKind, NoteTemplateDefinition>> = {
  free: {
    kind: 'free',
    name: 'Free',
    description: 'Themes, interventions and group process, in the clinician’s own words.',
    sessionSection: 'themes',
    sections: [
      { key: 'themes', label: 'Themes', hint: 'What the group talked about; what stood out.' },
      { key: 'interventions', label: 'Interventions', hint: 'What the facilitators did: psychoeducation, exercises, linking, validation.' },
      { key: 'groupProcess', label: 'Group process', hint: 'How the group worked together: cohesion, conflict, who was quiet.' },
    ],
  },
  dap: {
    kind: 'dap',
    name: 'DAP',
    description: 'What happened, the clinician’s reading of it, what comes next.',
    sessionSection: 'data',
    sections: [
      { key: 'data', label: 'Data', hint: 'What happened: the topic, what members said and did, the exercises used.' },
      { key: 'assessment', label: 'Assessment', hint: 'The clinician’s reading of it: progress, group process, risk.' },
      { key: 'plan', label: 'Plan', hint: 'What comes next: the next session, follow-ups, anyone to contact.' },
    ],
  },
  soap: {
    kind: 'soap',
    name: 'SOAP',
    description: 'What members reported, what was observed, the clinician’s reading of it, what comes next.',
    sessionSection: 'objective',
    sections: [
      { key: 'subjective', label: 'Subjective', hint: 'What members reported: how they are, what they shared.' },
      { key: 'objective', label: 'Objective', hint: 'What was observed: the topic and exercises, attendance, engagement.' },
      { key: 'assessment', label: 'Assessment', hint: 'The clinician’s reading of it: progress, group process, risk.' },
      { key: 'plan', label: 'Plan', hint: 'What comes next: the next session, follow-ups, anyone to contact.' },
    ],
  },
};

/** Whether a string names a note template. */
export function isNoteTemplateKind(value: string): value is NoteTemplateKind {
  return (NOTE_TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** What a session brings to a new draft: its number in the programme, topic and the curriculum's skill focus. */
export interface SessionForPrefill {
  position: number | null;
  topic: string;
  skillFocus: string | null;
}

/**
 * The text a new draft's group section starts with, by section key: the session's topic and skill
 * focus in the template's session section, nothing elsewhere. Signing treats this text, untouched,
 * as empty.
 */
export function prefillFor(kind: NoteTemplateKind, session: SessionForPrefill): Record<string, string> {
  const template = NOTE_TEMPLATES[kind];
  const lines = [session.position === null ? `Session topic: ${session.topic}` : `Session ${session.position}: ${session.topic}`];
  if (session.skillFocus) lines.push(`Skill focus: ${session.skillFocus}`);
  return Object.fromEntries(template.sections.map((s) => [s.key, s.key === template.sessionSection ? `${lines.join('\n')}\n` : '']));
}
