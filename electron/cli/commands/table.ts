import { escapeInvisible } from '../../../shared/api/text';

/**
 * Rows as lines with two spaces between columns; every column but the last is padded to one width.
 * Cells are escaped first (as every line on stdout is), so the padding fits what the terminal shows.
 */
export function columns(cells: string[][]): string[] {
  const rows = cells.map((row) => row.map(escapeInvisible));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
}

/** 'YYYY-MM-DDTHH:mm' as 'YYYY-MM-DD HH.mm', the Danish way of writing the time. */
export function meetingTime(startsAt: string): string {
  return `${startsAt.slice(0, 10)} ${startsAt.slice(11, 16).replace(':', '.')}`;
}
