import type { DbOrTx } from '../../db/database.js';

/** Shifts with the clinician's name, as the rota shows them. */
function shiftsWithClinician(db: DbOrTx) {
  return db.selectFrom('rota_shifts as s').innerJoin('users as u', 'u.id', 's.clinician_id').select(['s.id', 's.clinician_id', 's.starts_at', 's.ends_at', 'u.display_name']);
}

/** Shifts that overlap [from, to), earliest first, with the clinician's name. */
export function shiftsOverlapping(db: DbOrTx, from: string, to: string) {
  return shiftsWithClinician(db).where('s.starts_at', '<', to).where('s.ends_at', '>', from).orderBy('s.starts_at').orderBy('s.id').execute();
}

/** One shift with the clinician's name, as the rota shows it. */
export function findShiftWithClinician(db: DbOrTx, id: string) {
  return shiftsWithClinician(db).where('s.id', '=', id).executeTakeFirstOrThrow();
}

export function findShift(db: DbOrTx, id: string) {
  return db.selectFrom('rota_shifts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Another shift overlapping [startsAt, endsAt) (touching is not overlapping). */
export function overlappingShift(db: DbOrTx, startsAt: string, endsAt: string, exceptId: string | null) {
  let query = db.selectFrom('rota_shifts').select(['id', 'starts_at', 'ends_at']).where('starts_at', '<', endsAt).where('ends_at', '>', startsAt);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.limit(1).executeTakeFirst();
}

/** The clinician whose shift covers `at`, if any. */
export async function clinicianOnDutyAt(db: DbOrTx, at: string): Promise<string | null> {
  const row = await db.selectFrom('rota_shifts').select('clinician_id').where('starts_at', '<=', at).where('ends_at', '>', at).orderBy('starts_at').limit(1).executeTakeFirst();
  return row?.clinician_id ?? null;
}

/**
 * Clinicians of the rota from `at` on — the shift under way, then those to come — in rota order:
 * the people escalation walks.
 */
export async function cliniciansOnRotaFrom(db: DbOrTx, at: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('rota_shifts').select('clinician_id').where('ends_at', '>', at).orderBy('starts_at').limit(limit).execute();
  return rows.map((r) => r.clinician_id);
}

/** Active clinician by id, or undefined. */
export function activeClinician(db: DbOrTx, id: string) {
  return db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id).where('role', '=', 'clinician').where('status', '=', 'active').executeTakeFirst();
}
