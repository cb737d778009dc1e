// The CSV writer against a reader written from the format's rules: whatever the text, a spreadsheet gets
// back the same fields, only with an apostrophe before a field it would otherwise run as a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvFile } from '../../electron/export/csv';
import { parseCsv } from './csv-readback';

const read = (bytes: Buffer) => {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
};

/** Text as typed in a decision: Danish letters, the characters CSV must quote, and formula starts. */
const typed = fc.stringMatching(/^[a-zæøåA-ZÆØÅ0-9 ;"'\n\r=+\-@,.«»–]{0,40}$/);

describe('csvFile', () => {
  it('reads back as the same rows, each field whole, with line breaks as \\n', () => {
    fc.assert(
      fc.property(fc.array(fc.array(typed, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const [header, ...back] = read(csvFile(['Dato', 'Punkt', 'Beslutning'], rows));
        expect(header).toEqual(['Dato', 'Punkt', 'Beslutning']);
        const expected = rows.map((row) =>
          row.map((field) => {
            const lines = field.replace(/\r\n?/g, '\n');
            return /^[=+\-@\t\r]/.test(lines) ? `'${lines}` : lines;
          }),
        );
        expect(back).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes only what needs it, separates with ; and ends rows with CRLF', () => {
    const text = csvFile(['Punkt', 'Beslutning'], [['Skemalægning', 'Ja; fra "1. februar"'], ['Tilsyn', '=SUM(A1)']]).toString('utf8');
    expect(text).toBe('\uFEFFPunkt;Beslutning\r\nSkemalægning;"Ja; fra ""1. februar"""\r\nTilsyn;\'=SUM(A1)\r\n');
  });
});
