import { newId } from '../../lib/ids.js';
import { POWER_OF_CONNECTION } from '../programmes/power-of-connection.js';
import { createUser, createWorld, signIn, type Session, type TestUser, type World } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';

/** Staffed all week, so tests do not depend on the time of day they run at. */
const ALWAYS_STAFFED = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));

export interface GoalsWorld extends World {
  referrer: TestUser;
  /** Participant A2's enrolment in group A (pseudonym Cedar). */
  enrolmentA2: string;
  s: { owner: Session; peer: Session; outsider: Session; lead: Session; otherClinician: Session; referrer: Session; admin: Session };
}

/**
 * The two-group world plus: a referring clinician of participant A, the programme's curriculum,
 * group A staffed all week, and three published items of participant A (no longer a "new member",
 * so their shares publish at once; participant A2 stays new, so theirs are held).
 */
export async function createGoalsWorld(t: TestApp): Promise<GoalsWorld> {
  const world = await createWorld(t);
  const db = t.database.db;
  const now = t.clock.now().toISOString();
  const referrer = await createUser(t, 'clinician', 'Rita Referrer');
  const referralId = newId();
  await db
    .insertInto('referrals')
    .values({
      id: referralId,
      group_id: world.groupA,
      person_name: world.participantA.displayName,
      person_email: world.participantA.email,
      participant_id: world.participantA.id,
      referred_by: referrer.id,
      reason: 'Isolation.',
      status: 'enrolled',
      enrolment_id: world.enrolmentA,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db.updateTable('enrolments').set({ referral_id: referralId }).where('id', '=', world.enrolmentA).execute();
  await db.updateTable('therapy_groups').set({ staffed_hours: ALWAYS_STAFFED }).where('id', 'in', [world.groupA, world.groupB]).execute();
  await db
    .insertInto('session_plans')
    .values(
      POWER_OF_CONNECTION.map((p, i) => ({
        id: newId(),
        programme_id: world.programmeId,
        position: i + 1,
        topic: p.topic,
        skill_focus: p.skillFocus,
        exercises: JSON.stringify(p.exercises),
        reflection_prompts: JSON.stringify(p.reflectionPrompts),
      })),
    )
    .execute();
  for (let i = 0; i < 3; i += 1) {
    await db
      .insertInto('moderation_log')
      .values({
        id: newId(),
        item_kind: 'post',
        item_id: newId(),
        group_id: world.groupA,
        author_id: world.participantA.id,
        actor_id: null,
        action: 'published',
        reason: 'fixture',
        risk_tier: 'none',
        created_at: now,
      })
      .execute();
  }
  const a2 = await db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow();
  const [owner, peer, outsider, lead, otherClinician, referrerSession, admin] = await Promise.all([
    signIn(t, world.participantA),
    signIn(t, world.participantA2),
    signIn(t, world.participantB),
    signIn(t, world.clinicianA),
    signIn(t, world.clinicianB),
    signIn(t, referrer),
    signIn(t, world.admin),
  ]);
  return { ...world, referrer, enrolmentA2: a2.id, s: { owner, peer, outsider, lead, otherClinician, referrer: referrerSession, admin } };
}

/** A valid wizard answer. */
export function goalInput(overrides: Record<string, unknown> = {}) {
  return {
    area: 'connection',
    action: 'Text a friend to meet for coffee',
    frequency: 'Once a week',
    targetDate: '2030-06-30',
    supportNeeded: 'A reminder on Sundays',
    milestones: ['Pick a friend', 'Send the first text', 'Meet up'],
    ...overrides,
  };
}
