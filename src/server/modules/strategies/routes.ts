import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import {
  curateBodySchema,
  libraryListSchema,
  libraryQuerySchema,
  markBodySchema,
  reasonBodySchema,
  shareStrategyBodySchema,
  strategyListQuerySchema,
  strategyListSchema,
  strategySchema,
} from '../../../shared/schemas/strategies.js';
import { notFound } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { curateStrategy } from './curate-strategy.js';
import { clearMark, markStrategy } from './mark-strategy.js';
import { presentStrategy } from './presenters.js';
import { authorRemovesFromLibrary, uncurate } from './remove-from-library.js';
import { findVisibleStrategy, listGroupStrategies, markCounts } from './repository.js';
import { searchLibrary } from './search-library.js';
import { shareStrategy } from './share-strategy.js';
import { viewerFor } from './viewer.js';
import { withdrawStrategy } from './withdraw-strategy.js';

const tags = ['strategies'];
const groupParams = idParams('groupId');
const strategyParams = idParams('strategyId');
const onStrategy = { strategyId: 'strategy' } as const;

export const strategyRoutes = [
  defineRoute({
    id: 'strategies.list',
    method: 'GET',
    url: '/api/groups/:groupId/strategies',
    summary: 'Coping strategies shared in a group, newest first, with peers’ marks (searchable)',
    tags,
    access: { kind: 'authenticated', resource: 'strategy', action: 'read', objects: { groupId: 'group' } },
    params: groupParams,
    query: strategyListQuerySchema,
    response: { 200: strategyListSchema },
    async handler({ params, query }, ctx) {
      const groupId = String(params.groupId);
      const viewer = await viewerFor(ctx.db, ctx.principal, groupId);
      const rows = await listGroupStrategies(ctx.db, viewer, groupId, { q: query.q, before: query.before, limit: query.limit });
      const page = rows.slice(0, query.limit);
      const counts = await markCounts(ctx.db, page.map((r) => r.id));
      return {
        strategies: page.map((r) => presentStrategy(r, viewer, counts.get(r.id))),
        nextBefore: rows.length > query.limit ? (page[page.length - 1]?.created_at ?? null) : null,
      };
    },
  }),
  defineRoute({
    id: 'strategies.share',
    method: 'POST',
    url: '/api/groups/:groupId/strategies',
    summary: 'Share a coping strategy with the group (moderated)',
    tags,
    access: { kind: 'authenticated', resource: 'strategy', action: 'create', objects: { groupId: 'group' } },
    params: groupParams,
    body: shareStrategyBodySchema,
    response: { 201: strategySchema },
    async handler({ params, body }, ctx) {
      const strategy = await shareStrategy(ctx, String(params.groupId), body);
      ctx.reply.code(201);
      return strategy;
    },
  }),
  defineRoute({
    id: 'strategies.get',
    method: 'GET',
    url: '/api/strategies/:strategyId',
    summary: 'One shared strategy with its marks',
    tags,
    access: { kind: 'authenticated', resource: 'strategy', action: 'read', objects: onStrategy },
    params: strategyParams,
    response: { 200: strategySchema },
    async handler({ params }, ctx) {
      const id = String(params.strategyId);
      const { group_id: groupId } = await ctx.db.selectFrom('strategies').select('group_id').where('id', '=', id).executeTakeFirstOrThrow();
      const viewer = await viewerFor(ctx.db, ctx.principal, groupId);
      const row = await findVisibleStrategy(ctx.db, viewer, id);
      if (!row) throw notFound('This strategy');
      return presentStrategy(row, viewer, (await markCounts(ctx.db, [id])).get(id));
    },
  }),
  defineRoute({
    id: 'strategies.mark',
    method: 'PUT',
    url: '/api/strategies/:strategyId/mark',
    summary: 'Mark a peer’s strategy: I’ll try it / tried it: helped / tried it: didn’t help (one mark per member)',
    tags,
    access: { kind: 'authenticated', resource: 'strategy', action: 'update', objects: onStrategy },
    params: strategyParams,
    body: markBodySchema,
    response: { 200: strategySchema },
    async handler({ params, body }, ctx) {
      return markStrategy(ctx, String(params.strategyId), body.state);
    },
  }),
  defineRoute({
    id: 'strategies.unmark',
    method: 'DELETE',
    url: '/api/strategies/:strategyId/mark',
    summary: 'Take one’s mark back',
    tags,
    access: { kind: 'authenticated', resource: 'strategy', action: 'update', objects: onStrategy },
    params: strategyParams,
    response: { 200: strategySchema },
    async handler({ params }, ctx) {
      return clearMark(ctx, String(params.strategyId));
    },
  }),
  defineRoute({
    id: 'strategies.library_removal',
    method: 'POST',
    url: '/api/strategies/:strategyId/library-removal',
    summary: 'The author takes their strategy out of the programme library',
    tags,
    access: { kind: 'authenticated', resource: 'strategy', action: 'update', objects: onStrategy },
    params: strategyParams,
    async handler({ params }, ctx) {
      await authorRemovesFromLibrary(ctx, String(params.strategyId));
    },
  }),
  defineRoute({
    id: 'strategies.withdraw',
    method: 'POST',
    url: '/api/strategies/:strategyId/withdraw',
    summary: 'The author takes their strategy back from the group (and the library)',
    tags,
    access: { kind: 'authenticated', resource: 'strategy', action: 'update', objects: onStrategy },
    params: strategyParams,
    async handler({ params }, ctx) {
      await withdrawStrategy(ctx, String(params.strategyId));
    },
  }),
  defineRoute({
    id: 'library.curate',
    method: 'POST',
    url: '/api/strategies/:strategyId/curate',
    summary: 'Curate a shared strategy into the programme library (facilitators)',
    tags,
    access: { kind: 'authenticated', resource: 'library', action: 'create', objects: onStrategy },
    params: strategyParams,
    body: curateBodySchema,
    response: { 201: z.object({ id: z.uuid() }) },
    async handler({ params, body }, ctx) {
      const id = await curateStrategy(ctx, String(params.strategyId), body);
      ctx.reply.code(201);
      return { id };
    },
  }),
  defineRoute({
    id: 'library.search',
    method: 'GET',
    url: '/api/library',
    summary: 'The programme coping library of one’s groups, searchable',
    tags,
    access: { kind: 'authenticated', resource: 'library', action: 'read' },
    query: libraryQuerySchema,
    response: { 200: libraryListSchema },
    async handler({ query }, ctx) {
      return { entries: await searchLibrary(ctx.db, ctx.principal, query) };
    },
  }),
  defineRoute({
    id: 'library.uncurate',
    method: 'POST',
    url: '/api/library/:entryId/uncurate',
    summary: 'Take an entry out of the library, with a reason (facilitators of the group it came from)',
    tags,
    access: { kind: 'authenticated', resource: 'library', action: 'update', objects: { entryId: 'libraryEntry' } },
    params: idParams('entryId'),
    body: reasonBodySchema,
    async handler({ params, body }, ctx) {
      await uncurate(ctx, String(params.entryId), body.reason);
    },
  }),
];
