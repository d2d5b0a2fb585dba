import type { Practice } from '../../../shared/schemas/skills.js';
import type { DbOrTx } from '../../db/database.js';

/** A member's practice entries, newest first, with the group each was shared with. */
export async function listPractices(db: DbOrTx, participantId: string, ids?: string[]): Promise<Practice[]> {
  let query = db
    .selectFrom('skill_practices as p')
    .leftJoin('therapy_groups as g', 'g.id', 'p.shared_group_id')
    .selectAll('p')
    .select('g.name as group_name')
    .where('p.participant_id', '=', participantId);
  if (ids) query = query.where('p.id', 'in', ids);
  const rows = await query.orderBy('p.created_at', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    skill: r.skill,
    situation: r.situation,
    tried: r.tried,
    rating: r.rating,
    sharedWith: r.shared_group_id ? r.group_name : null,
    moderationStatus: r.shared_group_id ? r.moderation_status : null,
    createdAt: r.created_at,
  }));
}

export async function loadPractice(db: DbOrTx, participantId: string, id: string): Promise<Practice> {
  const [entry] = await listPractices(db, participantId, [id]);
  if (!entry) throw new Error(`practice ${id} vanished`);
  return entry;
}
