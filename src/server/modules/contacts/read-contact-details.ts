import type { ContactDetails } from '../../../shared/schemas/contacts.js';
import type { RouteContext } from '../../http/route.js';
import { assertCan, hideFields } from '../../policy/policy.js';
import { presentContactDetails } from './presenters.js';
import { findContactRow } from './repository.js';

/** Reads a member's contact details, leaving an audit row; fields the caller's rule hides are removed. */
export async function readContactDetails(ctx: RouteContext, participantId: string): Promise<ContactDetails> {
  const rule = assertCan(ctx.principal, 'contact', 'read');
  const row = await findContactRow(ctx.db, { participantId });
  await ctx.audit({ action: 'contacts.read', resourceType: 'participant', resourceId: participantId, detail: { found: !!row, by: ctx.principal.role, via: 'record' } });
  return hideFields(rule, presentContactDetails(participantId, row, ctx.hearth.config.serviceCountry));
}
