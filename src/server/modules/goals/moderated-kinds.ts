import { registerModeratedKind } from '../moderation/registry.js';

// What this module shows a group, registered with moderation so facilitators can approve or
// reject held items of every kind in one queue.
registerModeratedKind('goal', {
  table: 'goals',
  groupColumn: 'shared_group_id',
  authorColumn: 'participant_id',
  statusColumn: 'moderation_status',
  textColumns: ['action', 'frequency'],
  createdAtColumn: 'shared_at',
  label: 'shared goal',
});
registerModeratedKind('celebration', {
  table: 'celebrations',
  groupColumn: 'group_id',
  authorColumn: 'participant_id',
  statusColumn: 'moderation_status',
  textColumns: ['title', 'note'],
  createdAtColumn: 'created_at',
  label: 'celebration',
});
registerModeratedKind('skill_practice', {
  table: 'skill_practices',
  groupColumn: 'shared_group_id',
  authorColumn: 'participant_id',
  statusColumn: 'moderation_status',
  textColumns: ['skill', 'situation', 'tried'],
  createdAtColumn: 'shared_at',
  label: 'shared skills practice',
});
