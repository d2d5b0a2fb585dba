import { digestSchema } from '../../../shared/schemas/digest.js';
import { idParams } from '../../../shared/schemas/common.js';
import { defineRoute } from '../../http/route.js';
import { readDigest } from './read-digest.js';

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
      return readDigest(ctx, params.sessionId);
    },
  }),
];
