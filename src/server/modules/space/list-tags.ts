import type { UseCaseContext } from '../../http/use-case.js';
import { personLabel, type SpaceViewer } from './access.js';
import { withShownPosts } from './shown-posts.js';

/** Posts brought to the next session ("bring to group"), newest first, with who brought them. */
export async function listTags(ctx: UseCaseContext, viewer: SpaceViewer) {
  const rows = await ctx.db
    .selectFrom('space_tags as t')
    .innerJoin('users as u', 'u.id', 't.tagged_by')
    .leftJoin('enrolments as e', (join) => join.onRef('e.participant_id', '=', 't.tagged_by').onRef('e.group_id', '=', 't.group_id'))
    .select(['t.id', 't.note', 't.session_id', 't.created_at', 't.post_id', 'u.display_name', 'u.role', 'e.pseudonym'])
    .where('t.group_id', '=', viewer.groupId)
    .orderBy('t.created_at', 'desc')
    .limit(200)
    .execute();
  const tags = await withShownPosts(ctx.db, viewer, rows, (row, post) => ({
    id: row.id,
    note: row.note,
    sessionId: row.session_id,
    createdAt: row.created_at,
    taggedBy: personLabel(row.role, row.pseudonym, row.display_name),
    post,
  }));
  return { tags };
}
