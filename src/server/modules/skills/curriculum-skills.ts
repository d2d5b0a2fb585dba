import type { DbOrTx } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';

export interface CurriculumSkill {
  skill: string;
  topic: string;
  position: number;
}

/** The skill focus of each session plan in the programmes of the member's current groups, in session order. */
export async function curriculumSkills(db: DbOrTx, participantId: string): Promise<CurriculumSkill[]> {
  const rows = await db
    .selectFrom('session_plans as p')
    .innerJoin('therapy_groups as g', 'g.programme_id', 'p.programme_id')
    .innerJoin('enrolments as e', 'e.group_id', 'g.id')
    .select(['p.skill_focus', 'p.topic', 'p.position'])
    .where('e.participant_id', '=', participantId)
    .where(enrolmentAt('reach', 'e.status'))
    .orderBy('p.position')
    .execute();
  const seen = new Set<string>();
  const skills: CurriculumSkill[] = [];
  for (const r of rows) {
    if (seen.has(r.skill_focus)) continue;
    seen.add(r.skill_focus);
    skills.push({ skill: r.skill_focus, topic: r.topic, position: r.position });
  }
  return skills;
}
