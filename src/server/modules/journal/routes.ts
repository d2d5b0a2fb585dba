import { idParams } from '../../../shared/schemas/common.js';
import {
  journalBodySchema,
  journalEntrySchema,
  journalListSchema,
  journalPromptsSchema,
  journalShareBodySchema,
  journalWriteResponseSchema,
  memberJournalSchema,
} from '../../../shared/schemas/journal.js';
import { defineRoute } from '../../http/route.js';
import { journalAlertsOn } from '../alerts/settings.js';
import { memberJournal } from './member-journal.js';
import { journalPrompts } from './prompts.js';
import { listEntries } from './repository.js';
import { createEntry, deleteEntry, shareEntry, updateEntry } from './write-entry.js';

const tags = ['journal'];
const entryParams = idParams('entryId');
const ownEntry = (action: 'update') => ({ kind: 'authenticated' as const, resource: 'journal' as const, action, objects: { entryId: 'journalEntry' as const } });

export const journalRoutes = [
  defineRoute({
    id: 'journal.list',
    method: 'GET',
    url: '/api/me/journal',
    summary: 'My journal entries (private unless I share one with my clinician)',
    tags,
    access: { kind: 'authenticated', resource: 'journal', action: 'read' },
    response: { 200: journalListSchema },
    async handler(_input, ctx) {
      const [entries, careTeamAlertsOnRisk] = await Promise.all([listEntries(ctx.db, ctx.principal.userId), journalAlertsOn(ctx.db)]);
      return { entries, careTeamAlertsOnRisk };
    },
  }),
  defineRoute({
    id: 'journal.prompts',
    method: 'GET',
    url: '/api/me/journal/prompts',
    summary: 'Reflection prompts from my group’s current session topic',
    tags,
    access: { kind: 'authenticated', resource: 'journal', action: 'read' },
    response: { 200: journalPromptsSchema },
    async handler(_input, ctx) {
      return journalPrompts(ctx.db, ctx.principal.userId, ctx.now);
    },
  }),
  defineRoute({
    id: 'journal.create',
    method: 'POST',
    url: '/api/me/journal',
    summary: 'Write a journal entry',
    tags,
    access: { kind: 'authenticated', resource: 'journal', action: 'create' },
    body: journalBodySchema,
    response: { 201: journalWriteResponseSchema },
    async handler({ body }, ctx) {
      const entry = await createEntry(ctx, ctx.request.log, body);
      ctx.reply.code(201);
      return entry;
    },
  }),
  defineRoute({
    id: 'journal.update',
    method: 'PUT',
    url: '/api/journal/:entryId',
    summary: 'Rewrite a journal entry',
    tags,
    access: ownEntry('update'),
    params: entryParams,
    body: journalBodySchema,
    response: { 200: journalWriteResponseSchema },
    async handler({ params, body }, ctx) {
      return updateEntry(ctx, ctx.request.log, params.entryId, body);
    },
  }),
  defineRoute({
    id: 'journal.delete',
    method: 'DELETE',
    url: '/api/journal/:entryId',
    summary: 'Delete a journal entry',
    tags,
    access: ownEntry('update'),
    params: entryParams,
    async handler({ params }, ctx) {
      await deleteEntry(ctx, params.entryId);
    },
  }),
  defineRoute({
    id: 'journal.share',
    method: 'PUT',
    url: '/api/journal/:entryId/share',
    summary: 'Share a journal entry with my clinicians, or take it back',
    tags,
    access: ownEntry('update'),
    params: entryParams,
    body: journalShareBodySchema,
    response: { 200: journalEntrySchema },
    async handler({ params, body }, ctx) {
      return shareEntry(ctx, params.entryId, body.shareWithClinician);
    },
  }),
  defineRoute({
    id: 'journal.member',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/journal',
    summary: 'Journal entries a member shared with their clinicians (each read audited)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'read', objects: { enrolmentId: 'enrolment' } },
    params: idParams('enrolmentId'),
    response: { 200: memberJournalSchema },
    async handler({ params }, ctx) {
      return memberJournal(ctx, params.enrolmentId);
    },
  }),
];
