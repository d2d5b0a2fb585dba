import type { UseCaseContext } from '../../http/use-case.js';
import type { Schedule } from '../schedule/recurrence.js';
import { regenerateSessions } from '../schedule/regenerate-sessions.js';

/** Sets a group's recurring schedule and regenerates its future sessions from it. */
export async function setSchedule(ctx: UseCaseContext, groupId: string, schedule: Schedule) {
  const result = await regenerateSessions(ctx.db, groupId, schedule, ctx.now);
  await ctx.db
    .updateTable('therapy_groups')
    .set({
      rrule: schedule.rrule.replace(/^RRULE:/i, ''),
      first_session_local: schedule.firstSessionLocal,
      timezone: schedule.timezone,
      duration_minutes: schedule.durationMinutes,
      updated_at: ctx.now.toISOString(),
    })
    .where('id', '=', groupId)
    .execute();
  await ctx.audit({ action: 'groups.schedule.set', resourceType: 'group', resourceId: groupId, groupId, detail: { created: result.created, removed: result.removed } });
  return result;
}
