const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock 'YYYY-MM-DDTHH:mm' for comparisons with meeting times, which carry no time zone. */
export function localMinute(date: Date): string {
  return `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local calendar date 'YYYY-MM-DD'. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The instant of a local wall-clock 'YYYY-MM-DDTHH:mm' (a meeting's start), to compare with stored instants. */
export function instantOfLocalMinute(localMinute: string): string {
  return new Date(localMinute).toISOString();
}
