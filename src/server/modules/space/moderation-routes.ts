import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import { spaceReportSchema, spaceTagSchema } from '../../../shared/schemas/space.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import type { SpacePost } from '../../../shared/schemas/space.js';
import type { DbOrTx } from '../../db/database.js';
import { personLabel, requireSpaceViewer, type SpaceViewer } from './access.js';
import { forViewer } from './presenters.js';
import { loadStreamPosts } from './repository.js';

const tags = ['space'];
const groupParams = idParams('groupId');
const moderate = (action: 'read' | 'update', objects: Record<string, 'group' | 'spaceThread'>): RouteAccess => ({
  kind: 'authenticated',
  resource: 'space_moderation',
  action,
  objects,
});

/** The posts the viewer may see, by id, read in one query. */
async function shownPosts(db: DbOrTx, viewer: SpaceViewer, postIds: readonly string[]): Promise<Map<string, SpacePost>> {
  const shown = new Map<string, SpacePost>();
  for (const [id, post] of await loadStreamPosts(db, postIds)) {
    const visible = forViewer(post, viewer, new Set());
    if (visible) shown.set(id, visible);
  }
  return shown;
}

/** Facilitator views of the space: reports (with who reported), "bring to group" tags, pinning. */
export const moderationRoutes = [
  defineRoute({
    id: 'space.reports.list',
    method: 'GET',
    url: '/api/space/groups/:groupId/reports',
    summary: 'Reports in the group space, newest first (facilitators only: they see who reported)',
    tags,
    access: moderate('read', { groupId: 'group' }),
    params: groupParams,
    response: { 200: z.object({ reports: z.array(spaceReportSchema) }) },
    async handler({ params: p }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, String(p.groupId));
      const rows = await ctx.db
        .selectFrom('space_reports as r')
        .innerJoin('users as u', 'u.id', 'r.reporter_id')
        .leftJoin('enrolments as e', (join) => join.onRef('e.participant_id', '=', 'r.reporter_id').onRef('e.group_id', '=', 'r.group_id'))
        .select(['r.id', 'r.kind', 'r.note', 'r.created_at', 'r.post_id', 'u.display_name', 'u.role', 'e.pseudonym'])
        .where('r.group_id', '=', viewer.groupId)
        .orderBy('r.created_at', 'desc')
        .limit(200)
        .execute();
      const posts = await shownPosts(ctx.db, viewer, rows.map((r) => r.post_id));
      const reports = rows.flatMap((row) => {
        const post = posts.get(row.post_id);
        return post ? [{ id: row.id, kind: row.kind, note: row.note, createdAt: row.created_at, reporterLabel: personLabel(row.role, row.pseudonym, row.display_name), post }] : [];
      });
      await ctx.audit({ action: 'space.reports.read', resourceType: 'therapy_group', resourceId: viewer.groupId, groupId: viewer.groupId });
      return { reports };
    },
  }),
  defineRoute({
    id: 'space.tags.list',
    method: 'GET',
    url: '/api/space/groups/:groupId/tags',
    summary: 'Posts brought to the next session ("bring to group"), newest first',
    tags,
    access: moderate('read', { groupId: 'group' }),
    params: groupParams,
    response: { 200: z.object({ tags: z.array(spaceTagSchema) }) },
    async handler({ params: p }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, String(p.groupId));
      const rows = await ctx.db
        .selectFrom('space_tags as t')
        .innerJoin('users as u', 'u.id', 't.tagged_by')
        .leftJoin('enrolments as e', (join) => join.onRef('e.participant_id', '=', 't.tagged_by').onRef('e.group_id', '=', 't.group_id'))
        .select(['t.id', 't.note', 't.session_id', 't.created_at', 't.post_id', 'u.display_name', 'u.role', 'e.pseudonym'])
        .where('t.group_id', '=', viewer.groupId)
        .orderBy('t.created_at', 'desc')
        .limit(200)
        .execute();
      const posts = await shownPosts(ctx.db, viewer, rows.map((r) => r.post_id));
      const result = rows.flatMap((row) => {
        const post = posts.get(row.post_id);
        return post ? [{ id: row.id, note: row.note, sessionId: row.session_id, createdAt: row.created_at, taggedBy: personLabel(row.role, row.pseudonym, row.display_name), post }] : [];
      });
      return { tags: result };
    },
  }),
  defineRoute({
    id: 'space.threads.pin',
    method: 'PUT',
    url: '/api/space/threads/:threadId/pin',
    summary: 'Pin or unpin a thread at the top of the space',
    tags,
    access: moderate('update', { threadId: 'spaceThread' }),
    params: idParams('threadId'),
    body: z.strictObject({ pinned: z.boolean() }),
    async handler({ params: p, body }, ctx) {
      const thread = await ctx.db.selectFrom('space_threads').select('group_id').where('id', '=', String(p.threadId)).executeTakeFirstOrThrow();
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, thread.group_id);
      await ctx.db.updateTable('space_threads').set({ pinned: body.pinned ? 1 : 0 }).where('id', '=', String(p.threadId)).execute();
      await ctx.audit({ action: body.pinned ? 'space.thread.pin' : 'space.thread.unpin', resourceType: 'space_thread', resourceId: String(p.threadId), groupId: viewer.groupId });
    },
  }),
];
