import type { z } from 'zod';
import type { groupSettingsBodySchema } from '../../../shared/schemas/sessions.js';
import type { GroupStatus } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { notifyMembers } from '../schedule/notify.js';
import { enrolmentAt } from '../../policy/membership.js';

// forming → active → completed | cancelled; a forming group may also be cancelled.
const NEXT: Record<GroupStatus, GroupStatus[]> = {
  forming: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** A group that ends early or is cancelled keeps no future sessions; members are told once. */
async function closeRemainingSessions(ctx: UseCaseContext, groupId: string, groupName: string, status: 'cancelled' | 'completed'): Promise<void> {
  const reason = status === 'cancelled' ? 'The group was cancelled.' : 'The group has finished.';
  const result = await ctx.db
    .updateTable('group_sessions')
    .set({ status: 'cancelled', cancel_reason: reason, updated_at: ctx.now.toISOString() })
    .where('group_id', '=', groupId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', ctx.now.toISOString())
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) {
    await notifyMembers(ctx.db, {
      groupId,
      sessionId: null,
      kind: 'group_closed',
      title: `${groupName}: no more sessions`,
      body: `${reason} The remaining ${Number(result.numUpdatedRows)} session(s) will not take place.`,
      now: ctx.now,
    });
  }
}

/** Changes a group's settings; status moves only forward along its life cycle. */
export async function updateGroup(ctx: UseCaseContext, groupId: string, input: z.infer<typeof groupSettingsBodySchema>): Promise<void> {
  const group = await ctx.db.selectFrom('therapy_groups').selectAll().where('id', '=', groupId).executeTakeFirstOrThrow();
  if (input.status && input.status !== group.status && !NEXT[group.status].includes(input.status)) {
    throw new AppError('invalid_state', `A ${group.status} group cannot become ${input.status}.`);
  }
  const capacity = input.capacity ?? group.capacity;
  const minSize = input.minSize ?? group.min_size;
  if (minSize > capacity) throw new AppError('validation_failed', 'The minimum size cannot exceed the capacity.', [{ path: 'body.minSize', message: 'At most the capacity.' }]);
  const members = await ctx.db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('group_id', '=', groupId)
    .where(enrolmentAt('reach', 'status'))
    .executeTakeFirstOrThrow();
  const memberCount = Number(members.n);
  if (capacity < memberCount) {
    throw new AppError('capacity_below_members', `The group already has ${memberCount} members: its capacity cannot be less than that.`, [
      { path: 'body.capacity', message: `At least ${memberCount}, the members it has now.` },
    ]);
  }
  await ctx.db
    .updateTable('therapy_groups')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.meetingUrl !== undefined ? { meeting_url: input.meetingUrl } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.billingCode !== undefined ? { billing_code: input.billingCode } : {}),
      ...(input.placeOfService !== undefined ? { place_of_service: input.placeOfService || null } : {}),
      capacity,
      min_size: minSize,
      updated_at: ctx.now.toISOString(),
    })
    .where('id', '=', groupId)
    .execute();
  if (input.status && input.status !== group.status && (input.status === 'cancelled' || input.status === 'completed')) {
    await closeRemainingSessions(ctx, groupId, group.name, input.status);
  }
  await ctx.audit({ action: 'groups.update', resourceType: 'group', resourceId: groupId, groupId, detail: { fields: Object.keys(input).join(',') } });
}
