import type { Config } from '../config/env.js';
import type { Db } from '../db/database.js';
import type { EnrolmentStatus, Role } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { recordAudit } from '../modules/audit/record.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { insertUser } from '../modules/users/repository.js';

/** One password for every demo account, also listed in the README. Never used outside the demo. */
export const DEMO_PASSWORD = 'hearth-demo-2026';

const STAFF: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.hearth.local', name: 'Sam Rivera', role: 'admin' },
  { email: 'ada.clinician@demo.hearth.local', name: 'Dr Ada Okafor', role: 'clinician' },
  { email: 'ben.clinician@demo.hearth.local', name: 'Ben Lindqvist', role: 'clinician' },
];

const PARTICIPANTS: { name: string; pseudonym: string; status: EnrolmentStatus; weeksAgo: number }[] = [
  { name: 'Maya Thompson', pseudonym: 'Willow', status: 'active', weeksAgo: 6 },
  { name: 'Jonah Reyes', pseudonym: 'Harbour', status: 'active', weeksAgo: 6 },
  { name: 'Priya Nair', pseudonym: 'Juniper', status: 'active', weeksAgo: 6 },
  { name: 'Tom Becker', pseudonym: 'Cedar', status: 'active', weeksAgo: 6 },
  { name: 'Lena Kowalski', pseudonym: 'Skylark', status: 'active', weeksAgo: 5 },
  { name: 'Omar Haddad', pseudonym: 'Ember', status: 'active', weeksAgo: 5 },
  { name: 'Grace Liu', pseudonym: 'Meadow', status: 'paused', weeksAgo: 6 },
  { name: 'Dan Murphy', pseudonym: 'Pebble', status: 'active', weeksAgo: 3 },
];

export interface DemoLogin {
  role: Role;
  email: string;
}

/**
 * Seeds the demo service into an empty database: the programme "The Power of Connection",
 * an admin, two clinicians and one group of eight participants who joined over the last weeks.
 * Returns the logins, or null when the database already had accounts.
 */
export async function seedDemoIfEmpty(db: Db, config: Config, now = new Date()): Promise<{ logins: DemoLogin[]; password: string } | null> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  if (config.nodeEnv === 'production') throw new Error('The demo service is never seeded in production');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  await db.transaction().execute(async (trx) => {
    const at = (weeksAgo: number) => new Date(now.getTime() - weeksAgo * 7 * 86_400_000);
    const staff = [];
    for (const s of STAFF) {
      staff.push(await insertUser(trx, { email: s.email, displayName: s.name, role: s.role, status: 'active', passwordHash, now: at(8) }));
      logins.push({ role: s.role, email: s.email });
    }
    const programmeId = newId();
    await trx
      .insertInto('programmes')
      .values({
        id: programmeId,
        name: 'The Power of Connection',
        description:
          'A twelve-session group programme for people living with depression, anxiety or isolation: ' +
          'learning that you are not alone, sharing coping strategies, practising communication, conflict ' +
          'and boundaries, setting goals together and giving each other feedback and validation.',
        created_at: at(8).toISOString(),
      })
      .execute();
    const groupId = newId();
    await trx
      .insertInto('therapy_groups')
      .values({ id: groupId, programme_id: programmeId, name: 'Tuesday evening group', status: 'active', created_at: at(7).toISOString() })
      .execute();
    const [, ada, ben] = staff;
    if (!ada || !ben) throw new Error('demo staff missing');
    await trx
      .insertInto('group_facilitators')
      .values([
        { group_id: groupId, user_id: ada.id, facilitator_role: 'lead' },
        { group_id: groupId, user_id: ben.id, facilitator_role: 'co' },
      ])
      .execute();
    for (const [index, p] of PARTICIPANTS.entries()) {
      const email = `participant${index + 1}@demo.hearth.local`;
      const user = await insertUser(trx, { email, displayName: p.name, role: 'participant', status: 'active', passwordHash, now: at(p.weeksAgo + 1) });
      await trx
        .insertInto('enrolments')
        .values({
          id: newId(),
          group_id: groupId,
          participant_id: user.id,
          pseudonym: p.pseudonym,
          status: p.status,
          joined_at: at(p.weeksAgo).toISOString(),
          left_at: null,
          created_at: at(p.weeksAgo + 1).toISOString(),
        })
        .execute();
      logins.push({ role: 'participant', email });
    }
    await recordAudit(trx, { userId: null, role: 'system', requestId: null, ip: null }, { action: 'system.seed_demo', resourceType: 'group', resourceId: groupId, groupId }, now);
  });
  return { logins, password: DEMO_PASSWORD };
}
