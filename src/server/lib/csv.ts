import { stringify } from 'csv-stringify/sync';

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: formula-looking text is prefixed with a quote. A
 * number is written as it is: "-2.1" is read as a number, never run, and a quote in front of it
 * turned mean changes and negative scores into text.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV with a header row; every cell neutralised against formula injection. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify(
    [header, ...rows].map((row) => row.map(neutraliseCell)),
    { record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
}

/**
 * The UTF-8 byte-order mark. Excel (Windows and Mac) opens a CSV without it in the machine's
 * legacy code page, so "Zoë" or "Łukasz" arrive mangled; with it the file is read as UTF-8.
 * Other readers (LibreOffice, csv-parse with `bom: true`, Python's `utf-8-sig`) skip it.
 */
export const UTF8_BOM = '\uFEFF';

/** A CSV body as sent: with the byte-order mark unless the caller asked for none. */
export function withBom(csv: string, bom = true): string {
  return bom ? UTF8_BOM + csv : csv;
}
