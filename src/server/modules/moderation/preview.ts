import type { PreviewResponse } from '../../../shared/schemas/moderation.js';
import { AppError } from '../../http/errors.js';
import type { RouteContext } from '../../http/route.js';
import { ACCESS_ENROLMENT_STATUSES } from '../../policy/scopes.js';
import { assessRisk } from '../risk/assess-risk.js';
import { helpForRisk } from '../safety-plans/help-for-risk.js';
import { normalizeForStorage } from './normalize-text.js';
import { findContactDetails } from './pii-guard.js';
import { loadWatchedPhrases, matchWatchedPhrases } from './watched-phrases.js';

/** Members and facilitators of the group may preview; anyone else gets the same 404 as for a missing group. */
async function assertInGroup(ctx: RouteContext, groupId: string): Promise<void> {
  const me = ctx.principal.userId;
  const row =
    ctx.principal.role === 'participant'
      ? await ctx.db.selectFrom('enrolments').select('id').where('group_id', '=', groupId).where('participant_id', '=', me).where('status', 'in', ACCESS_ENROLMENT_STATUSES).executeTakeFirst()
      : await ctx.db.selectFrom('group_facilitators').select('user_id').where('group_id', '=', groupId).where('user_id', '=', me).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'This group was not found.');
}

/**
 * What sending would meet, before anything is sent: the risk tier in the author's own words, a
 * contact-details problem, a blocked phrase; and when risk language is noticed, the author's own
 * safety plan. The crisis line is always there. Audited without the text; nothing is stored.
 */
export async function previewText(ctx: RouteContext, groupId: string, raw: string): Promise<PreviewResponse> {
  await assertInGroup(ctx, groupId);
  const text = normalizeForStorage(raw);
  const pseudonyms = await ctx.db.selectFrom('enrolments').select('pseudonym').where('group_id', '=', groupId).execute();
  const participant = ctx.principal.role === 'participant';
  const contact = participant ? findContactDetails(text, pseudonyms.map((p) => p.pseudonym.normalize('NFKC').toLowerCase())) : null;
  const blocked = matchWatchedPhrases(text, await loadWatchedPhrases(ctx.db)).some((m) => m.phrase.action === 'block');
  const risk = participant ? assessRisk(text) : { tier: 'none' as const, kind: 'none' as const, plainExplanation: [] };
  const { safetyPlan, danger } = await helpForRisk(ctx, risk);
  await ctx.audit({
    action: 'moderation.preview',
    groupId,
    // What the detector found stays out: administrators read the audit log (CLINICAL_DETAIL_KEYS).
    detail: { contact: contact?.kind ?? null, blocked },
  });
  return {
    risk: { tier: risk.tier, kind: risk.kind, explanation: risk.plainExplanation },
    contactDetails: contact,
    blockedPhrase: blocked,
    safetyPlan,
    crisisLine: ctx.hearth.config.crisisLine,
    danger,
  };
}
