import type { DbOrTx } from '../../db/database.js';
import type { Referral } from '../../../shared/schemas/pathway.js';

function referralQuery(db: DbOrTx) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('therapy_groups as g', 'g.id', 'r.group_id')
    .innerJoin('users as u', 'u.id', 'r.referred_by')
    .selectAll('r')
    .select(['g.name as group_name', 'u.display_name as referrer_name'])
    .select((eb) => {
      // The record number taken at referral or intake, else the one on the person's record once they have one.
      const identifier = () =>
        eb
          .selectFrom('patient_identifiers as pi')
          .where((w) => w.or([w('pi.referral_id', '=', w.ref('r.id')), w('pi.participant_id', '=', w.ref('r.participant_id'))]))
          .orderBy('pi.updated_at', 'desc')
          .limit(1);
      return [identifier().select('pi.value').as('record_number'), identifier().select('pi.system').as('record_number_system')];
    });
}

type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['execute']>>[number];

/** Offers past their expiry read as expired, whether or not a write has caught up with them. */
function effectiveStatus(row: ReferralRow, now: Date): Referral['status'] {
  if (row.status === 'offered' && row.offer_expires_at && row.offer_expires_at <= now.toISOString()) return 'expired';
  return row.status;
}

export function presentReferral(row: ReferralRow, now: Date, position: number | null): Referral {
  return {
    id: row.id,
    groupId: row.group_id,
    groupName: row.group_name,
    personName: row.person_name,
    personEmail: row.person_email,
    reason: row.reason,
    status: effectiveStatus(row, now),
    referredBy: { id: row.referred_by, displayName: row.referrer_name },
    suitability: row.suitability,
    intakeNotes: row.intake_notes,
    screenedAt: row.screened_at,
    priority: row.priority,
    waitlistPosition: position,
    waitlistedAt: row.waitlisted_at,
    offeredAt: row.offered_at,
    offerExpiresAt: row.offer_expires_at,
    respondedAt: row.responded_at,
    outcomeReason: row.outcome_reason,
    enrolmentId: row.enrolment_id,
    recordNumber: row.record_number && row.record_number_system ? { system: row.record_number_system, value: row.record_number } : null,
    createdAt: row.created_at,
  };
}

/** The waitlist order: higher priority first, then first come, first served. */
export function waitlistOrder(a: { priority: number; waitlisted_at: string | null; id: string }, b: typeof a): number {
  return b.priority - a.priority || (a.waitlisted_at ?? '').localeCompare(b.waitlisted_at ?? '') || a.id.localeCompare(b.id);
}

/** Every referral to a group, with waitlist positions. */
export async function listGroupReferrals(db: DbOrTx, groupId: string, now: Date): Promise<Referral[]> {
  const rows = await referralQuery(db).where('r.group_id', '=', groupId).orderBy('r.created_at').execute();
  const waitlist = rows.filter((r) => r.status === 'waitlisted').sort(waitlistOrder);
  const positions = new Map(waitlist.map((r, i) => [r.id, i + 1]));
  return rows.map((r) => presentReferral(r, now, positions.get(r.id) ?? null));
}

/** Referrals a clinician made, newest first, with each waitlisted person's place in their group's queue. */
export async function listMyReferrals(db: DbOrTx, clinicianId: string, now: Date): Promise<Referral[]> {
  const rows = await referralQuery(db).where('r.referred_by', '=', clinicianId).orderBy('r.created_at', 'desc').limit(500).execute();
  const waitingGroups = [...new Set(rows.filter((r) => r.status === 'waitlisted').map((r) => r.group_id))];
  const positions = new Map<string, number>();
  if (waitingGroups.length) {
    // The whole queue of each group, whoever referred the others: a place counts everyone ahead.
    const queue = await db
      .selectFrom('referrals')
      .select(['id', 'group_id', 'priority', 'waitlisted_at'])
      .where('status', '=', 'waitlisted')
      .where('group_id', 'in', waitingGroups)
      .execute();
    for (const groupId of waitingGroups) {
      queue
        .filter((q) => q.group_id === groupId)
        .sort(waitlistOrder)
        .forEach((q, i) => positions.set(q.id, i + 1));
    }
  }
  return rows.map((r) => presentReferral(r, now, positions.get(r.id) ?? null));
}

export async function findReferral(db: DbOrTx, referralId: string, now: Date): Promise<Referral | undefined> {
  const row = await referralQuery(db).where('r.id', '=', referralId).executeTakeFirst();
  if (!row) return undefined;
  if (row.status !== 'waitlisted') return presentReferral(row, now, null);
  const all = await listGroupReferrals(db, row.group_id, now);
  return all.find((r) => r.id === referralId);
}

export function loadReferralRow(db: DbOrTx, referralId: string) {
  return db.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
}
