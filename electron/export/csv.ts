/**
 * CSV as a Danish spreadsheet opens it by double-click: UTF-8 with a byte order mark (without it Excel
 * reads æøå as Windows-1252), semicolons between fields (the comma is the Danish decimal sign, so a
 * Danish Excel splits on ;), CRLF between rows, and a field in double quotes whenever it holds a
 * semicolon, a quote or a line break, with its quotes doubled.
 */
const BOM = '\uFEFF';
const SEPARATOR = ';';

/**
 * A spreadsheet runs a field that starts with = + - or @ as a formula (CSV injection); such a field gets
 * a leading apostrophe, which Excel and LibreOffice read as «this is text». Decisions often begin with
 * «- » as a list, so this matters for ordinary content too, not only for a hostile one.
 */
function asText(field: string): string {
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}

function quoted(field: string): string {
  const text = asText(field.replace(/\r\n?/g, '\n'));
  return /[;"\n\r]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvFile(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(quoted).join(SEPARATOR));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
