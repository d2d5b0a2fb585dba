import type { FeedbackRequest } from '../../../shared/schemas/feedback.js';
import type { DbOrTx } from '../../db/database.js';
import type { ModerationStatus } from '../../db/schema.js';
import type { Viewer } from '../strategies/repository.js';

function visible(db: DbOrTx, viewer: Viewer) {
  return db
    .selectFrom('feedback_items as f')
    .innerJoin('enrolments as e', 'e.id', 'f.enrolment_id')
    .select(['f.id', 'f.group_id', 'f.parent_id', 'f.author_id', 'f.body', 'f.moderation_status', 'f.created_at', 'e.pseudonym'])
    .where((eb) =>
      viewer.staff
        ? eb('f.moderation_status', 'in', ['published', 'held'])
        : eb.or([eb('f.moderation_status', '=', 'published'), eb.and([eb('f.author_id', '=', viewer.userId), eb('f.moderation_status', 'in', ['held', 'rejected'])])]),
    );
}

/** A group's feedback requests, newest first, each with its replies in order. */
export async function listFeedbackRequests(db: DbOrTx, viewer: Viewer, groupId: string): Promise<FeedbackRequest[]> {
  const requests = await visible(db, viewer).where('f.group_id', '=', groupId).where('f.parent_id', 'is', null).orderBy('f.created_at', 'desc').limit(50).execute();
  if (requests.length === 0) return [];
  const replies = await visible(db, viewer)
    .where(
      'f.parent_id',
      'in',
      requests.map((r) => r.id),
    )
    .orderBy('f.created_at')
    .execute();
  const item = (r: (typeof requests)[number]) => ({
    id: r.id,
    authorPseudonym: r.pseudonym,
    mine: r.author_id === viewer.userId,
    body: r.body,
    status: r.moderation_status as ModerationStatus,
    createdAt: r.created_at,
  });
  return requests.map((r) => ({ ...item(r), groupId: r.group_id, replies: replies.filter((x) => x.parent_id === r.id).map(item) }));
}
