/**
 * The årshjul: one forum's school year (August–June) laid out month by month, with its meetings,
 * its fixed recurring themes, dates the cadence still asks for, and warnings where the rhythm broke.
 * Pure and timezone-free: dates are plain 'YYYY-MM-DD' strings and the arithmetic is done on UTC day
 * numbers, so the result is the same on every machine and in every test.
 */
import { CADENCE_LABELS, expectedMonths, maxGapDays, suggestionsPerMonth, type Cadence } from './cadence';

export type YearPlanMeetingStatus = 'planlagt' | 'afholdt';

export interface YearPlanInput {
  /** 2026 → school year 1 Aug 2026 – 30 Jun 2027. */
  schoolYearStart: number;
  cadence: Cadence;
  /** 'YYYY-MM-DD' */
  today: string;
  meetings: { id: string; title: string; startsAt: string /* 'YYYY-MM-DDTHH:mm' */; status: YearPlanMeetingStatus }[];
  /** Fixed recurring themes, e.g. APV, budget, fagfordeling; month 1–12. */
  themes: { id: string; month: number; title: string }[];
  /**
   * 'YYYY-MM-DD' the forum came into the archive. Before that day the archive cannot know whether it met,
   * so a forum created in November is not told that it has gone since school start without a meeting.
   */
  since?: string;
}

export interface YearPlanMeeting {
  id: string;
  title: string;
  startsAt: string;
  status: YearPlanMeetingStatus;
  /** 'YYYY-MM-DD' */
  date: string;
  /** Day of month, 1–31: where the meeting sits along its month on the wheel. */
  day: number;
}

export interface YearPlanMonth {
  /** '2026-08' */
  key: string;
  month: number;
  year: number;
  /** 'august' */
  label: string;
  daysInMonth: number;
  /** today falls in this month */
  current: boolean;
  /** the whole month lies before today */
  past: boolean;
  meetings: YearPlanMeeting[];
  themes: { id: string; title: string }[];
  /** Dates 'YYYY-MM-DD' the cadence suggests and no meeting covers; never before today. */
  suggested: string[];
}

export interface CadenceWarning {
  from: string;
  to: string;
  gapDays: number;
  /** A Danish sentence, ready to show. */
  message: string;
}

export interface YearPlan {
  /** 'Skoleåret 2026/27' */
  label: string;
  /** '2026/27' */
  years: string;
  schoolYearStart: number;
  cadence: Cadence;
  today: string;
  /** 11 months August–June; July is summer holiday and omitted. */
  months: YearPlanMonth[];
  warnings: CadenceWarning[];
}

export const MONTH_NAMES = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'december',
] as const;

/**
 * The first school day varies a little by municipality (around 8–12 August); the 10th is close enough
 * for measuring gaps and suggesting dates, and keeps the summer holiday out of both.
 */
export const SCHOOL_START_DAY = 10;

/** Suggested dates fall on a Tuesday: a plain mid-week default the users move anyway. 0 = Sunday. */
const SUGGESTED_WEEKDAY = 2;

/** The school year a date belongs to. July belongs to the year that starts in the coming August, since
 *  that is the year people plan in July. '2027-03-10' → 2026; '2026-08-01' → 2026; '2026-07-15' → 2026. */
export function schoolYearOf(date: string): number {
  const { y, m } = parseDate(date);
  return m >= 7 ? y : y - 1;
}

export function buildYearPlan(input: YearPlanInput): YearPlan {
  const start = input.schoolYearStart;
  const schoolStart = isoDate(start, 8, SCHOOL_START_DAY);
  const firstDay = isoDate(start, 8, 1);
  const lastDay = isoDate(start + 1, 6, 30);
  const todayKey = input.today.slice(0, 7);

  // Meetings in July (summer holiday) or outside the year are not part of this wheel.
  const meetings: YearPlanMeeting[] = input.meetings
    .map((m) => ({ ...m, date: m.startsAt.slice(0, 10), day: parseDate(m.startsAt).d }))
    .filter((m) => m.date >= firstDay && m.date <= lastDay)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));

  const expected = new Set(expectedMonths(input.cadence));
  const months: YearPlanMonth[] = [];
  for (let i = 0; i < 11; i++) {
    const month = ((7 + i) % 12) + 1;
    const year = month >= 8 ? start : start + 1;
    const key = `${year}-${pad(month)}`;
    const inMonth = meetings.filter((m) => m.date.startsWith(key));
    months.push({
      key,
      month,
      year,
      label: MONTH_NAMES[month - 1] ?? '',
      daysInMonth: daysInMonth(year, month),
      current: key === todayKey,
      past: key < todayKey,
      meetings: inMonth,
      themes: input.themes.filter((t) => t.month === month).map(({ id, title }) => ({ id, title })),
      suggested:
        expected.has(month) && inMonth.length === 0
          ? suggestDates(year, month, input.cadence, month === 8 ? maxDate(schoolStart, input.today) : input.today)
          : [],
    });
  }

  return {
    label: `Skoleåret ${yearsLabel(start)}`,
    years: yearsLabel(start),
    schoolYearStart: start,
    cadence: input.cadence,
    today: input.today,
    months,
    warnings: cadenceWarnings(
      meetings.map((m) => m.date),
      input.cadence,
      input.today,
      schoolStart,
      lastDay,
      input.since,
    ),
  };
}

/**
 * Gaps longer than the cadence allows: between consecutive meetings (held or planned, so a plan with a
 * hole in it is caught before the hole happens), from school start to the first meeting, and from the
 * last meeting to today. The two open ends only count once school has started and never run past today,
 * because an empty spring in October is not yet a missed rhythm.
 */
function cadenceWarnings(
  dates: string[],
  cadence: Cadence,
  today: string,
  schoolStart: string,
  lastDay: string,
  since: string | undefined,
): CadenceWarning[] {
  const limit = maxGapDays(cadence);
  if (limit === null) return [];
  const unique = [...new Set(dates)].sort();
  const end = today < lastDay ? today : lastDay;
  const endText = today <= lastDay ? `i dag den ${danishDate(end)}` : `skoleårets afslutning ${danishDate(end)}`;
  // The open start counts from school start, or from the day the forum came into the archive if that is later.
  const createdLater = since !== undefined && since > schoolStart;
  const start = createdLater ? since : schoolStart;
  const startText = createdLater ? `forummet blev oprettet ${danishDate(start)}` : `skolestart ${danishDate(schoolStart)}`;

  const gaps: { from: string; to: string; fromText: string; toText: string }[] = [];
  const first = unique[0];
  const last = unique[unique.length - 1];
  if (today >= start) {
    if (first === undefined) gaps.push({ from: start, to: end, fromText: startText, toText: endText });
    else if (first > start) gaps.push({ from: start, to: first, fromText: startText, toText: danishDate(first) });
  }
  for (let i = 1; i < unique.length; i++) {
    const from = unique[i - 1] as string;
    const to = unique[i] as string;
    gaps.push({ from, to, fromText: danishDate(from), toText: danishDate(to) });
  }
  if (last !== undefined && last < end) gaps.push({ from: last, to: end, fromText: danishDate(last), toText: endText });

  const rhythm = lowerFirst(CADENCE_LABELS[cadence]);
  return gaps
    .map((g) => ({ ...g, gapDays: dayNumber(g.to) - dayNumber(g.from) }))
    .filter((g) => g.gapDays > limit)
    .map((g) => ({
      from: g.from,
      to: g.to,
      gapDays: g.gapDays,
      message:
        (g.to <= today
          ? `Der er gået ${g.gapDays} dage uden møde (fra ${g.fromText} til ${g.toText}).`
          : `Med den nuværende plan går der ${g.gapDays} dage uden møde (fra ${g.fromText} til ${g.toText}).`) +
        ` Forummet mødes normalt ${rhythm}.`,
    }));
}

/**
 * Tuesdays in the month from `floor` on: the first one, then (for weekly and fortnightly forums) every
 * one or every other one. The floor is today, or school start in August, so nothing is suggested in the
 * past or in the summer holiday.
 */
function suggestDates(year: number, month: number, cadence: Cadence, floor: string): string[] {
  const { count, everyWeeks } = suggestionsPerMonth(cadence);
  const monthStart = isoDate(year, month, 1);
  const monthEnd = isoDate(year, month, daysInMonth(year, month));
  let day = dayNumber(maxDate(monthStart, floor));
  while (weekday(day) !== SUGGESTED_WEEKDAY) day++;
  const dates: string[] = [];
  for (let n = 0; n < count; n++, day += 7 * everyWeeks) {
    const date = fromDayNumber(day);
    if (date > monthEnd) break;
    dates.push(date);
  }
  return dates;
}

// --- plain date arithmetic on 'YYYY-MM-DD' ---

function parseDate(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`Ugyldig dato: «${date}». Forventet ÅÅÅÅ-MM-DD.`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** '2026-09-03' → '3. september' (the year is implied by the school year). */
function danishDate(date: string): string {
  const { m, d } = parseDate(date);
  return `${d}. ${MONTH_NAMES[m - 1] ?? ''}`;
}

function yearsLabel(start: number): string {
  return `${start}/${String(start + 1).slice(-2)}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
