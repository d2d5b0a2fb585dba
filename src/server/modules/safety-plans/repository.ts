import type { SafetyContact, SafetyPlan, SafetyPlanSections } from '../../../shared/schemas/safety-plans.js';
import type { DbOrTx } from '../../db/database.js';

function list<T>(json: string): T[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** A participant's safety plan as people read it, or null when none was written yet. */
export async function loadSafetyPlan(db: DbOrTx, participantId: string): Promise<SafetyPlan | null> {
  const row = await db
    .selectFrom('safety_plans as p')
    .innerJoin('users as u', 'u.id', 'p.updated_by')
    .selectAll('p')
    .select(['u.display_name as updated_by_name', 'u.role as updated_by_role'])
    .where('p.participant_id', '=', participantId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    participantId: row.participant_id,
    warningSigns: list<string>(row.warning_signs),
    copingSteps: list<string>(row.coping_steps),
    distractions: list<string>(row.distractions),
    helpContacts: list<SafetyContact>(row.help_contacts),
    professionals: list<SafetyContact>(row.professionals),
    safeEnvironment: list<string>(row.safe_environment),
    reasonsForLiving: list<string>(row.reasons_for_living),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: { name: row.updated_by_name, role: row.updated_by_role },
  };
}

/** Whether a participant has a plan (without reading it: no audit needed). */
export async function hasSafetyPlan(db: DbOrTx, participantId: string): Promise<boolean> {
  return !!(await db.selectFrom('safety_plans').select('id').where('participant_id', '=', participantId).executeTakeFirst());
}

/** The stored columns for the sections. */
export function sectionColumns(sections: SafetyPlanSections) {
  return {
    warning_signs: JSON.stringify(sections.warningSigns),
    coping_steps: JSON.stringify(sections.copingSteps),
    distractions: JSON.stringify(sections.distractions),
    help_contacts: JSON.stringify(sections.helpContacts),
    professionals: JSON.stringify(sections.professionals),
    safe_environment: JSON.stringify(sections.safeEnvironment),
    reasons_for_living: JSON.stringify(sections.reasonsForLiving),
  };
}
