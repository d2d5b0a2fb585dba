import { registerModeratedKind } from '../moderation/registry.js';

// Appreciations, feedback requests and replies to them (one table) go through the one moderation queue.
registerModeratedKind('appreciation', {
  table: 'appreciations',
  groupColumn: 'group_id',
  authorColumn: 'sender_id',
  statusColumn: 'moderation_status',
  textColumns: ['body'],
  editableColumn: 'body',
  createdAtColumn: 'created_at',
  label: 'appreciation',
});
registerModeratedKind('feedback_request', {
  table: 'feedback_items',
  groupColumn: 'group_id',
  authorColumn: 'author_id',
  statusColumn: 'moderation_status',
  textColumns: ['body'],
  editableColumn: 'body',
  createdAtColumn: 'created_at',
  label: 'feedback request or reply',
});
