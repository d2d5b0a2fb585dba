import { idParams } from '../../../shared/schemas/common.js';
import {
  curateBodySchema,
  curatedSchema,
  libraryListSchema,
  libraryQuerySchema,
  markBodySchema,
  reasonBodySchema,
  shareStrategyBodySchema,
  strategyListQuerySchema,
  strategyListSchema,
  strategySchema,
} from '../../../shared/schemas/strategies.js';
import { defineRoute } from '../../http/route.js';
import { curateStrategy } from './curate-strategy.js';
import { clearMark, markStrategy } from './mark-strategy.js';
import { listStrategies } from './list-strategies.js';
import { authorRemovesFromLibrary, uncurate } from './remove-from-library.js';
import { readStrategy } from './read-strategy.js';
import { searchLibrary } from './search-library.js';
import { shareStrategy } from './share-strategy.js';
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
      return listStrategies(ctx, params.groupId, query);
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
    errors: ['contact_details_refused', 'not_a_member'],
    async handler({ params, body }, ctx) {
      const strategy = await shareStrategy(ctx, params.groupId, body);
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
      return readStrategy(ctx, params.strategyId);
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
    errors: ['not_a_member', 'own_strategy'],
    async handler({ params, body }, ctx) {
      return markStrategy(ctx, params.strategyId, body.state);
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
      return clearMark(ctx, params.strategyId);
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
    errors: ['invalid_state'],
    async handler({ params }, ctx) {
      await authorRemovesFromLibrary(ctx, params.strategyId);
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
    errors: ['invalid_state'],
    async handler({ params }, ctx) {
      await withdrawStrategy(ctx, params.strategyId);
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
    response: { 201: curatedSchema },
    errors: ['invalid_state'],
    async handler({ params, body }, ctx) {
      const id = await curateStrategy(ctx, params.strategyId, body);
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
      await uncurate(ctx, params.entryId, body.reason);
    },
  }),
];
