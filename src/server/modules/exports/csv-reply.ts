import type { FastifyReply } from 'fastify';

/** Sends CSV as a download. The file name is built by the caller from dates and ids only: no PHI. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): string {
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
  return csv;
}
