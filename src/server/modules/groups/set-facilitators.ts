import type { z } from 'zod';
import type { facilitatorsBodySchema } from '../../../shared/schemas/sessions.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';

/**
 * Replaces a group's facilitators: one lead and up to five co-facilitators, all active clinicians.
 * Administrators and the group's lead may do it; a co-facilitator may not.
 */
export async function setFacilitators(ctx: UseCaseContext, groupId: string, input: z.infer<typeof facilitatorsBodySchema>): Promise<void> {
  if (ctx.principal.role !== 'admin') {
    const mine = await ctx.db
      .selectFrom('group_facilitators')
      .select('facilitator_role')
      .where('group_id', '=', groupId)
      .where('user_id', '=', ctx.principal.userId)
      .executeTakeFirst();
    if (mine?.facilitator_role !== 'lead') throw new AppError('forbidden', 'Only the group’s lead facilitator or an administrator can change its facilitators.');
  }
  const ids = [input.leadId, ...input.coFacilitatorIds.filter((id) => id !== input.leadId)];
  const unique = [...new Set(ids)];
  const clinicians = await ctx.db.selectFrom('users').select('id').where('id', 'in', unique).where('role', '=', 'clinician').where('status', '!=', 'deactivated').execute();
  const found = new Set(clinicians.map((c) => c.id));
  if (!found.has(input.leadId))
    throw new AppError('validation_failed', 'The lead facilitator must be an active clinician.', [{ path: 'body.leadId', message: 'Not an active clinician.' }]);
  if (found.size !== unique.length) {
    throw new AppError('validation_failed', 'Facilitators must be active clinicians.', [{ path: 'body.coFacilitatorIds', message: 'Not an active clinician.' }]);
  }
  await ctx.db.deleteFrom('group_facilitators').where('group_id', '=', groupId).execute();
  await ctx.db
    .insertInto('group_facilitators')
    .values(unique.map((userId) => ({ group_id: groupId, user_id: userId, facilitator_role: userId === input.leadId ? ('lead' as const) : ('co' as const) })))
    .execute();
  await ctx.audit({ action: 'groups.facilitators.set', resourceType: 'group', resourceId: groupId, groupId, detail: { lead: input.leadId, co: unique.length - 1 } });
}
