import type { AlertContact } from '../../../shared/schemas/contacts.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { objectInScope } from '../../policy/objects.js';
import { ruleFor } from '../../policy/policy.js';
import { presentAlertContact } from './presenters.js';
import { findContactRow } from './repository.js';

/**
 * How to reach the member an alert is about, for the alert card. Only for a caller who may read
 * that member's contact details (the `participant` scope: their groups' facilitators and their
 * referrers): a backup clinician an alert was escalated to sees the alert, not the phone number.
 */
export async function contactForAlert(ctx: UseCaseContext, alertId: string): Promise<{ contact?: AlertContact }> {
  const alert = await ctx.db.selectFrom('alerts').select(['participant_id', 'group_id']).where('id', '=', alertId).executeTakeFirstOrThrow();
  const rule = ruleFor(ctx.principal.role, 'contact', 'read');
  const allowed = !!rule && (await objectInScope(ctx.db, ctx.principal, rule, 'participant', alert.participant_id, ctx.now));
  const row = allowed ? await findContactRow(ctx.db, { participantId: alert.participant_id }) : undefined;
  await ctx.audit({
    action: 'contacts.read',
    resourceType: 'participant',
    resourceId: alert.participant_id,
    groupId: alert.group_id,
    outcome: allowed ? 'success' : 'denied',
    detail: { found: !!row, by: ctx.principal.role, via: 'alert', alertId },
  });
  return allowed ? { contact: presentAlertContact(alert.participant_id, row, ctx.hearth.config.serviceCountry) } : {};
}
