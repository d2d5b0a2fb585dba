import type { ContentKind } from '../../../shared/schemas/moderation.js';
import type { DbOrTx } from '../../db/database.js';
import { markPostChanged } from '../space/post-changed.js';

export type { ContentKind };

/** Where a content module stores one kind of moderated item, so held items of any kind can be listed and decided. */
export interface ModeratedKind {
  /** The one name people read for this kind: the queue, the digest, alerts, notifications, the author's own items. */
  label: string;
  /** Table holding the items (its primary key column is `id`). */
  table: string;
  groupColumn: string;
  /** users.id of the author. */
  authorColumn: string;
  /** 'published' | 'held' | 'rejected' | 'removed'. */
  statusColumn: string;
  /** Columns whose text the group sees, shown to clinicians in this order. */
  textColumns: readonly string[];
  createdAtColumn: string;
  /** When several kinds share one table: the column and value that pick this kind's rows. */
  kindFilter?: { column: string; value: string };
  /** The one free-text column a clinician may edit before releasing a held item (kinds with several fields have none). */
  editableColumn?: string;
  /** Called in the same transaction after a clinician approved or rejected a held item (e.g. realtime fan-out); `reason` is what the author is told. */
  onDecision?: (db: DbOrTx, itemId: string, status: 'published' | 'rejected', now: Date, reason: string) => Promise<void>;
}

/** Thread posts and chat messages live in one table; a decision reaches every open socket (approved: delivered live to everyone). */
async function spacePostDecided(db: DbOrTx, itemId: string, status: 'published' | 'rejected', _now: Date, reason: string): Promise<void> {
  // A withdrawn post carries its reason, so the author reads it on the post itself.
  if (status === 'rejected') await db.updateTable('space_posts').set({ status_reason: reason }).where('id', '=', itemId).execute();
  await markPostChanged(db, itemId);
}

const spacePost = (kind: 'post' | 'message', label: string): ModeratedKind => ({
  label,
  table: 'space_posts',
  groupColumn: 'group_id',
  authorColumn: 'author_id',
  statusColumn: 'moderation_status',
  textColumns: ['body'],
  createdAtColumn: 'created_at',
  kindFilter: { column: 'kind', value: kind },
  editableColumn: 'body',
  onDecision: spacePostDecided,
});

/**
 * Every kind of item a member writes for their group, in one place: where it is stored and the
 * one label people read for it. Moderation (the queue, held-item decisions, alert context, the
 * digest, the author's own items) reads kinds from here only; nothing registers on import.
 */
export const MODERATED_KINDS: { readonly [K in ContentKind]: ModeratedKind } = {
  post: spacePost('post', 'group-space post'),
  message: spacePost('message', 'chat message'),
  appreciation: {
    label: 'appreciation',
    table: 'appreciations',
    groupColumn: 'group_id',
    authorColumn: 'sender_id',
    statusColumn: 'moderation_status',
    textColumns: ['body'],
    editableColumn: 'body',
    createdAtColumn: 'created_at',
  },
  // Requests and the replies to them share one table and one kind.
  feedback_request: {
    label: 'feedback request or reply',
    table: 'feedback_items',
    groupColumn: 'group_id',
    authorColumn: 'author_id',
    statusColumn: 'moderation_status',
    textColumns: ['body'],
    editableColumn: 'body',
    createdAtColumn: 'created_at',
  },
  strategy: {
    label: 'shared coping strategy',
    table: 'strategies',
    groupColumn: 'group_id',
    authorColumn: 'author_id',
    statusColumn: 'moderation_status',
    textColumns: ['title', 'when_helps', 'steps'],
    createdAtColumn: 'created_at',
  },
  celebration: {
    label: 'celebration card',
    table: 'celebrations',
    groupColumn: 'group_id',
    authorColumn: 'participant_id',
    statusColumn: 'moderation_status',
    textColumns: ['title', 'note'],
    createdAtColumn: 'created_at',
  },
  goal: {
    label: 'shared goal',
    table: 'goals',
    groupColumn: 'shared_group_id',
    authorColumn: 'participant_id',
    statusColumn: 'moderation_status',
    textColumns: ['action', 'frequency'],
    createdAtColumn: 'shared_at',
  },
  skill_practice: {
    label: 'shared skills practice entry',
    table: 'skill_practices',
    groupColumn: 'shared_group_id',
    authorColumn: 'participant_id',
    statusColumn: 'moderation_status',
    textColumns: ['skill', 'situation', 'tried'],
    createdAtColumn: 'shared_at',
  },
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Names that are spliced into SQL as identifiers must be plain: checked once, at start-up. */
export function assertKindsWellFormed(kinds: Readonly<Record<string, ModeratedKind>> = MODERATED_KINDS): void {
  for (const [kind, def] of Object.entries(kinds)) {
    for (const name of [
      def.table,
      def.groupColumn,
      def.authorColumn,
      def.statusColumn,
      def.createdAtColumn,
      ...def.textColumns,
      ...(def.kindFilter ? [def.kindFilter.column] : []),
      ...(def.editableColumn ? [def.editableColumn] : []),
    ]) {
      if (!IDENTIFIER.test(name)) throw new Error(`moderated kind ${kind}: ${name} is not a plain column or table name`);
    }
  }
}
assertKindsWellFormed();

export function isContentKind(kind: string): kind is ContentKind {
  return Object.hasOwn(MODERATED_KINDS, kind);
}

/** The registration of a kind read from storage (a log row, an alert source), or undefined when it is not a moderated kind. */
export function moderatedKind(kind: string): ModeratedKind | undefined {
  return isContentKind(kind) ? MODERATED_KINDS[kind] : undefined;
}

/** The one label of a kind. */
export function kindLabel(kind: ContentKind): string {
  return MODERATED_KINDS[kind].label;
}
