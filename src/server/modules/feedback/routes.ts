import { idParams } from '../../../shared/schemas/common.js';
import {
  feedbackBodySchema,
  feedbackCreatedSchema,
  feedbackRequestListSchema,
  groupAppreciationsSchema,
  myAppreciationsSchema,
  peerListSchema,
  sendAppreciationBodySchema,
} from '../../../shared/schemas/feedback.js';
import { defineRoute } from '../../http/route.js';
import { viewerFor } from '../strategies/viewer.js';
import { groupAppreciations, markAppreciationsSeen, myAppreciations } from './list-appreciations.js';
import { listFeedbackRequests } from './list-feedback-requests.js';
import { peersAndSessions } from './peers.js';
import { requireMember } from '../../policy/membership.js';
import { postFeedbackRequest, replyToFeedbackRequest } from './post-feedback.js';
import { sendAppreciation } from './send-appreciation.js';

const tags = ['feedback'];
const groupParams = idParams('groupId');
const onGroup = { groupId: 'group' } as const;
const created = feedbackCreatedSchema;

export const feedbackRoutes = [
  defineRoute({
    id: 'appreciations.peers',
    method: 'GET',
    url: '/api/groups/:groupId/peers',
    summary: 'Current members one can appreciate, and the group’s recent sessions',
    tags,
    access: { kind: 'authenticated', resource: 'appreciation', action: 'read', objects: onGroup },
    params: groupParams,
    response: { 200: peerListSchema },
    errors: ['not_a_member'],
    async handler({ params }, ctx) {
      // Only those who may appreciate see whom they could appreciate (not invited or paused members).
      await requireMember(ctx, params.groupId, 'contribute');
      return peersAndSessions(ctx.db, ctx.principal.userId, params.groupId, ctx.now);
    },
  }),
  defineRoute({
    id: 'appreciations.send',
    method: 'POST',
    url: '/api/groups/:groupId/appreciations',
    summary: 'Send an appreciation to named peers of the group (moderated)',
    tags,
    access: { kind: 'authenticated', resource: 'appreciation', action: 'create', objects: onGroup },
    params: groupParams,
    body: sendAppreciationBodySchema,
    response: { 201: created },
    errors: ['cannot_appreciate_self', 'contact_details_refused', 'not_a_member'],
    async handler({ params, body }, ctx) {
      const result = await sendAppreciation(ctx, params.groupId, body);
      ctx.reply.code(201);
      return result;
    },
  }),
  defineRoute({
    id: 'appreciations.group',
    method: 'GET',
    url: '/api/groups/:groupId/appreciations',
    summary: 'A group’s appreciations: all for facilitators, one’s own sent and received for members',
    tags,
    access: { kind: 'authenticated', resource: 'appreciation', action: 'read', objects: onGroup },
    params: groupParams,
    response: { 200: groupAppreciationsSchema },
    async handler({ params }, ctx) {
      const groupId = params.groupId;
      const viewer = await viewerFor(ctx.db, ctx.principal, groupId);
      return { appreciations: await groupAppreciations(ctx.db, viewer, groupId) };
    },
  }),
  defineRoute({
    id: 'appreciations.mine',
    method: 'GET',
    url: '/api/me/appreciations',
    summary: 'My appreciations: received and sent',
    tags,
    access: { kind: 'authenticated', resource: 'appreciation', action: 'read' },
    response: { 200: myAppreciationsSchema },
    async handler(_input, ctx) {
      return myAppreciations(ctx.db, ctx.principal.userId);
    },
  }),
  defineRoute({
    id: 'appreciations.seen',
    method: 'POST',
    url: '/api/me/appreciations/seen',
    summary: 'Mark my received appreciations as seen (the home shows only newer ones as new)',
    tags,
    access: { kind: 'authenticated', resource: 'appreciation', action: 'update' },
    async handler(_input, ctx) {
      await markAppreciationsSeen(ctx.db, ctx.principal.userId, ctx.now);
      await ctx.audit({ action: 'appreciations.seen', resourceType: 'user', resourceId: ctx.principal.userId });
    },
  }),
  defineRoute({
    id: 'feedback.list',
    method: 'GET',
    url: '/api/groups/:groupId/feedback-requests',
    summary: 'The group’s feedback requests with their replies',
    tags,
    access: { kind: 'authenticated', resource: 'feedback', action: 'read', objects: onGroup },
    params: groupParams,
    response: { 200: feedbackRequestListSchema },
    async handler({ params }, ctx) {
      const groupId = params.groupId;
      const viewer = await viewerFor(ctx.db, ctx.principal, groupId);
      return { requests: await listFeedbackRequests(ctx.db, viewer, groupId) };
    },
  }),
  defineRoute({
    id: 'feedback.request',
    method: 'POST',
    url: '/api/groups/:groupId/feedback-requests',
    summary: 'Ask the group for feedback (moderated)',
    tags,
    access: { kind: 'authenticated', resource: 'feedback', action: 'create', objects: onGroup },
    params: groupParams,
    body: feedbackBodySchema,
    response: { 201: created },
    errors: ['not_a_member'],
    async handler({ params, body }, ctx) {
      const result = await postFeedbackRequest(ctx, params.groupId, body.body);
      ctx.reply.code(201);
      return result;
    },
  }),
  defineRoute({
    id: 'feedback.reply',
    method: 'POST',
    url: '/api/feedback-requests/:requestId/replies',
    summary: 'Reply to a feedback request with feedback (moderated)',
    tags,
    access: { kind: 'authenticated', resource: 'feedback', action: 'create', objects: { requestId: 'feedbackRequest' } },
    params: idParams('requestId'),
    body: feedbackBodySchema,
    response: { 201: created },
    async handler({ params, body }, ctx) {
      const result = await replyToFeedbackRequest(ctx, params.requestId, body.body);
      ctx.reply.code(201);
      return result;
    },
  }),
];
