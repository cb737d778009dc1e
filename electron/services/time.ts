/** Local wall-clock 'YYYY-MM-DDTHH:mm' for comparisons with meeting times, which carry no time zone. */
export function localMinute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
