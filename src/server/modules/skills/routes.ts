import { idParams } from '../../../shared/schemas/common.js';
import { reactionBodySchema, reactionListSchema } from '../../../shared/schemas/goals.js';
import { practiceBodySchema, practiceListSchema, practiceSchema, practiceShareBodySchema } from '../../../shared/schemas/skills.js';
import { defineRoute } from '../../http/route.js';
import { addReaction, removeReaction } from '../goals/react.js';
import { curriculumSkills } from './curriculum-skills.js';
import { logPractice } from './log-practice.js';
import { listPractices } from './repository.js';
import { sharePractice } from './share-practice.js';

const tags = ['skills'];
const reactions = reactionListSchema;

export const skillRoutes = [
  defineRoute({
    id: 'skills.list',
    method: 'GET',
    url: '/api/me/skills-practice',
    summary: 'My skills practice log and the skills of my programme',
    tags,
    access: { kind: 'authenticated', resource: 'skill_practice', action: 'read' },
    response: { 200: practiceListSchema },
    async handler(_input, ctx) {
      const [entries, skills] = await Promise.all([listPractices(ctx.db, ctx.principal.userId), curriculumSkills(ctx.db, ctx.principal.userId)]);
      return { entries, skills };
    },
  }),
  defineRoute({
    id: 'skills.log',
    method: 'POST',
    url: '/api/me/skills-practice',
    summary: 'Log a practice: skill, situation, what I tried, how it went (1–5), optionally shared with my group',
    tags,
    access: { kind: 'authenticated', resource: 'skill_practice', action: 'create' },
    body: practiceBodySchema,
    response: { 201: practiceSchema },
    async handler({ body }, ctx) {
      const entry = await logPractice(ctx, body);
      ctx.reply.code(201);
      return entry;
    },
  }),
  defineRoute({
    id: 'skills.share',
    method: 'PUT',
    url: '/api/skills-practice/:practiceId/share',
    summary: 'Share a practice entry with my group, or take it back',
    tags,
    access: { kind: 'authenticated', resource: 'skill_practice', action: 'update', objects: { practiceId: 'skillPractice' } },
    params: idParams('practiceId'),
    body: practiceShareBodySchema,
    response: { 200: practiceSchema },
    errors: ['not_a_member'],
    async handler({ params, body }, ctx) {
      return sharePractice(ctx, params.practiceId, body.share);
    },
  }),
  defineRoute({
    id: 'group_share.practice.react',
    method: 'POST',
    url: '/api/shared-practice/:practiceId/reactions',
    summary: 'Send a supportive reaction to a practice entry shared with my group (once per kind)',
    tags,
    access: { kind: 'authenticated', resource: 'group_share', action: 'create', objects: { practiceId: 'sharedPractice' } },
    params: idParams('practiceId'),
    body: reactionBodySchema,
    response: { 201: reactions },
    async handler({ params, body }, ctx) {
      const result = await addReaction(ctx, 'skill_practice', params.practiceId, body.reaction);
      ctx.reply.code(201);
      return { reactions: result };
    },
  }),
  defineRoute({
    id: 'group_share.practice.unreact',
    method: 'DELETE',
    url: '/api/shared-practice/:practiceId/reactions',
    summary: 'Take back my reaction to a shared practice entry',
    tags,
    access: { kind: 'authenticated', resource: 'group_share', action: 'create', objects: { practiceId: 'sharedPractice' } },
    params: idParams('practiceId'),
    query: reactionBodySchema,
    response: { 200: reactions },
    async handler({ params, query }, ctx) {
      return { reactions: await removeReaction(ctx, 'skill_practice', params.practiceId, query.reaction) };
    },
  }),
];
