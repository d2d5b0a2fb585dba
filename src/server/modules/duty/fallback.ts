import type { DbOrTx } from '../../db/database.js';
import { getSetting } from '../alerts/settings.js';

/**
 * The service's fallback for alerts: the clinician named in the `alerts.backup_clinician_id`
 * setting. The one "backup" concept: it covers rota gaps and is the last escalation step.
 */
export async function fallbackClinicianId(db: DbOrTx): Promise<string | null> {
  const id = await getSetting(db, 'alerts.backup_clinician_id');
  return id || null;
}

/** The fallback with their name, for the rota screens. */
export async function fallbackClinician(db: DbOrTx): Promise<{ id: string; displayName: string } | null> {
  const id = await fallbackClinicianId(db);
  if (!id) return null;
  const row = await db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, displayName: row.display_name } : null;
}
