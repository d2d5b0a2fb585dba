import { idParams } from '../../../shared/schemas/common.js';
import { pinBodySchema, spaceReportListSchema, spaceTagListSchema } from '../../../shared/schemas/space.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { requireSpaceViewer } from './access.js';
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
    response: { 200: spaceReportListSchema },
    async handler({ params: p }, ctx) {
      return listReports(ctx, await requireSpaceViewer(ctx.db, ctx.principal, p.groupId));
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
    response: { 200: spaceTagListSchema },
    async handler({ params: p }, ctx) {
      return listTags(ctx, await requireSpaceViewer(ctx.db, ctx.principal, p.groupId));
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
    body: pinBodySchema,
    async handler({ params: p, body }, ctx) {
      await pinThread(ctx, p.threadId, body.pinned);
    },
  }),
];
