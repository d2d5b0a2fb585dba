import type { PreviewResponse } from '../../../shared/schemas/moderation.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { findMembership } from '../../policy/membership.js';
import { helpForRisk } from '../safety-plans/help-for-risk.js';
import type { ContentKind } from './kinds.js';
import { moderate, moderationAuthor } from './moderate.js';

/**
 * What sending would meet, before anything is sent: `moderate()` itself with `dryRun` — the same
 * decision sending gets, for whoever writes (risk read with the author's recent messages), with
 * the refusals (contact details, blocked phrase) reported rather than thrown. Nothing is stored,
 * no alert is raised. When risk is noticed, the author's own safety plan (participants: staff
 * have none, they get the same tier and, when someone is in danger, the emergency and
 * safeguarding numbers). The crisis line is always there. Audited without the text.
 * Members and facilitators of the group may preview: the route's object check (`body.groupId`)
 * has answered 404 to anyone else.
 */
export async function previewText(
  ctx: UseCaseContext,
  input: { groupId: string; kind?: ContentKind | undefined; text?: string | undefined; fields?: Record<string, string> | undefined },
): Promise<PreviewResponse> {
  const enrolmentId = (await findMembership(ctx.db, ctx.principal, input.groupId, 'reach'))?.enrolmentId ?? null;
  const decision = await moderate(
    ctx.db,
    {
      groupId: input.groupId,
      author: moderationAuthor(ctx.principal, enrolmentId),
      kind: input.kind ?? 'post',
      fields: input.fields ?? { text: input.text ?? '' },
      dryRun: true,
    },
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
