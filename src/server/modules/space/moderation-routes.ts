import { idParams } from '../../../shared/schemas/common.js';
import { pinBodySchema, spaceReportListSchema, spaceTagListSchema } from '../../../shared/schemas/space.js';
import type { ZodType } from 'zod';
import { defineRoute, type RouteAccess, type RouteContext } from '../../http/route.js';
import { requireSpaceViewer, type SpaceViewer } from './access.js';
import { listReports } from './list-reports.js';
import { listTags } from './list-tags.js';
import { pinThread } from './pin-thread.js';

const tags = ['space'];
const groupParams = idParams('groupId');
const moderate = (action: 'read' | 'update', objects: Record<string, 'group' | 'spaceThread'>): RouteAccess => ({
  kind: 'authenticated',
  resource: 'space_moderation',
  action,
  objects,
});

/** A facilitator's list of what the group space holds (reports, tags): GET /api/space/groups/:groupId/<what>. */
function groupListRoute(id: string, what: string, summary: string, list: ZodType, read: (ctx: RouteContext, viewer: SpaceViewer) => Promise<unknown>) {
  return defineRoute({
    id,
    method: 'GET',
    url: `/api/space/groups/:groupId/${what}`,
    summary,
    tags,
    access: moderate('read', { groupId: 'group' }),
    params: groupParams,
    response: { 200: list },
    async handler({ params: p }, ctx) {
      return read(ctx, await requireSpaceViewer(ctx.db, ctx.principal, p.groupId));
    },
  });
}

/** Facilitator views of the space: reports (with who reported), "bring to group" tags, pinning. */
export const moderationRoutes = [
  groupListRoute('space.reports.list', 'reports', 'Reports in the group space, newest first (facilitators only: they see who reported)', spaceReportListSchema, listReports),
  groupListRoute('space.tags.list', 'tags', 'Posts brought to the next session ("bring to group"), newest first', spaceTagListSchema, listTags),
  defineRoute({
    id: 'space.threads.pin',
    method: 'PUT',
    url: '/api/space/threads/:threadId/pin',
    summary: 'Pin or unpin a thread at the top of the space',
    tags,
    access: moderate('update', { threadId: 'spaceThread' }),
    params: idParams('threadId'),
    body: pinBodySchema,
    async handler({ params: p, body }, ctx) {
      await pinThread(ctx, p.threadId, body.pinned);
    },
  }),
];
