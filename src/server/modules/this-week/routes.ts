import { thisWeekSchema } from '../../../shared/schemas/this-week.js';
import { defineRoute } from '../../http/route.js';
import { APPRECIATIONS_MARKER } from '../feedback/list-appreciations.js';
import { DUE_CHECKED_MARKER, refreshDueCheckins } from './refresh-due.js';
import { homeMarkers, thisWeek } from './this-week.js';

export const thisWeekRoutes = [
  defineRoute({
    id: 'me.this_week',
    method: 'GET',
    url: '/api/me/this-week',
    summary: 'The participant home: next session, check-ins due, goals, new appreciations and strategies, celebrations',
    tags: ['this-week'],
    access: { kind: 'authenticated', resource: 'this_week', action: 'read' },
    response: { 200: thisWeekSchema },
    async handler(_input, ctx) {
      const markers = await homeMarkers(ctx.db, ctx.principal.userId);
      // Newly due questionnaires are recorded first (in their own transaction, at most every few minutes).
      await refreshDueCheckins(ctx, markers.get(DUE_CHECKED_MARKER) ?? null);
      return thisWeek(ctx.db, ctx.principal, ctx.now, markers.get(APPRECIATIONS_MARKER) ?? null);
    },
  }),
];
