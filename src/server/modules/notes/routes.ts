import { idParams } from '../../../shared/schemas/common.js';
import {
  addendumBodySchema,
  breakGlassBodySchema,
  breakGlassGrantSchema,
  noteDraftBodySchema,
  noteEnvelopeSchema,
  noteSchema,
  noteSignBodySchema,
  noteVersionListSchema,
} from '../../../shared/schemas/notes.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { openBreakGlass } from './break-glass.js';
import { noteVersions } from './note-versions.js';
import { readNote } from './read-note.js';
import { saveDraft } from './save-draft.js';
import { addAddendum, cosignNote, signNote } from './sign-note.js';

const tags = ['notes'];
const params = idParams('sessionId');
const write = (action: 'create' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'note', action, objects: { sessionId: 'session' } });

export const noteRoutes = [
  defineRoute({
    id: 'notes.get',
    method: 'GET',
    url: '/api/group-sessions/:sessionId/note',
    summary: 'The session’s group note with per-member sections (audited read)',
    tags,
    access: { kind: 'authenticated', resource: 'note', action: 'read', objects: { sessionId: 'session' } },
    params,
    response: { 200: noteEnvelopeSchema },
    async handler({ params: p }, ctx) {
      return readNote(ctx, p.sessionId);
    },
  }),
  defineRoute({
    id: 'notes.save_draft',
    method: 'PUT',
    url: '/api/group-sessions/:sessionId/note',
    summary: 'Save the draft note (409 with the current note when the base version is stale)',
    tags,
    access: write('update'),
    params,
    body: noteDraftBodySchema,
    response: { 200: noteSchema },
    errors: ['invalid_state', 'not_a_member', 'note_signed', 'session_cancelled', 'stale_version'],
    async handler({ params: p, body }, ctx) {
      return saveDraft(ctx, p.sessionId, body);
    },
  }),
  defineRoute({
    id: 'notes.sign',
    method: 'POST',
    url: '/api/group-sessions/:sessionId/note/sign',
    summary: 'Sign and lock the note',
    tags,
    access: write('update'),
    params,
    body: noteSignBodySchema,
    response: { 200: noteSchema },
    errors: ['invalid_state', 'note_signed'],
    async handler({ params: p, body }, ctx) {
      return signNote(ctx, p.sessionId, body.version);
    },
  }),
  defineRoute({
    id: 'notes.cosign',
    method: 'POST',
    url: '/api/group-sessions/:sessionId/note/cosign',
    summary: 'Co-sign a signed note (another facilitator)',
    tags,
    access: write('update'),
    params,
    response: { 200: noteSchema },
    errors: ['invalid_state'],
    async handler({ params: p }, ctx) {
      return cosignNote(ctx, p.sessionId);
    },
  }),
  defineRoute({
    id: 'notes.addendum',
    method: 'POST',
    url: '/api/group-sessions/:sessionId/note/addenda',
    summary: 'Add an addendum to a signed note',
    tags,
    access: write('create'),
    params,
    body: addendumBodySchema,
    response: { 201: noteSchema },
    errors: ['invalid_state'],
    async handler({ params: p, body }, ctx) {
      const note = await addAddendum(ctx, p.sessionId, body.body);
      ctx.reply.code(201);
      return note;
    },
  }),
  defineRoute({
    id: 'notes.versions',
    method: 'GET',
    url: '/api/group-sessions/:sessionId/note/versions',
    summary: 'Every saved version of the note',
    tags,
    access: { kind: 'authenticated', resource: 'note', action: 'read', objects: { sessionId: 'session' } },
    params,
    response: { 200: noteVersionListSchema },
    async handler({ params: p }, ctx) {
      return noteVersions(ctx, p.sessionId);
    },
  }),
  defineRoute({
    id: 'break_glass.open',
    method: 'POST',
    url: '/api/break-glass',
    summary: 'Emergency access for an administrator to a group’s notes: reasoned, audited, one hour',
    tags,
    access: { kind: 'authenticated', resource: 'break_glass', action: 'create', objects: { 'body.groupId': 'group' } },
    body: breakGlassBodySchema,
    response: { 201: breakGlassGrantSchema },
    async handler({ body }, ctx) {
      const grant = await openBreakGlass(ctx, body);
      ctx.reply.code(201);
      return grant;
    },
  }),
];
