import { localDay } from '../shared/api/firstScreen';

/** Today's date as 'YYYY-MM-DD' in local time, for comparing with deadlines and meeting times. */
export function todayLocal(): string {
  return localDay(new Date());
}
