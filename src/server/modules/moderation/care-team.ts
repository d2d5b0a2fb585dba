import type { DbOrTx } from '../../db/database.js';
import { facilitatorsWithNames } from '../../policy/membership.js';
import { isStaffed, nextStaffedStart, parseStaffedHours } from './staffed-hours.js';

/** "A", "A and B", "A, B and C". */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The group's facilitators by name, lead first: the people an urgent item goes to first. */
export async function careTeamNames(db: DbOrTx, groupId: string): Promise<string[]> {
  const rows = await facilitatorsWithNames(db, groupId);
  return rows.map((r) => r.display_name);
}

/**
 * What the author of an urgent item is told: who has been told (their group's facilitators by
 * name) and, outside staffed hours, plainly when those people will see it, with the crisis line first.
 */
export async function careTeamMessage(db: DbOrTx, groupId: string, now: Date): Promise<string> {
  const group = await db.selectFrom('therapy_groups').select(['staffed_hours', 'timezone']).where('id', '=', groupId).executeTakeFirstOrThrow();
  const names = await careTeamNames(db, groupId);
  const who = names.length ? listNames(names) : 'your care team';
  const hours = parseStaffedHours(group.staffed_hours);
  if (isStaffed(hours, group.timezone, now)) {
    return `Shared with your care team first: ${who} ${names.length === 1 ? 'has' : 'have'} been told and will read it before the group sees it. If you need help now, call the crisis line.`;
  }
  const next = nextStaffedStart(hours, group.timezone, now);
  const when = next ? `from ${next.toFormat('cccc d LLLL, HH:mm')}` : 'when they are next on duty';
  return `Shared with your care team first: it is outside staffed hours, so if you need help now, call the crisis line. ${who} will see it ${when}; the group sees it only after one of them has read it.`;
}
