import { stringify } from 'csv-stringify/sync';

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell safe to open in a spreadsheet: formula-looking text is prefixed with a quote. */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV with a header row; every cell neutralised against formula injection. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows].map((row) => row.map(neutraliseCell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
