import { digestSchema } from '../../../shared/schemas/digest.js';
import { idParams } from '../../../shared/schemas/common.js';
import { defineRoute } from '../../http/route.js';
import { buildDigest, type DigestContent } from './build-digest.js';

const tags = ['digest'];

export const digestRoutes = [
  defineRoute({
    id: 'digest.read',
    method: 'GET',
    url: '/api/sessions/:sessionId/digest',
    summary: "A session's between-session digest for its facilitators: held posts, posts brought to group, celebrations, alerts, attendance risks",
    tags,
    access: { kind: 'authenticated', resource: 'digest', action: 'read', objects: { sessionId: 'session' } },
    params: idParams('sessionId'),
    response: { 200: digestSchema },
    async handler({ params }, ctx) {
      const sessionId = String(params.sessionId);
      const stored = await ctx.db.selectFrom('session_digests').select(['content', 'created_at', 'group_id']).where('session_id', '=', sessionId).executeTakeFirst();
      // Before it is sent (or for a past session without one), facilitators see it built now.
      const content: DigestContent = stored ? (JSON.parse(stored.content) as DigestContent) : await buildDigest(ctx.db, sessionId);
      await ctx.audit({ action: 'digest.read', resourceType: 'session', resourceId: sessionId, groupId: content.group.id, detail: { stored: !!stored } });
      return { stored: !!stored, builtAt: stored?.created_at ?? ctx.now.toISOString(), ...content };
    },
  }),
];
