import type { GroupModeration } from '../../../shared/schemas/moderation.js';
import type { DbOrTx } from '../../db/database.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { isStaffed, parseStaffedHours, type StaffedPeriod } from './staffed-hours.js';

/** A group's moderation mode and staffed hours, and whether it is staffed right now. */
export async function groupModeration(db: DbOrTx, groupId: string, now: Date): Promise<GroupModeration> {
  const g = await db.selectFrom('therapy_groups').select(['moderation_mode', 'staffed_hours', 'timezone']).where('id', '=', groupId).executeTakeFirstOrThrow();
  const hours = parseStaffedHours(g.staffed_hours);
  return { moderationMode: g.moderation_mode, staffedHours: hours, timezone: g.timezone, staffedNow: isStaffed(hours, g.timezone, now) };
}

/** Changes the mode and/or the staffed hours (periods sorted by day and start). */
export async function updateGroupModeration(
  ctx: UseCaseContext,
  groupId: string,
  input: { moderationMode?: 'pre' | 'post' | undefined; staffedHours?: StaffedPeriod[] | undefined },
): Promise<GroupModeration> {
  const sorted = input.staffedHours && [...input.staffedHours].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  if (input.moderationMode || sorted) {
    await ctx.db
      .updateTable('therapy_groups')
      .set({
        ...(input.moderationMode ? { moderation_mode: input.moderationMode } : {}),
        ...(sorted ? { staffed_hours: JSON.stringify(sorted) } : {}),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', groupId)
      .execute();
  }
  await ctx.audit({
    action: 'moderation.group_settings',
    resourceType: 'group',
    resourceId: groupId,
    groupId,
    detail: { mode: input.moderationMode ?? null, periods: sorted?.length ?? null },
  });
  return groupModeration(ctx.db, groupId, ctx.now);
}
