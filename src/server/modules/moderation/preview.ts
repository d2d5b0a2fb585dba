import type { PreviewResponse } from '../../../shared/schemas/moderation.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { findMembership } from '../../policy/membership.js';
import { helpForRisk } from '../safety-plans/help-for-risk.js';
import type { ContentKind } from './kinds.js';
import { moderate } from './moderate.js';

/** Members and facilitators of the group may preview; anyone else gets the same 404 as for a missing group. Returns the member's enrolment (null for staff). */
async function assertInGroup(ctx: UseCaseContext, groupId: string): Promise<{ enrolmentId: string | null }> {
  const membership = await findMembership(ctx.db, ctx.principal, groupId, 'reach');
  if (!membership) throw new AppError('not_found', 'This group was not found.');
  return { enrolmentId: membership.enrolmentId };
}

/**
 * What sending would meet, before anything is sent: `moderate()` itself with `dryRun` — the same
 * decision sending gets, for whoever writes (risk read with the author's recent messages), with
 * the refusals (contact details, blocked phrase) reported rather than thrown. Nothing is stored,
 * no alert is raised. When risk is noticed, the author's own safety plan (participants: staff
 * have none, they get the same tier and, when someone is in danger, the emergency and
 * safeguarding numbers). The crisis line is always there. Audited without the text.
 */
export async function previewText(ctx: UseCaseContext, input: { groupId: string; kind?: ContentKind | undefined; text?: string | undefined; fields?: Record<string, string> | undefined }): Promise<PreviewResponse> {
  const { enrolmentId } = await assertInGroup(ctx, input.groupId);
  const decision = await moderate(
    ctx.db,
    { groupId: input.groupId, author: { userId: ctx.principal.userId, role: ctx.principal.role, enrolmentId }, kind: input.kind ?? 'post', fields: input.fields ?? { text: input.text ?? '' }, dryRun: true },
    ctx.now,
  );
  const { risk, contactDetails, blockedPhrase } = decision;
  const help = await helpForRisk(ctx, risk);
  const safetyPlan = ctx.principal.role === 'participant' ? help.safetyPlan : null;
  await ctx.audit({
    action: 'moderation.preview',
    groupId: input.groupId,
    // What the detector found stays out: administrators read the audit log (CLINICAL_DETAIL_KEYS).
    detail: { contact: contactDetails?.kind ?? null, blocked: blockedPhrase },
  });
  return {
    risk: { tier: risk.tier, kind: risk.kind, explanation: risk.plainExplanation },
    contactDetails: contactDetails && { kind: contactDetails.kind, message: contactDetails.message },
    blockedPhrase,
    safetyPlan,
    crisisLine: ctx.hearth.config.crisisLine,
    danger: help.danger,
  };
}
