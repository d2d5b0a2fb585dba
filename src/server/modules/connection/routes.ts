import { idParams } from '../../../shared/schemas/common.js';
import { connectionMapQuerySchema, connectionMapSchema } from '../../../shared/schemas/connection.js';
import { defineRoute } from '../../http/route.js';
import { readConnectionMap } from './read-connection-map.js';

export const connectionRoutes = [
  defineRoute({
    id: 'connection.map',
    method: 'GET',
    url: '/api/groups/:groupId/connection-map',
    summary: 'The connection map of a group for its facilitators: who reached whom in a window (2, 4 or 8 weeks, or all), stepped week by week, and the peer network’s figures over time',
    tags: ['isolation'],
    // The isolation early warning's visibility: the group's facilitators only (never peers, the member, other groups or admins).
    access: { kind: 'authenticated', resource: 'isolation', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    query: connectionMapQuerySchema,
    response: { 200: connectionMapSchema },
    async handler({ params, query }, ctx) {
      return readConnectionMap(ctx, params.groupId, query);
    },
  }),
];
