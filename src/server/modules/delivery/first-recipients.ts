import { facilitatorsOf } from '../../policy/membership.js';
import type { DbOrTx } from '../../db/database.js';
import { fallbackClinicianId } from '../duty/fallback.js';
import { clinicianOnDutyAt } from '../duty/repository.js';
import type { Recipient } from './send-alert-to.js';

/**
 * Who a new alert goes to: the clinician on duty now (the fallback when the rota has a gap) and
 * the facilitators of the alert's group.
 */
export async function firstRecipients(db: DbOrTx, groupId: string | null, now: Date): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  const onDuty = await clinicianOnDutyAt(db, now.toISOString());
  if (onDuty) recipients.push({ userId: onDuty, reason: 'duty' });
  else {
    const fallback = await fallbackClinicianId(db);
    if (fallback) recipients.push({ userId: fallback, reason: 'fallback' });
  }
  if (groupId) {
    for (const userId of await facilitatorsOf(db, groupId)) recipients.push({ userId, reason: 'facilitator' });
  }
  return recipients;
}
