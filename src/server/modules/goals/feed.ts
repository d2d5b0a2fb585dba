import type { SharedItem } from '../../../shared/schemas/goals.js';
import type { DbOrTx } from '../../db/database.js';
import type { ModerationStatus } from '../../db/schema.js';
import type { Principal } from '../../policy/policy.js';
import { enrolmentAt } from '../../policy/membership.js';
import { reactionSummaries } from './reactions.js';

const FEED_LIMIT = 100;

/**
 * Who sees an item in the group: published items everyone in the group; held items their author
 * and the facilitators; rejected or removed items only their author (so they know the outcome).
 */
function visibleTo(principal: Principal, authorId: string, status: ModerationStatus | null): boolean {
  if (status === 'published') return true;
  if (authorId === principal.userId) return true;
  return status === 'held' && principal.role === 'clinician';
}

/**
 * The group's shared space for goals: shared goals, celebration cards and shared practice
 * entries of its current members, newest first, authors by pseudonym. No counts per member, no
 * missed check-ins, nothing that ranks.
 */
export async function sharedFeed(db: DbOrTx, principal: Principal, groupId: string): Promise<{ groupName: string; items: SharedItem[] }> {
  const group = await db.selectFrom('therapy_groups').select('name').where('id', '=', groupId).executeTakeFirstOrThrow();
  const [goals, cards, practices] = await Promise.all([
    db
      .selectFrom('goals as g')
      .innerJoin('enrolments as e', 'e.id', 'g.shared_enrolment_id')
      .select(['g.id', 'g.participant_id', 'g.action', 'g.frequency', 'g.target_date', 'g.moderation_status', 'g.shared_at', 'e.pseudonym'])
      .where('g.shared_group_id', '=', groupId)
      .where('g.visibility', '=', 'group')
      .where(enrolmentAt('reach', 'e.status'))
      .orderBy('g.shared_at', 'desc')
      .limit(FEED_LIMIT)
      .execute(),
    db
      .selectFrom('celebrations as c')
      .innerJoin('enrolments as e', 'e.id', 'c.enrolment_id')
      .select(['c.id', 'c.participant_id', 'c.detail', 'c.title', 'c.note', 'c.moderation_status', 'c.created_at', 'e.pseudonym'])
      .where('c.group_id', '=', groupId)
      .where('c.withdrawn_at', 'is', null)
      .where(enrolmentAt('reach', 'e.status'))
      .orderBy('c.created_at', 'desc')
      .limit(FEED_LIMIT)
      .execute(),
    db
      .selectFrom('skill_practices as p')
      .innerJoin('enrolments as e', 'e.id', 'p.shared_enrolment_id')
      .select(['p.id', 'p.participant_id', 'p.skill', 'p.situation', 'p.tried', 'p.rating', 'p.moderation_status', 'p.shared_at', 'e.pseudonym'])
      .where('p.shared_group_id', '=', groupId)
      .where(enrolmentAt('reach', 'e.status'))
      .orderBy('p.shared_at', 'desc')
      .limit(FEED_LIMIT)
      .execute(),
  ]);
  const visibleCards = cards.filter((c) => visibleTo(principal, c.participant_id, c.moderation_status));
  const visiblePractices = practices.filter((p) => visibleTo(principal, p.participant_id, p.moderation_status));
  const [cardReactions, practiceReactions] = await Promise.all([
    reactionSummaries(
      db,
      'celebration',
      visibleCards.map((c) => c.id),
      principal.userId,
    ),
    reactionSummaries(
      db,
      'skill_practice',
      visiblePractices.map((p) => p.id),
      principal.userId,
    ),
  ]);
  const items: SharedItem[] = [
    ...goals
      .filter((g) => visibleTo(principal, g.participant_id, g.moderation_status))
      .map((g) => ({
        kind: 'goal' as const,
        id: g.id,
        author: g.pseudonym,
        mine: g.participant_id === principal.userId,
        createdAt: g.shared_at ?? '',
        moderationStatus: g.moderation_status ?? 'published',
        title: g.action,
        body: g.frequency,
        detail: null,
        rating: null,
        dueDate: g.target_date,
        reactions: null,
      })),
    ...visibleCards.map((c) => ({
      kind: 'celebration' as const,
      id: c.id,
      author: c.pseudonym,
      mine: c.participant_id === principal.userId,
      createdAt: c.created_at,
      moderationStatus: c.moderation_status,
      title: c.title,
      body: c.note,
      detail: c.detail,
      rating: null,
      dueDate: null,
      reactions: cardReactions.get(c.id) ?? [],
    })),
    ...visiblePractices.map((p) => ({
      kind: 'skill_practice' as const,
      id: p.id,
      author: p.pseudonym,
      mine: p.participant_id === principal.userId,
      createdAt: p.shared_at ?? '',
      moderationStatus: p.moderation_status ?? 'published',
      title: p.skill,
      body: `${p.situation}\n\n${p.tried}`,
      detail: null,
      rating: p.rating,
      dueDate: null,
      reactions: practiceReactions.get(p.id) ?? [],
    })),
  ];
  items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { groupName: group.name, items: items.slice(0, FEED_LIMIT) };
}
