import type { Config } from '../config/env.js';
import type { Db } from '../db/database.js';
import type { EnrolmentStatus, Role } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { recordAudit } from '../modules/audit/record.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { insertUser } from '../modules/users/repository.js';
import { POWER_OF_CONNECTION, POWER_OF_CONNECTION_AGREEMENT } from '../modules/programmes/power-of-connection.js';
import { addAgreementVersion, replaceCurriculum } from '../modules/programmes/repository.js';
import { seedGroupHistory, type SeedMember } from './demo-history.js';
import { seedDemoMeasures } from './demo-measures.js';
import { seedDemoExchange } from './demo-exchange.js';
import { seedDemoGoals } from './demo-goals.js';
import { seedDemoIsolation } from './demo-isolation.js';
import { seedDemoSpace } from './demo-space.js';
import { seedDemoContacts } from './demo-contacts.js';
import { handleDemoAlerts, seedDemoSafety } from './demo-safety.js';

/** One password for every demo account, also listed in the README. Never used outside the demo. */
export const DEMO_PASSWORD = 'hearth-demo-2026';

const STAFF: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.hearth.local', name: 'Sam Rivera', role: 'admin' },
  { email: 'ada.clinician@demo.hearth.local', name: 'Dr Ada Okafor', role: 'clinician' },
  { email: 'ben.clinician@demo.hearth.local', name: 'Ben Lindqvist', role: 'clinician' },
];

const PARTICIPANTS: { name: string; pseudonym: string; status: EnrolmentStatus; weeksAgo: number; referral: string }[] = [
  { name: 'Maya Thompson', pseudonym: 'Willow', status: 'active', weeksAgo: 7, referral: 'Moderate depression; isolated since moving city.' },
  { name: 'Jonah Reyes', pseudonym: 'Harbour', status: 'active', weeksAgo: 7, referral: 'Generalised anxiety; avoids social situations.' },
  { name: 'Priya Nair', pseudonym: 'Juniper', status: 'active', weeksAgo: 7, referral: 'Postnatal depression, recovering; wants connection with peers.' },
  { name: 'Tom Becker', pseudonym: 'Cedar', status: 'active', weeksAgo: 7, referral: 'Depression after job loss; low motivation.' },
  { name: 'Lena Kowalski', pseudonym: 'Skylark', status: 'active', weeksAgo: 6, referral: 'Social anxiety; stigma around diagnosis.' },
  { name: 'Omar Haddad', pseudonym: 'Ember', status: 'active', weeksAgo: 6, referral: 'Recurrent depression; loneliness.' },
  { name: 'Grace Liu', pseudonym: 'Meadow', status: 'paused', weeksAgo: 7, referral: 'Bipolar II, stable; wants to build a support network.' },
  { name: 'Dan Murphy', pseudonym: 'Pebble', status: 'active', weeksAgo: 4, referral: 'Anxiety and low mood after bereavement.' },
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
    await replaceCurriculum(trx, programmeId, POWER_OF_CONNECTION);
    const agreementVersion = await addAgreementVersion(trx, programmeId, POWER_OF_CONNECTION_AGREEMENT, staff[0]?.id ?? null, at(8));
    const members: SeedMember[] = [];
    const measured: { enrolmentId: string; participantId: string; pseudonym: string; joinedAt: Date }[] = [];
    for (const [index, p] of PARTICIPANTS.entries()) {
      const email = `participant${index + 1}@demo.hearth.local`;
      const user = await insertUser(trx, { email, displayName: p.name, role: 'participant', status: 'active', passwordHash, now: at(p.weeksAgo + 1) });
      const enrolmentId = newId();
      const referralId = newId();
      const referrer = index % 2 === 0 ? ada : ben;
      await trx
        .insertInto('referrals')
        .values({
          id: referralId,
          group_id: groupId,
          person_name: p.name,
          person_email: email,
          participant_id: user.id,
          referred_by: referrer.id,
          reason: p.referral,
          status: 'enrolled',
          suitability: 'suitable',
          intake_notes: 'Suitable for group work; motivated; no current risk indicators at screening.',
          screened_by: ada.id,
          screened_at: at(p.weeksAgo + 2).toISOString(),
          waitlisted_at: at(p.weeksAgo + 2).toISOString(),
          offered_at: at(p.weeksAgo + 1.5).toISOString(),
          offer_expires_at: at(p.weeksAgo + 0.5).toISOString(),
          responded_at: at(p.weeksAgo + 1).toISOString(),
          enrolment_id: enrolmentId,
          created_at: at(p.weeksAgo + 3).toISOString(),
          updated_at: at(p.weeksAgo + 1).toISOString(),
        })
        .execute();
      await trx
        .insertInto('enrolments')
        .values({
          id: enrolmentId,
          group_id: groupId,
          participant_id: user.id,
          pseudonym: p.pseudonym,
          status: p.status,
          joined_at: at(p.weeksAgo + 0.2).toISOString(),
          left_at: null,
          created_at: at(p.weeksAgo + 1).toISOString(),
          referral_id: referralId,
          status_reason: p.status === 'paused' ? 'Hospital stay; will rejoin when ready.' : null,
          status_changed_at: at(p.weeksAgo).toISOString(),
          agreement_version: agreementVersion,
          agreement_accepted_at: at(p.weeksAgo + 0.2).toISOString(),
        })
        .execute();
      members.push({ enrolmentId, pseudonym: p.pseudonym, joinedWeeksAgo: p.weeksAgo + 0.2 });
      measured.push({ enrolmentId, participantId: user.id, pseudonym: p.pseudonym, joinedAt: at(p.weeksAgo + 0.2) });
      logins.push({ role: 'participant', email });
    }
    await seedGroupHistory(trx, { config, groupId, leadId: ada.id, coId: ben.id, members, now });
    await seedDemoMeasures(trx, { config, programmeId, groupId, createdBy: ada.id, members: measured, now });
    await seedDemoExchange(trx, { programmeId, groupId, curatorId: ada.id, members: measured, now });
    await seedDemoGoals(trx, { groupId, members: measured, now });
    await seedDemoContacts(trx, { participantIds: measured.map((m) => m.participantId), clinicianId: ada.id, now });
    if (measured[0]) await seedDemoSafety(trx, { participantId: measured[0].participantId, clinicianId: ada.id, now });
    await seedDemoSpace(trx, { config, groupId, lead: { id: ada.id, displayName: ada.display_name }, members: measured.filter((m) => m.pseudonym !== 'Meadow'), now });
    await handleDemoAlerts(trx, { config, leadId: ada.id, coId: ben.id, now });
    const cedar = measured.find((m) => m.pseudonym === 'Cedar');
    if (cedar) await seedDemoIsolation(trx, { config, groupId, leadId: ada.id, drifting: cedar.enrolmentId, now });
    // Two people on the way in: one waiting for intake, one on the waitlist.
    for (const [name, status, reason] of [
      ['Alex Morgan', 'referred', 'Social anxiety; withdrawn from friends since redundancy. Would value peer support.'],
      ['Sam Okoro', 'waitlisted', 'Recurrent depression, currently mild; lonely after bereavement.'],
    ] as const) {
      await trx
        .insertInto('referrals')
        .values({
          id: newId(),
          group_id: groupId,
          person_name: name,
          person_email: `${name.split(' ')[0]?.toLowerCase()}.referral@demo.hearth.local`,
          referred_by: ben.id,
          reason,
          status,
          suitability: status === 'waitlisted' ? 'suitable' : null,
          intake_notes: status === 'waitlisted' ? 'Suitable; prefers evening groups.' : null,
          screened_by: status === 'waitlisted' ? ada.id : null,
          screened_at: status === 'waitlisted' ? at(1).toISOString() : null,
          waitlisted_at: status === 'waitlisted' ? at(1).toISOString() : null,
          created_at: at(2).toISOString(),
          updated_at: at(1).toISOString(),
        })
        .execute();
    }
    await recordAudit(trx, { userId: null, role: 'system', requestId: null, ip: null }, { action: 'system.seed_demo', resourceType: 'group', resourceId: groupId, groupId }, now);
  });
  return { logins, password: DEMO_PASSWORD };
}
