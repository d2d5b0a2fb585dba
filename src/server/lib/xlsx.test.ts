import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx, typedCell } from './xlsx.js';

describe('typedCell', () => {
  it('types each value by its column', () => {
    expect(typedCell('2026-03-01', 'date')).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(typedCell('18:30', 'time')).toBeCloseTo((18 * 60 + 30) / 1440, 12);
    expect(typedCell('90', 'number')).toBe(90);
    expect(typedCell(-2.5, 'number')).toBe(-2.5);
    expect(typedCell('=1+1', 'text')).toBe('=1+1');
    expect(typedCell('', 'number')).toBeNull();
    expect(typedCell(null, 'text')).toBeNull();
    // A value not in the column's shape is kept as text rather than guessed at.
    expect(typedCell('soon', 'date')).toBe('soon');
  });
});

describe('toXlsx', () => {
  it('writes a workbook exceljs reads back with the same typed values, formula-looking text as a plain string', async () => {
    const raw = await toXlsx('Sheet', {
      columns: [
        { header: 'Day', type: 'date' },
        { header: 'Name', type: 'text' },
        { header: 'Score', type: 'number' },
      ],
      rows: [
        ['2026-01-05', '@SUM(A1)', -3],
        ['2026-01-06', 'Zoë', null],
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Sheet');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Day', 'Name', 'Score']);
    expect(sheet?.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(sheet?.getCell('B2').value).toBe('@SUM(A1)');
    expect(sheet?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('C2').value).toBe(-3);
    expect(sheet?.getCell('B3').value).toBe('Zoë');
    expect(sheet?.getCell('C3').value).toBeNull();
    expect(sheet?.getRow(1).font?.bold).toBe(true);
  });
});
