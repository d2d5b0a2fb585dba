import type { UseCaseContext } from '../../http/use-case.js';
import { presentSchedule } from './presenters.js';

/** When a group's members are asked to complete which questionnaires: the group's own schedules and its programme's. */
export async function listSchedules(ctx: UseCaseContext, groupId: string) {
  const group = await ctx.db.selectFrom('therapy_groups').select(['id', 'programme_id']).where('id', '=', groupId).executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('measure_schedules')
    .selectAll()
    .where((eb) => eb.or([eb('group_id', '=', group.id), eb.and([eb('group_id', 'is', null), eb('programme_id', '=', group.programme_id)])]))
    .orderBy('created_at')
    .execute();
  return { schedules: rows.map(presentSchedule) };
}
