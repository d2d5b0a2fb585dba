import type { EnrolmentStatus } from '../../db/schema.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { ensureDueRequests } from '../measures/due.js';
import { assertFacilitator } from './guards.js';
import { newId } from '../../lib/ids.js';
import { userChannel } from '../../realtime/events.js';
import { publish } from '../../realtime/publish.js';

/** The agreement a participant must accept now: the newest version of their programme's. */
export async function currentAgreement(db: DbOrTx, enrolmentId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .innerJoin('group_agreements as a', 'a.programme_id', 'g.programme_id')
    .select(['a.id', 'a.version', 'a.body', 'a.created_at', 'a.journal_alerts'])
    .where('e.id', '=', enrolmentId)
    .orderBy('a.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The participant accepts the current version of the group agreement; the version and time are
 * stored and the enrolment becomes active. An outdated version is refused.
 */
export async function acceptAgreement(ctx: UseCaseContext, enrolmentId: string, version: number): Promise<void> {
  const enrolment = await ctx.db.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  if (!['invited', 'active', 'paused'].includes(enrolment.status)) throw new AppError('invalid_state', 'This membership has ended.');
  const agreement = await currentAgreement(ctx.db, enrolmentId);
  if (!agreement) throw new AppError('invalid_state', 'This programme has no group agreement yet.');
  if (agreement.version !== version) {
    throw new AppError('agreement_outdated', `The group agreement has changed (now version ${agreement.version}). Please read the new version.`);
  }
  const now = ctx.now.toISOString();
  await ctx.db.insertInto('agreement_acceptances').values({ id: newId(), enrolment_id: enrolmentId, agreement_id: agreement.id, version, accepted_at: now }).execute();
  const activating = enrolment.status === 'invited';
  await ctx.db
    .updateTable('enrolments')
    .set({
      agreement_version: version,
      agreement_accepted_at: now,
      ...(activating ? { status: 'active' as const, joined_at: now, status_changed_at: now } : {}),
    })
    .where('id', '=', enrolmentId)
    .execute();
  await ctx.audit({ action: 'enrolments.agreement.accept', resourceType: 'enrolment', resourceId: enrolmentId, groupId: enrolment.group_id, detail: { version } });
  // The baseline questionnaires are due from the moment of joining: record them now, so the new
  // member's home shows them at once (not only after a later visit to the questionnaires page).
  if (activating) await ensureDueRequests(ctx.db, enrolment.participant_id, ctx.now);
}

const ALLOWED: Record<EnrolmentStatus, EnrolmentStatus[]> = {
  invited: ['withdrawn'],
  active: ['paused', 'withdrawn', 'completed'],
  paused: ['active', 'withdrawn', 'completed'],
  completed: [],
  withdrawn: [],
};

/** Pause, resume, withdraw or complete a membership, with a reason and a date (the group's facilitators only). */
export async function changeEnrolmentStatus(ctx: UseCaseContext, enrolmentId: string, status: EnrolmentStatus, reason: string): Promise<void> {
  const enrolment = await ctx.db.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  await assertFacilitator(ctx, enrolment.group_id);
  if (!ALLOWED[enrolment.status].includes(status)) throw new AppError('invalid_state', `A membership that is ${enrolment.status} cannot become ${status}.`);
  const now = ctx.now.toISOString();
  const leaving = status === 'withdrawn' || status === 'completed';
  await ctx.db
    .updateTable('enrolments')
    .set({ status, status_reason: reason, status_changed_at: now, ...(leaving ? { left_at: now } : {}) })
    .where('id', '=', enrolmentId)
    .execute();
  if (status === 'withdrawn' && enrolment.referral_id) {
    await ctx.db.updateTable('referrals').set({ status: 'withdrawn', updated_at: now }).where('id', '=', enrolment.referral_id).execute();
  }
  await ctx.audit({ action: `enrolments.${status}`, resourceType: 'enrolment', resourceId: enrolmentId, groupId: enrolment.group_id });
  // Outside the group's space now (paused, withdrawn, completed): open sockets on every instance leave it.
  if (status !== 'active') {
    await publish(ctx.db, userChannel(enrolment.participant_id), { type: 'access.revoked', userId: enrolment.participant_id, groupId: enrolment.group_id });
  }
}
