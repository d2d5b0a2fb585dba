/** How a column's cells are typed in the workbook (CSV carries the same values as text). */
export type ColumnType = 'text' | 'number' | 'date' | 'time';

export interface TableColumn {
  header: string;
  type: ColumnType;
}

/** A table an export produces once and sends as CSV or as a workbook. */
export interface Table {
  columns: readonly TableColumn[];
  rows: (string | number | null)[][];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * One cell typed for a spreadsheet: text stays a string (a shared string — never read as a
 * formula, so no apostrophe is needed), numbers are numbers, a local date (YYYY-MM-DD) is an
 * Excel date, a local time (HH:mm) is a fraction of a day. Empty cells stay empty.
 */
export function typedCell(value: string | number | null, type: ColumnType): string | number | Date | null {
  if (value === null || value === '') return null;
  if (type === 'number') return typeof value === 'number' ? value : Number(value);
  const text = String(value);
  if (type === 'date') {
    const m = DATE.exec(text);
    // A calendar day, not an instant: midnight UTC is what Excel stores for a date without a time.
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
  }
  if (type === 'time') {
    const m = TIME.exec(text);
    return m ? (Number(m[1]) * 60 + Number(m[2])) / 1440 : text;
  }
  return text;
}

const FORMATS: Record<ColumnType, string | undefined> = { text: '@', number: undefined, date: 'yyyy-mm-dd', time: 'hh:mm' };

/** The table as an .xlsx workbook of one sheet: a bold, frozen header row and typed cells. */
export async function toXlsx(sheetName: string, table: Table): Promise<Buffer> {
  // Loaded on the first workbook asked for, not at start: exceljs costs the server about 8 MB resident.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hearth';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }));
  table.columns.forEach((c, i) => {
    const format = FORMATS[c.type];
    if (format) sheet.getColumn(i + 1).numFmt = format;
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((value, i) => typedCell(value, table.columns[i]?.type ?? 'text')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
