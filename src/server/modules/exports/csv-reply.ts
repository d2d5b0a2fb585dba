import type { FastifyReply } from 'fastify';
import { toCsv, withBom } from '../../lib/csv.js';
import { toXlsx, type Table } from '../../lib/xlsx.js';

/**
 * Sends a table as a CSV download: a UTF-8 byte-order mark first (unless `bom` is false), every
 * cell formula-neutralised (see lib/csv.ts). The file name is built by the caller from dates and
 * ids only: no PHI.
 */
export function sendCsv(reply: FastifyReply, filename: string, table: Table, bom: boolean): string {
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
  return withBom(
    toCsv(
      table.columns.map((c) => c.header),
      table.rows,
    ),
    bom,
  );
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a table as an .xlsx download with typed cells (no formula neutralisation needed: text cells are never formulas). */
export async function sendXlsx(reply: FastifyReply, filename: string, sheetName: string, table: Table): Promise<Buffer> {
  const body = await toXlsx(sheetName, table);
  reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`);
  return body;
}
