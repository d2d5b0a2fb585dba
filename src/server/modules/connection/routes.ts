import { idParams } from '../../../shared/schemas/common.js';
import { connectionMapQuerySchema, connectionMapSchema } from '../../../shared/schemas/connection.js';
import { homePreferencesBodySchema, homePreferencesSchema, yourConnectionsSchema } from '../../../shared/schemas/your-connections.js';
import { defineRoute } from '../../http/route.js';
import { findHomePreferences, updateHomePreferences } from './home-preferences.js';
import { readConnectionMap } from './read-connection-map.js';
import { readYourConnections } from './read-your-connections.js';

export const connectionRoutes = [
  defineRoute({
    id: 'connection.map',
    method: 'GET',
    url: '/api/groups/:groupId/connection-map',
    summary:
      'The connection map of a group for its facilitators: who reached whom in a window (2, 4 or 8 weeks, or all), stepped week by week, and the peer network’s figures over time',
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
  defineRoute({
    id: 'connection.mine',
    method: 'GET',
    url: '/api/me/connections',
    summary: '"Your connections" on my home: who appreciated me, whose strategies I tried, who tried mine, who I have not connected with yet (names only, no counts)',
    tags: ['connection'],
    // The member's own view; staff have no rule (facilitators read connection through the map).
    access: { kind: 'authenticated', resource: 'your_connections', action: 'read' },
    response: { 200: yourConnectionsSchema },
    async handler(_input, ctx) {
      return readYourConnections(ctx.db, ctx.principal, ctx.now);
    },
  }),
  defineRoute({
    id: 'home.preferences',
    method: 'GET',
    url: '/api/me/home-preferences',
    summary: 'Which optional cards my home shows ("Your connections")',
    tags: ['connection'],
    access: { kind: 'authenticated', resource: 'your_connections', action: 'read' },
    response: { 200: homePreferencesSchema },
    async handler(_input, ctx) {
      return findHomePreferences(ctx.db, ctx.principal.userId);
    },
  }),
  defineRoute({
    id: 'home.preferences.update',
    method: 'PATCH',
    url: '/api/me/home-preferences',
    summary: 'Hide or show "Your connections" on my home',
    tags: ['connection'],
    access: { kind: 'authenticated', resource: 'your_connections', action: 'update' },
    body: homePreferencesBodySchema,
    response: { 200: homePreferencesSchema },
    async handler({ body }, ctx) {
      return updateHomePreferences(ctx, body);
    },
  }),
];
