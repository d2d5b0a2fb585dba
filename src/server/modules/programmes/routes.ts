import { idParams } from '../../../shared/schemas/common.js';
import {
  agreementBodySchema,
  curriculumBodySchema,
  noteTemplateBodySchema,
  programmeBodySchema,
  programmeDetailSchema,
  programmeListSchema,
  programmeUpdateBodySchema,
} from '../../../shared/schemas/programmes.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { createProgramme, updateProgramme } from './create-programme.js';
import { listProgrammes } from './list-programmes.js';
import { chooseNoteTemplate } from './note-templates.js';
import { readProgramme } from './read-programme.js';
import { addAgreementVersion, replaceCurriculum } from './repository.js';

const tags = ['programmes'];
const params = idParams('programmeId');
const updateAccess: RouteAccess = { kind: 'authenticated', resource: 'programme', action: 'update', objects: { programmeId: 'programme' } };

export const programmeRoutes = [
  defineRoute({
    id: 'programmes.list',
    method: 'GET',
    url: '/api/programmes',
    summary: 'Programmes of the service',
    tags,
    access: { kind: 'authenticated', resource: 'programme', action: 'read' },
    response: { 200: programmeListSchema },
    async handler(_input, ctx) {
      return listProgrammes(ctx);
    },
  }),
  defineRoute({
    id: 'programmes.get',
    method: 'GET',
    url: '/api/programmes/:programmeId',
    summary: 'A programme with its curriculum and current group agreement',
    tags,
    access: { kind: 'authenticated', resource: 'programme', action: 'read', objects: { programmeId: 'programme' } },
    params,
    response: { 200: programmeDetailSchema },
    async handler({ params: p }, ctx) {
      return readProgramme(ctx, p.programmeId);
    },
  }),
  defineRoute({
    id: 'programmes.create',
    method: 'POST',
    url: '/api/programmes',
    summary: 'Create a programme',
    tags,
    access: { kind: 'authenticated', resource: 'programme', action: 'create' },
    body: programmeBodySchema,
    response: { 201: programmeDetailSchema },
    async handler({ body }, ctx) {
      const programme = await createProgramme(ctx, body);
      ctx.reply.code(201);
      return programme;
    },
  }),
  defineRoute({
    id: 'programmes.update',
    method: 'PATCH',
    url: '/api/programmes/:programmeId',
    summary: 'Rename a programme or change its description',
    tags,
    access: updateAccess,
    params,
    body: programmeUpdateBodySchema,
    response: { 200: programmeDetailSchema },
    async handler({ params: p, body }, ctx) {
      return updateProgramme(ctx, p.programmeId, body);
    },
  }),
  defineRoute({
    id: 'programmes.curriculum.set',
    method: 'PUT',
    url: '/api/programmes/:programmeId/curriculum',
    summary: 'Replace the curriculum (ordered session plans)',
    tags,
    access: updateAccess,
    params,
    body: curriculumBodySchema,
    response: { 200: programmeDetailSchema },
    async handler({ params: p, body }, ctx) {
      const id = p.programmeId;
      await replaceCurriculum(ctx.db, id, body.sessions);
      await ctx.audit({ action: 'programmes.curriculum.set', resourceType: 'programme', resourceId: id, detail: { sessions: body.sessions.length } });
      return readProgramme(ctx, id);
    },
  }),
  defineRoute({
    id: 'programmes.agreement.add',
    method: 'POST',
    url: '/api/programmes/:programmeId/agreements',
    summary: 'Publish a new version of the group agreement (members accept it again)',
    tags,
    access: updateAccess,
    params,
    body: agreementBodySchema,
    response: { 201: programmeDetailSchema },
    async handler({ params: p, body }, ctx) {
      const id = p.programmeId;
      const version = await addAgreementVersion(ctx.db, id, body.body, ctx.principal.userId, ctx.now);
      await ctx.audit({ action: 'programmes.agreement.add', resourceType: 'programme', resourceId: id, detail: { version } });
      ctx.reply.code(201);
      return readProgramme(ctx, id);
    },
  }),
  defineRoute({
    id: 'programmes.note_template.set',
    method: 'POST',
    url: '/api/programmes/:programmeId/note-templates',
    summary: 'Choose the structure of the programme’s new group notes (free, DAP or SOAP); adds a template version',
    tags,
    access: updateAccess,
    params,
    body: noteTemplateBodySchema,
    response: { 201: programmeDetailSchema },
    errors: ['unknown_note_template'],
    async handler({ params: p, body }, ctx) {
      await chooseNoteTemplate(ctx, p.programmeId, body.kind);
      ctx.reply.code(201);
      return readProgramme(ctx, p.programmeId);
    },
  }),
];
