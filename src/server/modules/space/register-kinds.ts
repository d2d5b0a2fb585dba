import { registerModeratedKind } from '../moderation/registry.js';
import { markPostChanged } from './post-changed.js';

// Thread posts and chat messages live in one table; the moderation module decides held ones and
// calls back so the decision reaches every open socket (approved: delivered live to everyone).
for (const [kind, label] of [['post', 'post'], ['message', 'chat message']] as const) {
  registerModeratedKind(kind, {
    table: 'space_posts',
    groupColumn: 'group_id',
    authorColumn: 'author_id',
    statusColumn: 'moderation_status',
    textColumns: ['body'],
    createdAtColumn: 'created_at',
    label,
    kindFilter: { column: 'kind', value: kind },
    editableColumn: 'body',
    onDecision: async (db, itemId, status, _now, reason) => {
      // A withdrawn post carries its reason, so the author reads it on the post itself.
      if (status === 'rejected') await db.updateTable('space_posts').set({ status_reason: reason }).where('id', '=', itemId).execute();
      await markPostChanged(db, itemId);
    },
  });
}
