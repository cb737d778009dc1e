import { format, isValid, parse } from 'date-fns';
import { da } from 'date-fns/locale';

/**
 * "24. november 2026", for a deadline given as 'YYYY-MM-DD'. In the documents and in the services'
 * own texts; a file of its own, so a service that only writes a date does not load the Word code.
 */
export function formatDanishDay(isoDay: string): string {
  const date = parse(isoDay, 'yyyy-MM-dd', new Date());
  return isValid(date) ? format(date, 'd. MMMM yyyy', { locale: da }) : isoDay;
}
