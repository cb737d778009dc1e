import type { Destination } from '../domain/listening';
import type { ForumKind } from '../domain/forums';

/** Result types of the lyttemøder methods (shared/api/methods/listening.ts). */

export interface ListeningSeriesSummary {
  id: string;
  title: string;
  purpose: string;
  visitors: string;
  meetingCount: number;
  heldCount: number;
  inputCount: number;
  /** Distinct schools in the series, in date order of their first meeting. */
  schools: string[];
  /** The first date on or after today of a meeting not yet held, 'YYYY-MM-DD'. */
  nextDate: string | null;
  /** The lyttemøde forum the series is shared through; null while it is this laptop's own. */
  forumId: string | null;
}

export interface ListeningMeetingSummary {
  id: string;
  seriesId: string;
  school: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm' */
  startTime: string | null;
  teacherGroup: string;
  participantCount: number | null;
  /** When the visitors marked it held (ISO); null while planned. */
  heldAt: string | null;
  inputCount: number;
  /** Inputs with a destination (lokalt, kommune og lærerkreds or parkeret). */
  sortedCount: number;
}

export interface ListeningTheme {
  id: string;
  seriesId: string;
  name: string;
  /** Inputs in the whole series with this theme. */
  inputCount: number;
}

export interface ListeningSeriesDetail {
  series: ListeningSeriesSummary;
  /** In date order. */
  meetings: ListeningMeetingSummary[];
  /** By name (Danish collation). */
  themes: ListeningTheme[];
}

/** Where a sent input ended up; the agenda item links back through `fromListening`. */
export interface SentTo {
  itemId: string;
  itemTitle: string;
  /** The item is closed: what it is about, and so where an input is taken up, is not shared. */
  itemConfidential: boolean;
  meetingId: string;
  meetingTitle: string;
  /** 'YYYY-MM-DDTHH:mm' */
  startsAt: string;
  forumId: string;
  forumName: string;
  /** The forum's school, e.g. for the letter to say whose TRIO takes the input up. */
  forumSchool: string;
}

export interface ListeningInput {
  id: string;
  meetingId: string;
  position: number;
  text: string;
  isQuote: boolean;
  destination: Destination | null;
  note: string;
  /** Theme names, sorted. */
  themes: string[];
  sentTo: SentTo | null;
  /** Sent to a forum's inbox, from this laptop or the other visitor's: which forum, and when. */
  sentToInbox: { forumName: string; sentAt: string } | null;
  createdAt: string;
}

export interface ListeningMeetingDetail {
  meeting: ListeningMeetingSummary;
  seriesTitle: string;
  visitors: string;
  /** In the order they were heard. */
  inputs: ListeningInput[];
  /** The series' themes, for tagging. */
  themes: ListeningTheme[];
}

/** What an agenda item sent on from a lyttemøde links back to. */
export interface FromListening {
  inputId: string;
  listeningMeetingId: string;
  seriesId: string;
  school: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

export interface OverviewInput {
  id: string;
  text: string;
  isQuote: boolean;
  listeningMeetingId: string;
  school: string;
  date: string;
  destination: Destination | null;
  note: string;
  sentTo: SentTo | null;
}

export interface OverviewTheme {
  id: string;
  name: string;
  /** Schools where the theme came up (after the filters). */
  schoolCount: number;
  inputCount: number;
  /** Inputs per school, keyed by school name; schools without the theme are left out. */
  bySchool: Record<string, number>;
  inputs: OverviewInput[];
}

/** Which themes came up at how many schools, with the inputs behind them. */
export interface ThemeOverview {
  seriesId: string;
  seriesTitle: string;
  /** Every school in the series (whatever the filters), in date order, so the chart's columns stay put. */
  schools: string[];
  /** Most schools first, then most inputs, then name. */
  themes: OverviewTheme[];
  /** Inputs matching the filters that have no theme yet. */
  withoutTheme: OverviewInput[];
}

export interface ListeningSendTarget {
  forumId: string;
  forumName: string;
  kind: ForumKind;
  school: string;
  /** The forum is at the school the lyttemøde was held at. */
  sameSchool: boolean;
  /** Coming meetings whose agenda can still take an item, soonest first. */
  meetings: { id: string; title: string; startsAt: string }[];
}
