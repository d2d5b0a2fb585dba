import type { DbOrTx } from '../../db/database.js';
import { NOTE_TEMPLATES, prefillFor, type NoteTemplateKind } from '../../../shared/notes/templates.js';
import { currentNoteTemplate } from '../programmes/note-templates.js';

/** The stored group part of a note: a free note's three columns, or a DAP/SOAP note's sections, and its pre-fill. */
export interface StoredGroupPart {
  template_kind: NoteTemplateKind;
  themes: string;
  interventions: string;
  group_process: string;
  sections: string | null;
  prefill: string | null;
}

const parseMap = (json: string | null): Record<string, string> => (json ? (JSON.parse(json) as Record<string, string>) : {});

/** A note's group part by section key, whatever its template. */
export function groupTextOf(row: StoredGroupPart): Record<string, string> {
  if (row.template_kind === 'free') return { themes: row.themes, interventions: row.interventions, groupProcess: row.group_process };
  return parseMap(row.sections);
}

/** The group part in the template's order, with each section's heading, hint, text and pre-fill. */
export function groupSectionsOf(row: StoredGroupPart) {
  const text = groupTextOf(row);
  const prefill = parseMap(row.prefill);
  return NOTE_TEMPLATES[row.template_kind].sections.map((s) => ({ key: s.key, label: s.label, hint: s.hint, body: text[s.key] ?? '', prefill: prefill[s.key] ?? '' }));
}

/**
 * The structure a new note for this session takes: its programme's current template, pre-filled
 * with the session's topic and, from the curriculum, its number and skill focus.
 */
export async function draftTemplateFor(db: DbOrTx, sessionId: string) {
  const session = await db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .leftJoin('session_plans as p', 'p.id', 's.plan_id')
    .select(['s.topic', 'g.programme_id', 'p.position', 'p.skill_focus'])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const template = await currentNoteTemplate(db, session.programme_id);
  const prefill = prefillFor(template.kind, { position: session.position, topic: session.topic, skillFocus: session.skill_focus });
  return { template, prefill };
}
