import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { journalAlertsOn } from '../alerts/settings.js';
import { currentNoteTemplate, noteTemplateVersions } from './note-templates.js';
import { presentAgreement } from './presenters.js';
import type { SessionPlanContent } from './power-of-connection.js';

/** Replaces a programme's curriculum with an ordered list of plans. */
export async function replaceCurriculum(db: DbOrTx, programmeId: string, plans: SessionPlanContent[]): Promise<void> {
  // Sessions keep their topic text; their link to a plan is cleared before the plans go.
  await db
    .updateTable('group_sessions')
    .set({ plan_id: null })
    .where('plan_id', 'in', db.selectFrom('session_plans').select('id').where('programme_id', '=', programmeId))
    .execute();
  await db.deleteFrom('session_plans').where('programme_id', '=', programmeId).execute();
  await db
    .insertInto('session_plans')
    .values(
      plans.map((p, i) => ({
        id: newId(),
        programme_id: programmeId,
        position: i + 1,
        topic: p.topic,
        skill_focus: p.skillFocus,
        exercises: JSON.stringify(p.exercises),
        reflection_prompts: JSON.stringify(p.reflectionPrompts),
      })),
    )
    .execute();
}

/**
 * Adds the next version of a programme's group agreement; earlier versions stay on file. The
 * version records whether journal alerts are on (read from the service's setting unless given).
 */
export async function addAgreementVersion(db: DbOrTx, programmeId: string, body: string, userId: string | null, now: Date, journalAlerts?: boolean): Promise<number> {
  const row = await db
    .selectFrom('group_agreements')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  const version = Number(row?.v ?? 0) + 1;
  const alerts = journalAlerts ?? (await journalAlertsOn(db));
  await db
    .insertInto('group_agreements')
    .values({ id: newId(), programme_id: programmeId, version, body, created_by: userId, created_at: now.toISOString(), journal_alerts: alerts ? 1 : 0 })
    .execute();
  return version;
}

export async function programmeDetail(db: DbOrTx, programmeId: string) {
  const programme = await db.selectFrom('programmes').selectAll().where('id', '=', programmeId).executeTakeFirstOrThrow();
  const [plans, versions, template, templateVersions] = await Promise.all([
    db.selectFrom('session_plans').selectAll().where('programme_id', '=', programmeId).orderBy('position').execute(),
    db
      .selectFrom('group_agreements as a')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .selectAll('a')
      .select('u.display_name as created_by_name')
      .where('a.programme_id', '=', programmeId)
      .orderBy('a.version', 'desc')
      .execute(),
    currentNoteTemplate(db, programmeId),
    noteTemplateVersions(db, programmeId),
  ]);
  const agreement = versions[0];
  return {
    id: programme.id,
    name: programme.name,
    description: programme.description,
    sessionCount: plans.length,
    agreementVersion: agreement?.version ?? null,
    curriculum: plans.map((p) => ({
      id: p.id,
      position: p.position,
      topic: p.topic,
      skillFocus: p.skill_focus,
      exercises: JSON.parse(p.exercises) as string[],
      reflectionPrompts: JSON.parse(p.reflection_prompts) as string[],
    })),
    agreement: agreement ? presentAgreement(agreement) : null,
    agreementVersions: versions.map((v) => ({ version: v.version, body: v.body, createdAt: v.created_at, createdBy: v.created_by_name ?? null })),
    noteTemplate: template,
    noteTemplateVersions: templateVersions.map((v) => ({ version: v.version, kind: v.kind, createdAt: v.created_at, createdBy: v.created_by_name ?? null })),
  };
}
