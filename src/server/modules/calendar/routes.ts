import type { FastifyRequest } from 'fastify';
import {
  calendarFeedIssuedSchema,
  calendarFeedParamsSchema,
  calendarFeedStatusSchema,
  calendarPreferencesBodySchema,
  calendarPreferencesSchema,
} from '../../../shared/schemas/calendar.js';
import type { Hearth } from '../../http/hearth.js';
import { defineRoute } from '../../http/route.js';
import { issueCalendarFeed } from './issue-feed.js';
import { readCalendarFeed } from './read-feed.js';
import { findCalendarPreferences, findCurrentFeed, serviceCalendarPrivacy } from './repository.js';
import { revokeCalendarFeed } from './revoke-feed.js';
import { updateCalendarPreferences } from './update-preferences.js';

const tags = ['calendar'];

/** Where people open links: the configured public URL, else the origin this request came to. */
function origin(hearth: Pick<Hearth, 'config'>, request: FastifyRequest): string {
  return hearth.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export const calendarRoutes = [
  defineRoute({
    id: 'calendar.feed.status',
    method: 'GET',
    url: '/api/me/calendar-feed',
    summary: 'Whether I have a calendar feed (its link is shown only once, when made)',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    response: { 200: calendarFeedStatusSchema },
    async handler(_input, ctx) {
      const [feed, preferences, serviceDefault] = await Promise.all([
        findCurrentFeed(ctx.db, ctx.principal.userId),
        findCalendarPreferences(ctx.db, ctx.principal.userId),
        serviceCalendarPrivacy(ctx.db),
      ]);
      return { active: !!feed, createdAt: feed?.created_at ?? null, preferences, serviceDefault };
    },
  }),
  defineRoute({
    id: 'calendar.preferences.update',
    method: 'PATCH',
    url: '/api/me/calendar-preferences',
    summary: 'Choose what my calendar shows beyond the session title and time (the place, the service name)',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update' },
    body: calendarPreferencesBodySchema,
    response: { 200: calendarPreferencesSchema },
    async handler({ body }, ctx) {
      return updateCalendarPreferences(ctx, body);
    },
  }),
  defineRoute({
    id: 'calendar.feed.create',
    method: 'POST',
    url: '/api/me/calendar-feed',
    summary: 'Make a new secret calendar link (the previous one stops working)',
    tags,
    // The answer is the feed's secret URL: never stored for replay.
    idempotency: false,
    access: { kind: 'authenticated', resource: 'account', action: 'update' },
    response: { 201: calendarFeedIssuedSchema },
    async handler(_input, ctx) {
      const token = await issueCalendarFeed(ctx);
      ctx.reply.code(201);
      return { url: `${origin(ctx.hearth, ctx.request)}/api/calendar/${token}.ics` };
    },
  }),
  defineRoute({
    id: 'calendar.feed.revoke',
    method: 'DELETE',
    url: '/api/me/calendar-feed',
    summary: 'Turn off my calendar link',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update' },
    async handler(_input, ctx) {
      await revokeCalendarFeed(ctx);
    },
  }),
  defineRoute({
    id: 'calendar.feed.read',
    method: 'GET',
    url: '/api/calendar/:token',
    summary: 'A calendar feed (iCalendar); the secret token in the address is the credential',
    tags,
    // Calendar apps cannot sign in: the 256-bit token stands in for the owner's session.
    access: { kind: 'public' },
    params: calendarFeedParamsSchema,
    produces: { 'text/calendar': "The person's sessions as an iCalendar feed" },
    async handler({ params }, ctx) {
      const body = await readCalendarFeed(ctx, params.token, origin(ctx.hearth, ctx.request));
      ctx.reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="hearth.ics"');
      return body;
    },
  }),
];
