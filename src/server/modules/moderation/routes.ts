import { idParams } from '../../../shared/schemas/common.js';
import {
  alertContextSchema,
  decisionBodySchema,
  decisionResultSchema,
  groupModerationBodySchema,
  groupModerationSchema,
  myItemListSchema,
  previewBodySchema,
  previewResponseSchema,
  queueResponseSchema,
  rejectBodySchema,
  watchedPhraseBodySchema,
  watchedPhrasePatchSchema,
  watchedPhraseListSchema,
  watchedPhraseSchema,
} from '../../../shared/schemas/moderation.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { alertContext } from './alert-context.js';
import { decideHeldItem } from './decide-item.js';
import { groupModeration, updateGroupModeration } from './group-moderation.js';
import { previewText } from './preview.js';
import { moderationQueue, myModeratedItems } from './queue.js';
import { createWatchedPhrase, deleteWatchedPhrase, listWatchedPhrases, updateWatchedPhrase } from './watched-phrase-admin.js';

const tags = ['moderation'];
const itemParams = idParams('itemId');
const phraseParams = idParams('phraseId');
const groupParams = idParams('groupId');
const onItem = (action: 'read' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'moderation', action, objects: { itemId: 'moderatedItem' } });
const onPhrase: RouteAccess = { kind: 'authenticated', resource: 'watched_phrase', action: 'update', objects: { phraseId: 'watchedPhrase' } };

export const moderationRoutes = [
  defineRoute({
    id: 'moderation.preview',
    method: 'POST',
    url: '/api/moderation/preview',
    summary: 'Before sending: risk tier in plain words, contact-details problem, blocked phrase; the author’s own safety plan when risk language is noticed, and the crisis line',
    tags,
    access: { kind: 'authenticated', resource: 'moderation', action: 'read', objects: { 'body.groupId': 'group' } },
    body: previewBodySchema,
    response: { 200: previewResponseSchema },
    async handler({ body }, ctx) {
      return previewText(ctx, body);
    },
  }),
  defineRoute({
    id: 'moderation.queue',
    method: 'GET',
    url: '/api/moderation/queue',
    summary: 'Held items of every kind in my groups (oldest first) and recently flagged ones',
    tags,
    access: { kind: 'authenticated', resource: 'moderation', action: 'update' },
    response: { 200: queueResponseSchema },
    transaction: true,
    async handler(_input, ctx) {
      return moderationQueue(ctx);
    },
  }),
  defineRoute({
    id: 'moderation.mine',
    method: 'GET',
    url: '/api/moderation/mine',
    summary: 'My items that are held, were not published or were removed, with what happened and why',
    tags,
    access: { kind: 'authenticated', resource: 'moderation', action: 'read' },
    response: { 200: myItemListSchema },
    async handler(_input, ctx) {
      return { items: await myModeratedItems(ctx) };
    },
  }),
  defineRoute({
    id: 'moderation.approve',
    method: 'POST',
    url: '/api/moderation/items/:itemId/approve',
    summary: 'Approve (release) a held item of any kind, optionally with its text edited first: it becomes visible to the group; the author is told',
    tags,
    access: onItem('update'),
    params: itemParams,
    body: decisionBodySchema,
    response: { 200: decisionResultSchema },
    errors: ['invalid_state'],
    async handler({ params, body }, ctx) {
      return decideHeldItem(ctx, params.itemId, 'approve', body.reason, body.text);
    },
  }),
  defineRoute({
    id: 'moderation.reject',
    method: 'POST',
    url: '/api/moderation/items/:itemId/reject',
    summary: 'Reject (withdraw) a held item with a reason (logged; the author is told the reason)',
    tags,
    access: onItem('update'),
    params: itemParams,
    body: rejectBodySchema,
    response: { 200: decisionResultSchema },
    async handler({ params, body }, ctx) {
      return decideHeldItem(ctx, params.itemId, 'reject', body.reason);
    },
  }),
  defineRoute({
    id: 'moderation.group.get',
    method: 'GET',
    url: '/api/groups/:groupId/moderation',
    summary: 'The group space’s moderation mode and staffed hours (members see when it is staffed)',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'read', objects: { groupId: 'group' } },
    params: groupParams,
    response: { 200: groupModerationSchema },
    async handler({ params }, ctx) {
      return groupModeration(ctx.db, params.groupId, ctx.now);
    },
  }),
  defineRoute({
    id: 'moderation.group.update',
    method: 'PATCH',
    url: '/api/groups/:groupId/moderation',
    summary: 'Set the group space’s moderation mode (pre / post) and staffed hours',
    tags,
    access: { kind: 'authenticated', resource: 'group', action: 'update', objects: { groupId: 'group' } },
    params: groupParams,
    body: groupModerationBodySchema,
    response: { 200: groupModerationSchema },
    async handler({ params, body }, ctx) {
      return updateGroupModeration(ctx, params.groupId, body);
    },
  }),
  defineRoute({
    id: 'alerts.context',
    method: 'GET',
    url: '/api/alerts/:alertId/context',
    summary: 'The item behind a group-space alert, the rules that fired and the author’s recent items in the group (audited read)',
    tags: ['alerts'],
    access: { kind: 'authenticated', resource: 'alert', action: 'read', objects: { alertId: 'alert' } },
    params: idParams('alertId'),
    response: { 200: alertContextSchema },
    transaction: true,
    async handler({ params }, ctx) {
      return alertContext(ctx, params.alertId);
    },
  }),
  defineRoute({
    id: 'moderation.phrases.list',
    method: 'GET',
    url: '/api/admin/watched-phrases',
    summary: 'The service’s watched phrases and their actions',
    tags,
    access: { kind: 'authenticated', resource: 'watched_phrase', action: 'read' },
    response: { 200: watchedPhraseListSchema },
    async handler(_input, ctx) {
      return { phrases: await listWatchedPhrases(ctx.db) };
    },
  }),
  defineRoute({
    id: 'moderation.phrases.create',
    method: 'POST',
    url: '/api/admin/watched-phrases',
    summary: 'Watch a phrase: block, hold, flag or redact (whole words, any case)',
    tags,
    access: { kind: 'authenticated', resource: 'watched_phrase', action: 'create' },
    body: watchedPhraseBodySchema,
    response: { 201: watchedPhraseSchema },
    async handler({ body }, ctx) {
      const phrase = await createWatchedPhrase(ctx, body);
      ctx.reply.code(201);
      return phrase;
    },
  }),
  defineRoute({
    id: 'moderation.phrases.update',
    method: 'PATCH',
    url: '/api/admin/watched-phrases/:phraseId',
    summary: 'Change a watched phrase’s action or note',
    tags,
    access: onPhrase,
    params: phraseParams,
    body: watchedPhrasePatchSchema,
    response: { 200: watchedPhraseSchema },
    async handler({ params, body }, ctx) {
      return updateWatchedPhrase(ctx, params.phraseId, body);
    },
  }),
  defineRoute({
    id: 'moderation.phrases.delete',
    method: 'DELETE',
    url: '/api/admin/watched-phrases/:phraseId',
    summary: 'Stop watching a phrase',
    tags,
    access: onPhrase,
    params: phraseParams,
    async handler({ params }, ctx) {
      await deleteWatchedPhrase(ctx, params.phraseId);
    },
  }),
];
