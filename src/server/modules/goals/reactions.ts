import { supportiveReactions, type SupportiveReaction } from '../../../shared/schemas/goals.js';
import type { DbOrTx } from '../../db/database.js';

export type ReactionTarget = 'celebration' | 'skill_practice';

export interface ReactionSummary {
  reaction: SupportiveReaction;
  count: number;
  mine: boolean;
  by: string[];
}

/**
 * Reactions to each target, per kind in a fixed order (never sorted by count), with who reacted
 * by pseudonym. Kinds nobody used are left out.
 */
export async function reactionSummaries(db: DbOrTx, kind: ReactionTarget, targetIds: string[], viewerId: string): Promise<Map<string, ReactionSummary[]>> {
  const result = new Map<string, ReactionSummary[]>();
  if (targetIds.length === 0) return result;
  const rows = await db
    .selectFrom('supportive_reactions as r')
    .innerJoin('enrolments as e', 'e.id', 'r.reactor_enrolment_id')
    .select(['r.target_id', 'r.reaction', 'r.reactor_id', 'e.pseudonym'])
    .where('r.target_kind', '=', kind)
    .where('r.target_id', 'in', targetIds)
    .orderBy('r.created_at')
    .execute();
  for (const id of targetIds) {
    const mine = rows.filter((r) => r.target_id === id);
    result.set(
      id,
      supportiveReactions
        .map((reaction) => {
          const of = mine.filter((r) => r.reaction === reaction);
          return { reaction, count: of.length, mine: of.some((r) => r.reactor_id === viewerId), by: of.map((r) => r.pseudonym) };
        })
        .filter((s) => s.count > 0),
    );
  }
  return result;
}
