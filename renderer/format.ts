import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';

/** "tirsdag den 24. november 2026" */
export function longDate(localDateTime: string): string {
  return format(parseISO(localDateTime), "EEEE 'den' d. MMMM yyyy", { locale: da });
}

/** "kl. 14.00" */
export function clockTime(localDateTime: string): string {
  return format(parseISO(localDateTime), "'kl.' HH.mm", { locale: da });
}

/** "24. nov. 2026" */
export function shortDate(isoOrLocal: string): string {
  return format(parseISO(isoOrLocal), 'd. MMM yyyy', { locale: da });
}

/** "7. dec. kl. 10.12", when something was given that day matters to the minute. */
export function dateAndTime(iso: string): string {
  return format(parseISO(iso), "d. MMM 'kl.' HH.mm", { locale: da });
}

export function minutes(count: number): string {
  return count === 1 ? '1 minut' : `${count} minutter`;
}
