import { registerModeratedKind } from '../moderation/registry.js';

// Shared strategies go through the one moderation queue: facilitators approve or reject held ones there.
registerModeratedKind('strategy', {
  table: 'strategies',
  groupColumn: 'group_id',
  authorColumn: 'author_id',
  statusColumn: 'moderation_status',
  textColumns: ['title', 'when_helps', 'steps'],
  createdAtColumn: 'created_at',
  label: 'shared coping strategy',
});
