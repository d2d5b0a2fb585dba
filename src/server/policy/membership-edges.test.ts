import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.js';
import { facilitatorIdsOf, facilitatorsHold, findMembership, groupIdsAt, MEMBERSHIP_LEVELS, membershipsAt, requireMember, type MembershipLevel } from './membership.js';
import type { Principal } from './policy.js';

// The edges of membership the main table tests do not reach: a role that is not a clinician whose
// id is on a facilitator list anyway, and an empty list of groups on PostgreSQL.

const LEVELS = Object.keys(MEMBERSHIP_LEVELS) as MembershipLevel[];
const group = 'g-1';
const clinician: Principal = { userId: 'c-1', role: 'clinician', sessionId: 's-c' };
// The app writes only clinicians to a group's facilitators (create-group, set-facilitators), but the
// table does not enforce it: a row written by hand or left by an import can name an administrator.
const admin: Principal = { userId: 'a-1', role: 'admin', sessionId: 's-a' };

describe('membership goes by role, not by a facilitator row alone', () => {
  let db: Kysely<DB>;

  beforeAll(async () => {
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    await sql`create table enrolments (id text primary key, group_id text not null, participant_id text not null, pseudonym text not null, status text not null)`.execute(db);
    await sql`create table group_facilitators (group_id text not null, user_id text not null, facilitator_role text not null)`.execute(db);
    await sql`insert into group_facilitators values (${group}, 'c-1', 'lead'), (${group}, 'a-1', 'co')`.execute(db);
  });

  afterAll(async () => db.destroy());

  it('an administrator on a facilitator list holds no level in that group (service-wide reads go through the policy, not membership)', async () => {
    for (const level of LEVELS) {
      expect(await groupIdsAt(db, admin, level).execute(), level).toEqual([]);
      expect(await findMembership(db, admin, group, level), level).toBeNull();
      expect(await membershipsAt(db, admin, level), level).toEqual([]);
      await expect(requireMember({ db, principal: admin }, group, level), level).rejects.toMatchObject({ code: 'not_a_member' });
    }
  });

  it('while a clinician on the same list is its facilitator wherever facilitators hold the level', async () => {
    for (const level of LEVELS) {
      const facilitator = { kind: 'facilitator', userId: 'c-1', groupId: group, enrolmentId: null, pseudonym: null, status: null };
      expect(
        (await groupIdsAt(db, clinician, level).execute()).map((r) => r.group_id),
        level,
      ).toEqual(facilitatorsHold(level) ? [group] : []);
      expect(await findMembership(db, clinician, group, level), level).toEqual(facilitatorsHold(level) ? facilitator : null);
      expect(await membershipsAt(db, clinician, level), level).toEqual(facilitatorsHold(level) ? [facilitator] : []);
    }
  });
});

describe('an empty list of groups', () => {
  it('asks PostgreSQL a valid question: never `in ()`, which PostgreSQL refuses as a syntax error (SQLite accepts it)', () => {
    // Compiled only: this database never connects.
    const postgres = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: () => Promise.reject(new Error('compile only')),
      }),
    });
    const query = facilitatorIdsOf(postgres, []).compile();
    expect(query.sql).toMatch(/"group_facilitators"\."group_id" in \(\$1\)/);
    expect(query.sql).not.toMatch(/\bin \(\s*\)/);
  });
});
