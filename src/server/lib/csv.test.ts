import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv, UTF8_BOM, withBom } from './csv.js';

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+41 44 000 00 00', "'+41 44 000 00 00"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd|/C calc!A0', "'\t=cmd|/C calc!A0"],
    ['\r=1+1', "'\r=1+1"],
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
  ])('prefixes a cell that a spreadsheet would run: %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it('leaves ordinary text alone, including formula characters that do not lead', () => {
    for (const cell of ['Willow', 'a=b', 'x+y', 'e-mail', 'name@example.org', ' =not first', "'already quoted"]) {
      expect(neutraliseCell(cell)).toBe(cell);
    }
  });

  it('turns null and undefined into empty cells and other values into text', () => {
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
    expect(neutraliseCell(42)).toBe('42');
    expect(neutraliseCell(true)).toBe('true');
    // A number is a number to a spreadsheet, never a formula: a negative one keeps its sign and no quote.
    expect(neutraliseCell(-5)).toBe('-5');
    expect(neutraliseCell(-2.1)).toBe('-2.1');
    // …but the same characters as text are still neutralised, and so is a non-finite number's text.
    expect(neutraliseCell('-5')).toBe("'-5");
    expect(neutraliseCell(-Infinity)).toBe("'-Infinity");
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF-terminated records', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', '2'],
          ['3', '4'],
        ],
      ),
    ).toBe('a,b\r\n1,2\r\n3,4\r\n');
  });

  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toCsv(['text'], [['one, two'], ['say "hi"'], ['cr\r\nlf']]);
    expect(csv).toBe('text\r\n"one, two"\r\n"say ""hi"""\r\n"cr\r\nlf"\r\n');
  });

  // KNOWN BUG (reported, not fixed here): with a CRLF record delimiter, csv-stringify leaves a
  // cell holding a bare LF unquoted. Spreadsheets read that LF as a new row whose first cell was
  // never neutralised, so "Ann\n=1+1" in a display name becomes a live formula (a cell that
  // also holds a double quote happens to be quoted, which hides the bug).
  // Fix in csv.ts (e.g. `quoted_match: /[\r\n]/`), then remove `.fails`.
  it('quotes a cell holding a bare line feed, so a formula cannot start a row of its own', () => {
    const csv = toCsv(
      ['actor_name', 'action'],
      [
        ['Ann\n=1+1', 'auth.login'],
        ['Bob\r@SUM(A1)', 'auth.logout'],
      ],
    );
    expect(csv).toBe('actor_name,action\r\n"Ann\n=1+1",auth.login\r\n"Bob\r@SUM(A1)",auth.logout\r\n');
  });

  it('neutralises formula cells, also when they need quoting, and in the header', () => {
    const csv = toCsv(
      ['=header', 'b'],
      [
        ['=1+1', null],
        ['=HYPERLINK("http://x","y")', '-1'],
        ['@a,b', undefined],
      ],
    );
    expect(csv).toBe(`'=header,b\r\n'=1+1,\r\n"'=HYPERLINK(""http://x"",""y"")",'-1\r\n"'@a,b",\r\n`);
  });

  it('never lets a cell start with a formula character after quoting', () => {
    const risky = ['=', '+', '-', '@', '\t', '\r'].map((c) => [`${c}payload, "quoted"`]);
    const lines = toCsv(['h'], risky).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(risky.length);
    for (const line of lines) expect(line.replace(/^"/, '')).toMatch(/^'/);
  });
});

describe('withBom', () => {
  it('puts the UTF-8 byte-order mark first unless told not to', () => {
    expect(Buffer.from(withBom('a\r\n'), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom('a\r\n', false)).toBe('a\r\n');
    expect(UTF8_BOM).toBe('\uFEFF');
  });
});
