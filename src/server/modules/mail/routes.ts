import { mailListQuerySchema, mailListSchema } from '../../../shared/schemas/digest.js';
import { defineRoute } from '../../http/route.js';
import { listMail } from './list-mail.js';

const tags = ['mail'];

export const mailRoutes = [
  defineRoute({
    id: 'admin.mail.list',
    method: 'GET',
    url: '/api/admin/mail',
    summary: "Hearth's outgoing e-mail, newest first: what was sent, what failed, and — without SMTP settings — the outbox to read",
    tags,
    access: { kind: 'authenticated', resource: 'mail', action: 'read' },
    query: mailListQuerySchema,
    response: { 200: mailListSchema },
    async handler({ query }, ctx) {
      return listMail(ctx, query.status);
    },
  }),
];
