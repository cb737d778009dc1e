import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const yearPlanText = {
  title: 'Årshjul',
  subtitle: (label: string, cadence: string) => `${label} · mødes ${cadence.toLowerCase()}`,
  /** The wheel's accessible name: the gist, since the list below carries the details. */
  wheelSummary: (years: string, meetings: number, warnings: number) =>
    `Årshjul for skoleåret ${years}: ${plural(meetings, 'møde', 'møder')}, ${
      warnings === 0 ? 'ingen advarsler' : plural(warnings, 'advarsel', 'advarsler')
    }`,
  centreKicker: 'Skoleåret',
  centreCounts: (heldCount: number, plannedCount: number) => `${heldCount} afholdt · ${plannedCount} planlagt`,
  summer: 'sommerferie',
  today: 'i dag',
  gapDays: (days: number) => `${days} dage`,
  /** Short month names inside the ring, index 0 = januar. */
  shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const,

  legendTitle: 'Sådan læses hjulet',
  legendHeld: 'Afholdt møde',
  legendPlanned: 'Planlagt møde',
  legendSuggested: 'Forslag: her mangler et møde',
  legendTheme: 'Fast tema',
  legendToday: 'I dag',
  legendGap: 'For langt mellem møderne',

  listTitle: 'Måned for måned',
  currentMonth: 'denne måned',
  held: 'Afholdt:',
  planned: 'Planlagt:',
  suggested: 'Forslag:',
  theme: 'Tema:',
  noMeeting: 'Intet møde',
  /** "tor. 3. sep. kl. 14.00" */
  meetingWhen: (startsAt: string) => format(parseISO(startsAt), "EEE d. MMM 'kl.' HH.mm", { locale: da }),
  /** "tir. 5. jan." */
  dayWhen: (date: string) => format(parseISO(date), 'EEE d. MMM', { locale: da }),
  /** One month's suggestions on one line: "tir. 5. jan." or "3., 10., 17. og 24. nov." (a weekly forum's month). */
  suggestedDates: (dates: string[]) => {
    const last = dates[dates.length - 1];
    if (last === undefined) return '';
    if (dates.length === 1) return format(parseISO(last), 'EEE d. MMM', { locale: da });
    const days = dates.map((d) => format(parseISO(d), 'd.', { locale: da }));
    return `${days.slice(0, -1).join(', ')} og ${days[days.length - 1] ?? ''} ${format(parseISO(last), 'MMM', { locale: da })}`;
  },
  /** Hover text on a marker in the wheel. */
  markerTitle: (kind: string, when: string, title?: string) => (title ? `${kind} ${title}, ${when}` : `${kind} ${when}`),
};
