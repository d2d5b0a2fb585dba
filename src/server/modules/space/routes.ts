import { idParams } from '../../../shared/schemas/common.js';
import {
  spaceUnreadSchema,
  createPostBodySchema,
  createThreadBodySchema,
  editPostBodySchema,
  markReadBodySchema,
  postPageSchema,
  postsQuerySchema,
  readMarkSchema,
  relationBodySchema,
  removePostBodySchema,
  reportBodySchema,
  reportCreatedSchema,
  spaceOverviewSchema,
  spacePostSchema,
  tagBodySchema,
  tagCreatedSchema,
  threadCreatedSchema,
} from '../../../shared/schemas/space.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { defineRoute, type RouteAccess, type RouteContext } from '../../http/route.js';
import { requirePostViewer, requireSpaceViewer, type SpaceViewer } from './access.js';
import { createPost, type SpaceDeps } from './create-post.js';
import { createThread } from './create-thread.js';
import { editPost } from './edit-post.js';
import { listPosts } from './list-posts.js';
import { markRead } from './mark-read.js';
import { spaceOverview } from './overview.js';
import { forViewer } from './presenters.js';
import { setBlock, setMute } from './relations.js';
import { removePost, withdrawPost } from './remove-post.js';
import { reportPost } from './report-post.js';
import { moderationRoutes } from './moderation-routes.js';
import { tagPost, untagPost } from './tag-post.js';
import { spaceUnreadSummary } from './unread-summary.js';

const tags = ['space'];
const groupParams = idParams('groupId');
const postParams = idParams('postId');
const onGroup = (action: 'read' | 'create' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'space', action, objects: { groupId: 'group' } });
const onPost = (action: 'read' | 'create' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'space', action, objects: { postId: 'spacePost' } });

/** What post and thread creation need: they run their own transaction and publish after commit. */
async function depsOf(ctx: RouteContext): Promise<SpaceDeps> {
  // One flood limit per member, shared by the socket and this route (and every instance).
  if (!(await ctx.request.server.spaceHub.limiter.take(ctx.principal.userId))) {
    throw new AppError('rate_limited', 'You are sending messages very fast. Wait a moment, then try again.');
  }
  return { db: ctx.db as Db, actor: ctx.actor, now: ctx.now };
}

async function present(viewer: SpaceViewer, post: Parameters<typeof forViewer>[0]) {
  const shown = forViewer(post, viewer, new Set());
  if (!shown) throw new AppError('not_found', 'This message was not found.');
  return shown;
}

export const spaceRoutes = [
  defineRoute({
    id: 'space.unread',
    method: 'GET',
    url: '/api/me/spaces',
    summary: 'The group spaces the caller may enter, with how many posts they have not read in each',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    response: { 200: spaceUnreadSchema },
    async handler(_input, ctx) {
      return spaceUnreadSummary(ctx.db, ctx.principal);
    },
  }),
  defineRoute({
    id: 'space.overview',
    method: 'GET',
    url: '/api/space/groups/:groupId',
    summary: 'The group space for the caller: chat and threads with unread counts, staffing, mutes and blocks',
    tags,
    access: onGroup('read'),
    params: groupParams,
    response: { 200: spaceOverviewSchema },
    async handler({ params: p }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, p.groupId);
      return spaceOverview(ctx.db, viewer, ctx.now);
    },
  }),
  defineRoute({
    id: 'space.posts.list',
    method: 'GET',
    url: '/api/space/groups/:groupId/posts',
    summary: 'A page of the chat or a thread, newest first (cursor: before = a sequence number)',
    tags,
    access: onGroup('read'),
    params: groupParams,
    query: postsQuerySchema,
    response: { 200: postPageSchema },
    async handler({ params: p, query }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, p.groupId);
      return listPosts(ctx, viewer, query.thread === 'chat' ? null : query.thread, query.before, query.limit);
    },
  }),
  defineRoute({
    id: 'space.posts.create',
    method: 'POST',
    url: '/api/space/groups/:groupId/posts',
    summary: 'Post to the chat or a thread (moderated; a repeated clientId returns the stored post)',
    tags,
    access: onGroup('create'),
    params: groupParams,
    body: createPostBodySchema,
    response: { 201: spacePostSchema, 200: spacePostSchema },
    // Runs its own transaction so the post is published only once committed.
    transaction: false,
    errors: ['contact_details_refused', 'not_a_member', 'rate_limited'],
    async handler({ params: p, body }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, p.groupId);
      const { post, created } = await createPost(await depsOf(ctx), viewer, body);
      ctx.reply.code(created ? 201 : 200);
      return present(viewer, post);
    },
  }),
  defineRoute({
    id: 'space.threads.create',
    method: 'POST',
    url: '/api/space/groups/:groupId/threads',
    summary: 'Open a thread with its first post (moderated)',
    tags,
    access: onGroup('create'),
    params: groupParams,
    body: createThreadBodySchema,
    response: { 201: threadCreatedSchema },
    errors: ['contact_details_refused'],
    transaction: false,
    async handler({ params: p, body }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, p.groupId);
      const { threadId, post } = await createThread(await depsOf(ctx), viewer, body);
      ctx.reply.code(201);
      return { threadId, post: await present(viewer, post) };
    },
  }),
  defineRoute({
    id: 'space.posts.edit',
    method: 'PATCH',
    url: '/api/space/posts/:postId',
    summary: 'Edit one’s own post (moderated again)',
    tags,
    access: onPost('update'),
    params: postParams,
    body: editPostBodySchema,
    response: { 200: spacePostSchema },
    async handler({ params: p, body }, ctx) {
      const viewer = await requirePostViewer(ctx.db, ctx.principal, p.postId);
      return present(viewer, await editPost(ctx, viewer, p.postId, body.text));
    },
  }),
  defineRoute({
    id: 'space.posts.withdraw',
    method: 'POST',
    url: '/api/space/posts/:postId/withdraw',
    summary: 'Remove one’s own post',
    tags,
    access: onPost('update'),
    params: postParams,
    response: { 200: spacePostSchema },
    async handler({ params: p }, ctx) {
      const viewer = await requirePostViewer(ctx.db, ctx.principal, p.postId);
      return present(viewer, await withdrawPost(ctx, viewer, p.postId));
    },
  }),
  defineRoute({
    id: 'space.posts.remove',
    method: 'POST',
    url: '/api/space/posts/:postId/remove',
    summary: 'Remove a post as a facilitator, with a reason its author sees',
    tags,
    access: { kind: 'authenticated', resource: 'space_moderation', action: 'update', objects: { postId: 'spacePost' } },
    params: postParams,
    body: removePostBodySchema,
    response: { 200: spacePostSchema },
    async handler({ params: p, body }, ctx) {
      const viewer = await requirePostViewer(ctx.db, ctx.principal, p.postId);
      return present(viewer, await removePost(ctx, viewer, p.postId, body.reason));
    },
  }),
  defineRoute({
    id: 'space.posts.report',
    method: 'POST',
    url: '/api/space/posts/:postId/reports',
    summary: 'Report a post to the facilitators (worried about this person / breaks our agreement); the reporter is hidden from peers',
    tags,
    access: onPost('create'),
    params: postParams,
    body: reportBodySchema,
    response: { 201: reportCreatedSchema },
    async handler({ params: p, body }, ctx) {
      const viewer = await requirePostViewer(ctx.db, ctx.principal, p.postId);
      const report = await reportPost(ctx, viewer, p.postId, body.kind, body.note ?? null);
      ctx.reply.code(201);
      return report;
    },
  }),
  defineRoute({
    id: 'space.posts.tag',
    method: 'POST',
    url: '/api/space/posts/:postId/tag',
    summary: 'Bring a post to the next session',
    tags,
    access: onPost('create'),
    params: postParams,
    body: tagBodySchema,
    response: { 201: tagCreatedSchema },
    async handler({ params: p, body }, ctx) {
      const viewer = await requirePostViewer(ctx.db, ctx.principal, p.postId);
      const tag = await tagPost(ctx, viewer, p.postId, body.note ?? null);
      ctx.reply.code(201);
      return tag;
    },
  }),
  defineRoute({
    id: 'space.posts.untag',
    method: 'DELETE',
    url: '/api/space/posts/:postId/tag',
    summary: 'Take back one’s "bring to group" tag',
    tags,
    access: onPost('update'),
    params: postParams,
    async handler({ params: p }, ctx) {
      const viewer = await requirePostViewer(ctx.db, ctx.principal, p.postId);
      await untagPost(ctx, viewer, p.postId);
    },
  }),
  defineRoute({
    id: 'space.mutes.set',
    method: 'PUT',
    url: '/api/space/groups/:groupId/mutes',
    summary: 'Mute or unmute a member (their posts are hidden for the caller only)',
    tags,
    access: onGroup('update'),
    params: groupParams,
    body: relationBodySchema,
    async handler({ params: p, body }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, p.groupId);
      await setMute(ctx, viewer, body.enrolmentId, body.on);
    },
  }),
  defineRoute({
    id: 'space.blocks.set',
    method: 'PUT',
    url: '/api/space/groups/:groupId/blocks',
    summary: 'Block or unblock a member (hidden, and no replies or direct messages either way)',
    tags,
    access: onGroup('update'),
    params: groupParams,
    body: relationBodySchema,
    errors: ['invalid_state'],
    async handler({ params: p, body }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, p.groupId);
      await setBlock(ctx, viewer, body.enrolmentId, body.on);
    },
  }),
  defineRoute({
    id: 'space.read',
    method: 'POST',
    url: '/api/space/groups/:groupId/read',
    summary: 'Mark the chat or a thread read up to a sequence number',
    tags,
    access: onGroup('update'),
    params: groupParams,
    body: markReadBodySchema,
    response: { 200: readMarkSchema },
    async handler({ params: p, body }, ctx) {
      const viewer = await requireSpaceViewer(ctx.db, ctx.principal, p.groupId);
      return markRead(ctx, viewer, body.thread, body.seq);
    },
  }),
  ...moderationRoutes,
];
