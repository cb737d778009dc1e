/**
 * When the benchmark archive's forums meet. Forums differ as they do in a kommune: a few meet every
 * week, most every month, some every other month and a few twice a year; nobody meets in July or
 * between Christmas and New Year. Ten years of the 50 forums come to about 5,000 meetings.
 */
import type { Cadence } from '../../shared/domain/cadence';
import type { Random } from './prose';

/** The archive's last day with held meetings; what lies after it is planned. */
export const ARCHIVE_END = '2026-11-30';

/** How many of the 50 forums keep each rhythm, and how many days lie between their meetings. */
const RHYTHMS: { cadence: Cadence; forums: number; stepDays: number }[] = [
  { cadence: 'ugentlig', forums: 3, stepDays: 7 },
  { cadence: 'maanedlig', forums: 28, stepDays: 30 },
  { cadence: 'hver_anden_maaned', forums: 11, stepDays: 61 },
  { cadence: 'halvaarlig', forums: 8, stepDays: 182 },
];
export const FORUM_COUNT = RHYTHMS.reduce((sum, r) => sum + r.forums, 0);

export interface ForumRhythm {
  cadence: Cadence;
  stepDays: number;
}

/** Each forum's rhythm, in an order drawn from the seed so that weekly forums are not all at one school. */
export function forumRhythms(next: Random): ForumRhythm[] {
  const list = RHYTHMS.flatMap(({ cadence, forums, stepDays }) => Array.from({ length: forums }, () => ({ cadence, stepDays })));
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j] as ForumRhythm, list[i] as ForumRhythm];
  }
  return list;
}

const DAY_MS = 86_400_000;

function isHoliday(date: Date): boolean {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return month === 7 || (month === 12 && day >= 22) || (month === 1 && day <= 2);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The start of every meeting of a forum over `years` years up to ARCHIVE_END (held), then its next one
 * (planned), as local times 'YYYY-MM-DDTHH:MM' on weekdays in the afternoon.
 */
export function meetingTimes(rhythm: ForumRhythm, years: number, forumNo: number, next: Random): { held: string[]; planned: string } {
  const end = Date.parse(`${ARCHIVE_END}T23:59:59Z`);
  // Each forum starts at its own point of its first step, so the forums' meetings do not fall on one day.
  let at = end - years * 365.25 * DAY_MS + Math.floor(next() * rhythm.stepDays) * DAY_MS;
  const hour = 13 + (forumNo % 3);
  const minute = forumNo % 2 === 0 ? '00' : '30';
  const held: string[] = [];
  for (;;) {
    let date = new Date(at);
    while (isHoliday(date) || date.getUTCDay() === 0 || date.getUTCDay() === 6) date = new Date(date.getTime() + DAY_MS);
    const text = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(hour)}:${minute}`;
    if (date.getTime() > end) return { held, planned: text };
    held.push(text);
    // Weekly forums keep their weekday; the others drift by a few days, as real calendars do.
    const jitter = rhythm.stepDays >= 30 ? Math.floor(next() * 7) - 3 : 0;
    at = date.getTime() + (rhythm.stepDays + jitter) * DAY_MS;
  }
}
