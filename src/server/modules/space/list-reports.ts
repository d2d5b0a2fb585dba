import type { UseCaseContext } from '../../http/use-case.js';
import { personLabel, type SpaceViewer } from './access.js';
import { withShownPosts } from './shown-posts.js';

/** Reports in the group space, newest first, with who reported (facilitators only); audited. */
export async function listReports(ctx: UseCaseContext, viewer: SpaceViewer) {
  const rows = await ctx.db
    .selectFrom('space_reports as r')
    .innerJoin('users as u', 'u.id', 'r.reporter_id')
    .leftJoin('enrolments as e', (join) => join.onRef('e.participant_id', '=', 'r.reporter_id').onRef('e.group_id', '=', 'r.group_id'))
    .select(['r.id', 'r.kind', 'r.note', 'r.created_at', 'r.post_id', 'u.display_name', 'u.role', 'e.pseudonym'])
    .where('r.group_id', '=', viewer.groupId)
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
  const reports = await withShownPosts(ctx.db, viewer, rows, (row, post) => ({
    id: row.id,
    kind: row.kind,
    note: row.note,
    createdAt: row.created_at,
    reporterLabel: personLabel(row.role, row.pseudonym, row.display_name),
    post,
  }));
  await ctx.audit({ action: 'space.reports.read', resourceType: 'therapy_group', resourceId: viewer.groupId, groupId: viewer.groupId });
  return { reports };
}
