import type { SpacePost } from '../../../shared/schemas/space.js';
import { ERASED_AT_REQUEST } from '../../../shared/schemas/data-rights.js';
import type { SpacePostsTable } from '../../db/schema.js';
import type { StreamPost } from '../../realtime/events.js';
import type { SpaceViewer } from './access.js';
import { personLabel } from './access.js';

export type PostRow = Pick<
  SpacePostsTable,
  | 'id'
  | 'group_id'
  | 'thread_id'
  | 'seq'
  | 'version_seq'
  | 'author_id'
  | 'enrolment_id'
  | 'author_role'
  | 'client_id'
  | 'body'
  | 'reply_to_id'
  | 'moderation_status'
  | 'moderation_reasons'
  | 'status_reason'
  | 'created_at'
  | 'edited_at'
> & { pseudonym: string | null; display_name: string };

/** A stored post with its author's label, as it travels between instances. */
export function toStreamPost(row: PostRow): StreamPost {
  return {
    id: row.id,
    groupId: row.group_id,
    threadId: row.thread_id,
    seq: row.seq,
    versionSeq: row.version_seq,
    authorId: row.author_id,
    enrolmentId: row.enrolment_id,
    authorLabel: personLabel(row.author_role, row.pseudonym, row.display_name),
    authorRole: row.author_role,
    body: row.body,
    replyToId: row.reply_to_id,
    status: row.moderation_status,
    statusReasons: row.moderation_reasons ? (JSON.parse(row.moderation_reasons) as StreamPost['statusReasons']) : [],
    statusReason: row.status_reason,
    clientId: row.client_id,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

/**
 * What one viewer sees of a post, or null when it is not theirs to see: held and rejected posts
 * only for their author and the group's clinicians, muted or blocked authors not at all. Removed
 * posts stay as a placeholder so replies keep their context.
 */
export function forViewer(post: StreamPost, viewer: Pick<SpaceViewer, 'userId' | 'role'>, hidden: ReadonlySet<string>): SpacePost | null {
  const mine = post.authorId === viewer.userId;
  const staff = viewer.role === 'staff';
  if (!mine && post.enrolmentId && hidden.has(post.enrolmentId)) return null;
  if ((post.status === 'held' || post.status === 'rejected') && !mine && !staff) return null;
  const privileged = mine || staff;
  return {
    id: post.id,
    groupId: post.groupId,
    threadId: post.threadId,
    seq: post.seq,
    versionSeq: post.versionSeq,
    author: { label: post.authorLabel, role: post.authorRole, enrolmentId: post.enrolmentId },
    mine,
    body: post.status === 'removed' && !staff ? '' : post.body,
    replyToId: post.replyToId,
    status: post.status,
    statusReasons: privileged ? post.statusReasons : [],
    // An erased member's posts say so to everyone (the reason names no one).
    statusReason: privileged || post.statusReason === ERASED_AT_REQUEST ? post.statusReason : null,
    clientId: mine ? post.clientId : null,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
  };
}
