import type { DbOrTx } from '../../db/database.js';

/**
 * True when either member blocked the other. Other modules (appreciations, feedback) call this
 * before one member addresses another directly.
 */
export async function isBlocked(db: DbOrTx, enrolmentA: string, enrolmentB: string): Promise<boolean> {
  const row = await db
    .selectFrom('space_blocks')
    .select('blocker_enrolment_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_enrolment_id', '=', enrolmentA), eb('blocked_enrolment_id', '=', enrolmentB)]),
        eb.and([eb('blocker_enrolment_id', '=', enrolmentB), eb('blocked_enrolment_id', '=', enrolmentA)]),
      ]),
    )
    .executeTakeFirst();
  return !!row;
}
