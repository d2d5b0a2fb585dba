import type { DbOrTx } from '../../db/database.js';
import type { Role } from '../../db/schema.js';
import { groupIdsAt } from '../../policy/membership.js';
import { getSetting } from '../alerts/settings.js';

/** The live feed with this token hash, with its owner, if the owner's account is active. */
export function findLiveFeed(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.id', 'f.user_id', 'u.role'])
    .where('f.token_hash', '=', tokenHash)
    .where('f.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
}

/** The newest live feed of a user, if any. */
export function findCurrentFeed(db: DbOrTx, userId: string) {
  return db
    .selectFrom('calendar_feeds')
    .select(['id', 'created_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The service's default for people who have not chosen ('calendar.default_privacy'). */
export async function serviceCalendarPrivacy(db: DbOrTx): Promise<'discreet' | 'full'> {
  return (await getSetting(db, 'calendar.default_privacy')) === 'full' ? 'full' : 'discreet';
}

/**
 * What a person's feed shows: their own choice when they made one (a row), otherwise the service's
 * default — discreet (nothing beyond the title and time) unless an administrator chose full.
 */
export async function findCalendarPreferences(db: DbOrTx, userId: string): Promise<{ showLocation: boolean; showServiceName: boolean; ownChoice: boolean }> {
  const row = await db.selectFrom('calendar_preferences').select(['show_location', 'show_service_name']).where('user_id', '=', userId).executeTakeFirst();
  if (row) return { showLocation: row.show_location === 1, showServiceName: row.show_service_name === 1, ownChoice: true };
  const full = (await serviceCalendarPrivacy(db)) === 'full';
  return { showLocation: full, showServiceName: full, ownChoice: false };
}

export async function saveCalendarPreferences(db: DbOrTx, userId: string, preferences: { showLocation: boolean; showServiceName: boolean }, now: Date): Promise<void> {
  const values = { show_location: preferences.showLocation ? 1 : 0, show_service_name: preferences.showServiceName ? 1 : 0, updated_at: now.toISOString() };
  await db
    .insertInto('calendar_preferences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** Revokes every live feed of a user; returns how many there were. */
export async function revokeFeeds(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const result = await db.updateTable('calendar_feeds').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function insertFeed(db: DbOrTx, feed: { id: string; userId: string; tokenHash: string; now: Date }) {
  return db.insertInto('calendar_feeds').values({ id: feed.id, user_id: feed.userId, token_hash: feed.tokenHash, created_at: feed.now.toISOString(), revoked_at: null }).execute();
}

/**
 * Sessions of the groups a person facilitates (clinicians) or belongs to as an active or paused
 * member (participants) that overlap [from, to], cancelled ones included. Admins have none.
 */
export async function feedSessions(db: DbOrTx, owner: { userId: string; role: Role }, from: Date, to: Date) {
  if (owner.role === 'admin') return [];
  const groupIds = groupIdsAt(db, owner, 'attend');
  return db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      's.status',
      's.topic',
      's.created_at',
      's.updated_at',
      'g.name as group_name',
      'g.status as group_status',
      'g.timezone',
      'g.location',
      'g.meeting_url',
    ])
    .where('s.group_id', 'in', groupIds)
    .where('s.ends_at', '>=', from.toISOString())
    .where('s.starts_at', '<=', to.toISOString())
    .orderBy('s.starts_at')
    .limit(5000)
    .execute();
}

export type FeedSession = Awaited<ReturnType<typeof feedSessions>>[number];
