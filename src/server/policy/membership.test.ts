import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB, EnrolmentStatus } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import {
  enrolmentAt,
  enrolmentHolds,
  facilitatedGroupIds,
  facilitatorIdsOf,
  facilitatorsHold,
  facilitatorsOf,
  facilitatorsWithNames,
  findMembership,
  groupIdsAt,
  inGroupsAt,
  isFacilitator,
  leadsGroupOfProgramme,
  MEMBERSHIP_LEVELS,
  membershipsAt,
  memberGroupIds,
  notAMember,
  requireEnrolledMember,
  requireMember,
  statusesAt,
  type MembershipLevel,
} from './membership.js';
import type { Principal } from './policy.js';

// Fast unit tests of the level table and its SQL (an in-memory SQLite with just the two tables
// membership reads); the mutation-testing gate (`npm run mutation`) runs against these.

const STATUSES: EnrolmentStatus[] = ['invited', 'active', 'paused', 'completed', 'withdrawn'];
const LEVELS = Object.keys(MEMBERSHIP_LEVELS) as MembershipLevel[];

/** The decided table, written out once more by hand: changing a level must change this test. */
const EXPECTED: Record<MembershipLevel, { statuses: EnrolmentStatus[]; facilitators: boolean }> = {
  reach: { statuses: ['invited', 'active', 'paused'], facilitators: true },
  attend: { statuses: ['active', 'paused'], facilitators: true },
  contribute: { statuses: ['active'], facilitators: true },
  enter_space: { statuses: ['active'], facilitators: true },
  measured: { statuses: ['active', 'paused', 'completed'], facilitators: false },
};

describe('the level table', () => {
  it('names exactly the decided levels', () => {
    expect(LEVELS.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const level of Object.keys(EXPECTED) as MembershipLevel[]) {
    it(`${level}: ${EXPECTED[level].statuses.join(', ')}${EXPECTED[level].facilitators ? ' and facilitators' : ''}`, () => {
      expect([...statusesAt(level)]).toEqual(EXPECTED[level].statuses);
      for (const status of STATUSES) expect(enrolmentHolds(level, status), `${level} × ${status}`).toBe(EXPECTED[level].statuses.includes(status));
      expect(facilitatorsHold(level)).toBe(EXPECTED[level].facilitators);
    });
  }

  it('never lets a withdrawn member hold any level', () => {
    for (const level of LEVELS) expect(enrolmentHolds(level, 'withdrawn')).toBe(false);
  });

  it('nests: whoever contributes or enters the space also attends, whoever attends is reached', () => {
    for (const status of STATUSES) {
      if (enrolmentHolds('contribute', status) || enrolmentHolds('enter_space', status)) expect(enrolmentHolds('attend', status)).toBe(true);
      if (enrolmentHolds('attend', status)) expect(enrolmentHolds('reach', status)).toBe(true);
    }
  });

  it('refuses with the one code, not_a_member (422), and a message per level', () => {
    const messages = new Set<string>();
    for (const level of LEVELS) {
      const error = notAMember(level);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('not_a_member');
      expect(error.status).toBe(422);
      expect(error.message.length).toBeGreaterThan(10);
      messages.add(error.message);
    }
    expect(messages.size).toBe(LEVELS.length);
    expect(notAMember('contribute', 'Custom.').message).toBe('Custom.');
  });
});

describe('the level table as SQL (SQLite in memory)', () => {
  let db: Kysely<DB>;
  const group = 'g-1';
  const other = 'g-2';
  const person = (status: EnrolmentStatus) => `p-${status}`;
  const lead: Principal = { userId: 'c-lead', role: 'clinician' } as Principal;
  const co: Principal = { userId: 'c-co', role: 'clinician' } as Principal;
  const outsider: Principal = { userId: 'c-out', role: 'clinician' } as Principal;
  const admin: Principal = { userId: 'a-1', role: 'admin' } as Principal;
  const participant = (status: EnrolmentStatus): Principal => ({ userId: person(status), role: 'participant' }) as Principal;

  beforeAll(async () => {
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    await sql`create table enrolments (id text primary key, group_id text not null, participant_id text not null, pseudonym text not null, status text not null)`.execute(db);
    await sql`create table group_facilitators (group_id text not null, user_id text not null, facilitator_role text not null)`.execute(db);
    await sql`create table users (id text primary key, display_name text not null, email text not null, status text not null)`.execute(db);
    for (const status of STATUSES) {
      await sql`insert into enrolments values (${`e-${status}`}, ${group}, ${person(status)}, ${`Alias ${status}`}, ${status})`.execute(db);
    }
    // The active member is also withdrawn from another group: that enrolment must not count.
    await sql`insert into enrolments values ('e-other', ${other}, ${person('active')}, 'Elsewhere', 'withdrawn')`.execute(db);
    await sql`insert into group_facilitators values (${group}, 'c-lead', 'lead'), (${group}, 'c-co', 'co'), (${other}, 'c-out', 'lead')`.execute(db);
    await sql`insert into users values ('c-lead', 'Dr Zoe Lead', 'z@x.org', 'active'), ('c-co', 'Ada Co', 'a@x.org', 'active'), ('c-out', 'Out', 'o@x.org', 'active')`.execute(db);
    // Programmes' groups, for leadsGroupOfProgramme: prog-a runs an active and a cancelled group, prog-b a forming one.
    await sql`create table therapy_groups (id text primary key, programme_id text not null, status text not null)`.execute(db);
    await sql`insert into therapy_groups values ('pg-active', 'prog-a', 'active'), ('pg-cancelled', 'prog-a', 'cancelled'), ('pg-forming', 'prog-b', 'forming'), ('pg-completed', 'prog-c', 'completed')`.execute(
      db,
    );
    await sql`insert into group_facilitators values ('pg-active', 'l-active', 'lead'), ('pg-active', 'co-active', 'co'), ('pg-cancelled', 'l-cancelled', 'lead'), ('pg-forming', 'l-forming', 'lead'), ('pg-completed', 'l-completed', 'lead')`.execute(
      db,
    );
  });

  afterAll(async () => db.destroy());

  it('enrolmentAt selects exactly the statuses of each level, on a named column too', async () => {
    for (const level of LEVELS) {
      const rows = await db.selectFrom('enrolments').select('status').where('group_id', '=', group).where(enrolmentAt(level)).orderBy('status').execute();
      expect(
        rows.map((r) => r.status),
        level,
      ).toEqual([...statusesAt(level)].sort());
      const aliased = await db.selectFrom('enrolments as e').select('e.status').where('e.group_id', '=', group).where(enrolmentAt(level, 'e.status')).execute();
      expect(aliased.length, level).toBe(statusesAt(level).length);
    }
  });

  it('memberGroupIds lists a participant’s groups at a level only', async () => {
    expect((await memberGroupIds(db, person('active'), 'reach').execute()).map((r) => r.group_id)).toEqual([group]);
    expect(await memberGroupIds(db, person('invited'), 'contribute').execute()).toEqual([]);
    expect(await memberGroupIds(db, person('withdrawn'), 'reach').execute()).toEqual([]);
  });

  it('leadsGroupOfProgramme: the lead of a forming or active group of that programme, nobody else', async () => {
    expect(await leadsGroupOfProgramme(db, 'l-active', 'prog-a')).toBe(true);
    expect(await leadsGroupOfProgramme(db, 'l-forming', 'prog-b')).toBe(true);
    // a co-facilitator, the lead of a cancelled or completed group, another programme, a stranger
    expect(await leadsGroupOfProgramme(db, 'co-active', 'prog-a')).toBe(false);
    expect(await leadsGroupOfProgramme(db, 'l-cancelled', 'prog-a')).toBe(false);
    expect(await leadsGroupOfProgramme(db, 'l-completed', 'prog-c')).toBe(false);
    expect(await leadsGroupOfProgramme(db, 'l-active', 'prog-b')).toBe(false);
    expect(await leadsGroupOfProgramme(db, 'nobody', 'prog-a')).toBe(false);
  });

  it('knows who facilitates what', async () => {
    expect((await facilitatedGroupIds(db, 'c-lead').execute()).map((r) => r.group_id)).toEqual([group]);
    expect((await facilitatorsOf(db, group)).sort()).toEqual(['c-co', 'c-lead']);
    expect(await facilitatorsOf(db, 'nobody')).toEqual([]);
    expect(await isFacilitator(db, 'c-lead', group)).toBe(true);
    expect(await isFacilitator(db, 'c-out', group)).toBe(false);
    expect(await isFacilitator(db, person('active'), group)).toBe(false);
    expect((await facilitatorIdsOf(db, []).execute()).length).toBe(0);
    expect((await facilitatorIdsOf(db, [group, other]).execute()).map((r) => r.user_id).sort()).toEqual(['c-co', 'c-lead', 'c-out']);
    const viaSubquery = await facilitatorIdsOf(db, memberGroupIds(db, person('paused'), 'reach')).execute();
    expect(viaSubquery.map((r) => r.user_id).sort()).toEqual(['c-co', 'c-lead']);
    const named = await facilitatorsWithNames(db, group);
    expect(named.map((f) => [f.display_name, f.facilitator_role])).toEqual([
      ['Dr Zoe Lead', 'lead'],
      ['Ada Co', 'co'],
    ]);
  });

  it('groupIdsAt and inGroupsAt: participants by level, facilitators where they hold it, admins nowhere', async () => {
    const ids = async (p: Principal, level: MembershipLevel) => (await groupIdsAt(db, p, level).execute()).map((r) => r.group_id);
    expect(await ids(participant('invited'), 'reach')).toEqual([group]);
    expect(await ids(participant('invited'), 'attend')).toEqual([]);
    expect(await ids(participant('completed'), 'measured')).toEqual([group]);
    expect(await ids(lead, 'reach')).toEqual([group]);
    expect(await ids(lead, 'measured')).toEqual([]);
    expect(await ids(admin, 'reach')).toEqual([]);
    const inScope = await db
      .selectFrom('enrolments')
      .select('id')
      .where(inGroupsAt(db, participant('paused'), 'attend', sql.ref('group_id')))
      .execute();
    expect(inScope.length).toBe(STATUSES.length);
    const outOfScope = await db
      .selectFrom('enrolments')
      .select('id')
      .where(inGroupsAt(db, participant('paused'), 'contribute', sql.ref('group_id')))
      .execute();
    expect(outOfScope).toEqual([]);
  });

  it('findMembership: every status × every level for a participant', async () => {
    for (const level of LEVELS) {
      for (const status of STATUSES) {
        const found = await findMembership(db, participant(status), group, level);
        if (enrolmentHolds(level, status)) {
          expect(found, `${level} × ${status}`).toEqual({
            kind: 'member',
            userId: person(status),
            groupId: group,
            enrolmentId: `e-${status}`,
            pseudonym: `Alias ${status}`,
            status,
          });
        } else {
          expect(found, `${level} × ${status}`).toBeNull();
        }
      }
      expect(await findMembership(db, participant('active'), other, level), `${level} in the other group`).toBeNull();
    }
  });

  it('findMembership: facilitators of this group only, admins never', async () => {
    for (const level of LEVELS) {
      const found = await findMembership(db, co, group, level);
      expect(found, level).toEqual(facilitatorsHold(level) ? { kind: 'facilitator', userId: 'c-co', groupId: group, enrolmentId: null, pseudonym: null, status: null } : null);
      expect(await findMembership(db, outsider, group, level), level).toBeNull();
      expect(await findMembership(db, admin, group, level), level).toBeNull();
    }
  });

  it('membershipsAt: every group a participant holds the level in, with their enrolment — one per status × level', async () => {
    for (const level of LEVELS) {
      for (const status of STATUSES) {
        const all = await membershipsAt(db, participant(status), level);
        const expected = enrolmentHolds(level, status)
          ? [{ kind: 'member', userId: person(status), groupId: group, enrolmentId: `e-${status}`, pseudonym: `Alias ${status}`, status }]
          : [];
        expect(all, `${level} × ${status}`).toEqual(expected);
      }
    }
  });

  it('membershipsAt: a facilitator holds their own groups (when facilitators hold the level), an admin none', async () => {
    for (const level of LEVELS) {
      const hold = facilitatorsHold(level);
      expect(await membershipsAt(db, co, level), level).toEqual(
        hold ? [{ kind: 'facilitator', userId: 'c-co', groupId: group, enrolmentId: null, pseudonym: null, status: null }] : [],
      );
      expect(await membershipsAt(db, outsider, level), level).toEqual(
        hold ? [{ kind: 'facilitator', userId: 'c-out', groupId: other, enrolmentId: null, pseudonym: null, status: null }] : [],
      );
      expect(await membershipsAt(db, admin, level), level).toEqual([]);
      // The same answers as asking group by group.
      for (const principal of [lead, co, outsider, admin, participant('active'), participant('paused')]) {
        const oneByOne = (await Promise.all([group, other].map((g) => findMembership(db, principal, g, level)))).filter((m) => m !== null);
        expect(await membershipsAt(db, principal, level), `${principal.userId} ${level}`).toEqual(oneByOne);
      }
    }
  });

  it('requireMember answers the membership or not_a_member; requireEnrolledMember refuses staff too', async () => {
    const ctx = (principal: Principal) => ({ db, principal });
    expect((await requireMember(ctx(participant('active')), group, 'contribute')).enrolmentId).toBe('e-active');
    expect((await requireMember(ctx(lead), group, 'enter_space')).kind).toBe('facilitator');
    await expect(requireMember(ctx(participant('paused')), group, 'contribute')).rejects.toMatchObject({ code: 'not_a_member', message: notAMember('contribute').message });
    await expect(requireMember(ctx(participant('invited')), group, 'enter_space')).rejects.toMatchObject({ code: 'not_a_member', message: notAMember('enter_space').message });
    await expect(requireMember(ctx(outsider), group, 'reach')).rejects.toMatchObject({ code: 'not_a_member' });
    expect((await requireEnrolledMember(ctx(participant('active')), group, 'contribute')).pseudonym).toBe('Alias active');
    await expect(requireEnrolledMember(ctx(lead), group, 'contribute')).rejects.toMatchObject({ code: 'not_a_member', message: notAMember('contribute').message });
    await expect(requireEnrolledMember(ctx(participant('withdrawn')), group, 'reach')).rejects.toMatchObject({ code: 'not_a_member' });
  });
});
