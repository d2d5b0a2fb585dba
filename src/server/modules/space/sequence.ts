import type { DbOrTx } from '../../db/database.js';

/**
 * Hands out the group's next stream position inside the caller's transaction. The counter row
 * stays locked until commit (PostgreSQL row lock; SQLite's single writer), so positions become
 * visible in order: a reader who has seen position n has seen everything below it.
 */
export async function nextSeq(tx: DbOrTx, groupId: string): Promise<number> {
  const bump = () =>
    tx
      .updateTable('space_counters')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('group_id', '=', groupId)
      .returning('last_seq')
      .executeTakeFirst();
  let row = await bump();
  if (!row) {
    await tx
      .insertInto('space_counters')
      .values({ group_id: groupId, last_seq: 0 })
      .onConflict((oc) => oc.column('group_id').doNothing())
      .execute();
    row = await bump();
  }
  if (!row) throw new Error(`No sequence counter for group ${groupId}`);
  return row.last_seq;
}
