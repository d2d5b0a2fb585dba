import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import { addendumBodySchema, breakGlassBodySchema, noteDraftBodySchema, noteEnvelopeSchema, noteSchema, noteSignBodySchema, noteVersionSchema } from '../../../shared/schemas/notes.js';
import { notFound } from '../../http/errors.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { newId } from '../../lib/ids.js';
import { attendees, loadNote } from './repository.js';
import { saveDraft } from './save-draft.js';
import { addAddendum, cosignNote, signNote } from './sign-note.js';

const tags = ['notes'];
const params = idParams('sessionId');
const write = (action: 'create' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'note', action, objects: { sessionId: 'session' } });
const BREAK_GLASS_MINUTES = 60;

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
      const sessionId = String(p.sessionId);
      const [note, present, session] = await Promise.all([
        loadNote(ctx.db, sessionId),
        attendees(ctx.db, sessionId),
        ctx.db.selectFrom('group_sessions').select('group_id').where('id', '=', sessionId).executeTakeFirstOrThrow(),
      ]);
      await ctx.audit({
        action: ctx.principal.role === 'admin' ? 'notes.read.break_glass' : 'notes.read',
        resourceType: 'group_note',
        resourceId: note?.id ?? sessionId,
        groupId: session.group_id,
      });
      return { note, attendees: present.map((a) => ({ enrolmentId: a.enrolment_id, pseudonym: a.pseudonym, displayName: a.display_name })) };
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
    async handler({ params: p, body }, ctx) {
      return saveDraft(ctx, String(p.sessionId), body);
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
    async handler({ params: p, body }, ctx) {
      return signNote(ctx, String(p.sessionId), body.version);
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
    async handler({ params: p }, ctx) {
      return cosignNote(ctx, String(p.sessionId));
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
    async handler({ params: p, body }, ctx) {
      const note = await addAddendum(ctx, String(p.sessionId), body.body);
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
    response: { 200: z.object({ versions: z.array(noteVersionSchema) }) },
    async handler({ params: p }, ctx) {
      const sessionId = String(p.sessionId);
      const rows = await ctx.db
        .selectFrom('note_versions as v')
        .innerJoin('group_notes as n', 'n.id', 'v.note_id')
        .innerJoin('users as u', 'u.id', 'v.saved_by')
        .select(['v.version', 'v.kind', 'v.content', 'v.saved_at', 'u.display_name', 'n.id as note_id'])
        .where('n.session_id', '=', sessionId)
        .orderBy('v.version', 'desc')
        .execute();
      await ctx.audit({ action: 'notes.versions.read', resourceType: 'group_note', resourceId: rows[0]?.note_id ?? sessionId });
      return {
        versions: rows.map((r) => ({ version: r.version, kind: r.kind, savedBy: r.display_name, savedAt: r.saved_at, content: JSON.parse(r.content) as z.infer<typeof noteVersionSchema>['content'] })),
      };
    },
  }),
  defineRoute({
    id: 'break_glass.open',
    method: 'POST',
    url: '/api/break-glass',
    summary: 'Emergency access for an administrator to a group’s notes: reasoned, audited, one hour',
    tags,
    access: { kind: 'authenticated', resource: 'break_glass', action: 'create' },
    body: breakGlassBodySchema,
    response: { 201: z.object({ id: z.uuid(), expiresAt: z.string() }) },
    async handler({ body }, ctx) {
      const group = await ctx.db.selectFrom('therapy_groups').select('id').where('id', '=', body.groupId).executeTakeFirst();
      if (!group) throw notFound('This group');
      const id = newId();
      const expiresAt = new Date(ctx.now.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString();
      await ctx.db.insertInto('break_glass_grants').values({ id, user_id: ctx.principal.userId, group_id: body.groupId, reason: body.reason, created_at: ctx.now.toISOString(), expires_at: expiresAt }).execute();
      await ctx.audit({ action: 'break_glass.open', resourceType: 'break_glass_grant', resourceId: id, groupId: body.groupId, detail: { minutes: BREAK_GLASS_MINUTES, reason: body.reason } });
      ctx.reply.code(201);
      return { id, expiresAt };
    },
  }),
];
