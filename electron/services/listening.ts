import { createHash } from 'node:crypto';
import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';
import { contract, type ParsedInput } from '../../shared/api/contract';
import type {
  ListeningInput,
  ListeningMeetingDetail,
  ListeningMeetingSummary,
  ListeningSendTarget,
  ListeningSeriesDetail,
  ListeningSeriesSummary,
  ListeningTheme,
  OverviewInput,
  OverviewTheme,
  ThemeOverview,
} from '../../shared/api/listeningTypes';
import { findPersonName } from '../../shared/domain/personNames';
import { visitorsSentTo } from './redaction';
import type { SqliteDb } from '../archive/open';
import {
  allPersonNames,
  asInput,
  comingOpenMeetings,
  deleteInput,
  deleteMeeting,
  deleteTheme,
  findInput,
  findMeeting,
  findSeries,
  findTheme,
  inputsOfMeeting,
  inputsOfSeries,
  insertInput,
  insertMeeting,
  insertSeries,
  insertTheme,
  listSeries,
  meetingsOfSeries,
  mergeThemeInto,
  nextInputPosition,
  renameTheme,
  sameSchool,
  setHeld,
  setSentItem,
  setSeriesForum,
  setThemesOfInput,
  sortInput,
  themeIdByKey,
  themeKey,
  themesOfSeries,
  updateInputText,
  updateMeeting,
  updateSeries,
  type InputWithMeeting,
} from '../archive/queries/listening';
import { formatDanishDay } from '../export/danishDay';
import { agendaHandlers } from './agenda';
import { createForum } from './forums';
import type { ServiceContext } from './context';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { localDay, localMinute } from './time';

/**
 * Lyttemøder: plan a series of visits, capture what was heard, sort it afterwards, see the themes across
 * schools and send an input on to a forum's agenda. Nothing here stores who said what: every free text
 * that could carry a name goes through the anonymity guard before it is written.
 */

// ------------------------------------------------------------------------------------------ anonymity

const NAME_HINT = 'skriv fx «en kollega» i stedet';

/** Refuses a text that looks like it holds a person's name; the message names the field. */
export class NameGuard {
  private known: string[] | null = null;
  constructor(private readonly db: SqliteDb) {}

  check(text: string, label: string, field: string, hint = NAME_HINT): void {
    this.known ??= allPersonNames(this.db);
    const hit = findPersonName(text, this.known);
    if (hit !== null) {
      throw new ServiceError(
        'ugyldigt_input',
        `${label} ser ud til at indeholde et navn («${hit}»). Lyttemøder gemmer ikke navne – ${hint}.`,
        field,
      );
    }
  }
}

/** A lyttemøde forum is the kommune's, not one school's: its «skole eller kommune». */
const SERIES_FORUM_SCHOOL = 'Kommunen';

// ---------------------------------------------------------------------------------------- look-ups

export function requireSeries(ctx: ServiceContext, seriesId: string): ListeningSeriesSummary {
  const series = findSeries(ctx.archive.db, seriesId, localDay(ctx.now()));
  if (!series) throw notFound('Serien af lyttemøder', 'seriesId');
  return series;
}

function requireMeeting(db: SqliteDb, meetingId: string): ListeningMeetingSummary {
  const meeting = findMeeting(db, meetingId);
  if (!meeting) throw notFound('Lyttemødet', 'meetingId');
  return meeting;
}

/** Every input these screens read passes here: the visitors are not members of the forum it was sent to. */
function shown(input: InputWithMeeting): InputWithMeeting {
  return { ...input, sentTo: visitorsSentTo(input.sentTo) };
}

function requireInput(db: SqliteDb, inputId: string): InputWithMeeting {
  const input = findInput(db, inputId);
  if (!input) throw notFound('Inputtet', 'inputId');
  return shown(input);
}

function requireTheme(db: SqliteDb, themeId: string): ListeningTheme {
  const theme = findTheme(db, themeId);
  if (!theme) throw notFound('Temaet', 'themeId');
  return theme;
}

function inputResult(db: SqliteDb, inputId: string): ListeningInput {
  return asInput(requireInput(db, inputId));
}

export function seriesDetail(ctx: ServiceContext, seriesId: string): ListeningSeriesDetail {
  const { db } = ctx.archive;
  return { series: requireSeries(ctx, seriesId), meetings: meetingsOfSeries(db, seriesId), themes: themesOfSeries(db, seriesId) };
}

export function listeningMeetingDetail(ctx: ServiceContext, meetingId: string): ListeningMeetingDetail {
  const { db } = ctx.archive;
  const meeting = requireMeeting(db, meetingId);
  const series = requireSeries(ctx, meeting.seriesId);
  return {
    meeting,
    seriesTitle: series.title,
    visitors: series.visitors,
    inputs: inputsOfMeeting(db, meetingId).map(shown).map(asInput),
    themes: themesOfSeries(db, meeting.seriesId),
  };
}

/**
 * A new theme's id, the same on every laptop for the same name in the same series: the skolechef and the
 * kredsformand who both tag «arbejdstid» offline make one theme, not two that clash when they meet. A name
 * whose id a renamed theme already holds gets a fresh one.
 */
function newThemeId(ctx: ServiceContext, seriesId: string, key: string): string {
  const hex = createHash('sha256').update(`${seriesId}|${key}`).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return findTheme(ctx.archive.db, id) === null ? id : ctx.newId();
}

/** The ids of the named themes of a series; a name the series does not know yet becomes a new theme. */
function themeIdsFor(ctx: ServiceContext, seriesId: string, names: readonly string[]): string[] {
  const { db } = ctx.archive;
  const ids: string[] = [];
  for (const name of names) {
    const key = themeKey(name);
    let id = themeIdByKey(db, seriesId, key);
    if (id === null) {
      id = newThemeId(ctx, seriesId, key);
      insertTheme(db, { id, seriesId, name });
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function checkThemes(guard: NameGuard, names: readonly string[]): void {
  for (const name of names) guard.check(name, 'Temaet', 'themes', 'giv temaet et navn efter emnet, fx «arbejdstid»');
}

const GROUP_HINT = 'beskriv gruppen, fx «indskolingens lærere»';

/** The series title goes into every feedback letter: no names there either. */
function checkSeries(db: SqliteDb, fields: { title: string }): void {
  new NameGuard(db).check(fields.title, 'Seriens titel', 'title', 'giv serien en titel efter emnet, fx «lyttemøder om arbejdstid»');
}

/** The school and the teacher group go into the feedback letter and its file name. */
function checkMeeting(db: SqliteDb, fields: { school: string; teacherGroup: string }): void {
  const guard = new NameGuard(db);
  guard.check(fields.school, 'Skolen', 'school', 'skriv skolens navn, fx «Egeskolen»');
  guard.check(fields.teacherGroup, 'Lærergruppen', 'teacherGroup', GROUP_HINT);
}

// ---------------------------------------------------------------------------------------- overview

function toOverviewInput(input: InputWithMeeting): OverviewInput {
  return {
    id: input.id,
    text: input.text,
    isQuote: input.isQuote,
    listeningMeetingId: input.meetingId,
    school: input.school,
    date: input.date,
    destination: input.destination,
    note: input.note,
    sentTo: input.sentTo,
  };
}

interface OverviewFilter {
  destination?: ListeningInput['destination'] | 'usorteret' | undefined;
  school?: string | undefined;
  quotesOnly: boolean;
}

export function themeOverview(ctx: ServiceContext, seriesId: string, filter: OverviewFilter): ThemeOverview {
  const { db } = ctx.archive;
  const series = requireSeries(ctx, seriesId);
  // The chart's columns are every school of the series, spelled as at its first meeting.
  const schools = series.schools;
  const schoolName = (school: string) => schools.find((s) => sameSchool(s, school)) ?? school;
  const inputs = inputsOfSeries(db, seriesId).map(shown).filter(
    (input) =>
      (filter.destination === undefined ||
        (filter.destination === 'usorteret' ? input.destination === null : input.destination === filter.destination)) &&
      (filter.school === undefined || sameSchool(input.school, filter.school)) &&
      (!filter.quotesOnly || input.isQuote),
  );
  const themes: OverviewTheme[] = [];
  for (const theme of themesOfSeries(db, seriesId)) {
    const behind = inputs.filter((input) => input.themeIds.includes(theme.id));
    if (behind.length === 0) continue;
    const bySchool: Record<string, number> = {};
    for (const input of behind) {
      const school = schoolName(input.school);
      bySchool[school] = (bySchool[school] ?? 0) + 1;
    }
    themes.push({
      id: theme.id,
      name: theme.name,
      schoolCount: Object.keys(bySchool).length,
      inputCount: behind.length,
      bySchool,
      inputs: behind.map(toOverviewInput),
    });
  }
  themes.sort((a, b) => b.schoolCount - a.schoolCount || b.inputCount - a.inputCount || a.name.localeCompare(b.name, 'da'));
  return {
    seriesId,
    seriesTitle: series.title,
    schools,
    themes,
    withoutTheme: inputs.filter((input) => input.themeIds.length === 0).map(toOverviewInput),
  };
}

// ------------------------------------------------------------------------------------- sending on

export function sendTargets(ctx: ServiceContext, inputId: string): ListeningSendTarget[] {
  const { db } = ctx.archive;
  const input = requireInput(db, inputId);
  const byForum = new Map<string, ListeningSendTarget>();
  for (const row of comingOpenMeetings(db, localMinute(ctx.now()))) {
    let target = byForum.get(row.forum_id);
    if (!target) {
      target = {
        forumId: row.forum_id,
        forumName: row.forum_name,
        kind: row.kind,
        school: row.school,
        sameSchool: sameSchool(row.school, input.school),
        meetings: [],
      };
      byForum.set(row.forum_id, target);
    }
    target.meetings.push({ id: row.meeting_id, title: row.title, startsAt: row.starts_at });
  }
  const trioFirst = (t: ListeningSendTarget) => (t.kind === 'trio' ? 0 : 1);
  return [...byForum.values()].sort(
    (a, b) =>
      Number(b.sameSchool) - Number(a.sameSchool) || trioFirst(a) - trioFirst(b) || a.forumName.localeCompare(b.forumName, 'da'),
  );
}

/** Where the item came from, in words the forum can read without the lyttemøde at hand; never a name. */
function sentBackground(input: InputWithMeeting): string {
  const paragraphs = [
    `Sendt videre fra lyttemødet på ${input.school} ${formatDanishDay(input.date)}.` +
      (input.themes.length > 0 ? ` Tema: ${input.themes.join(', ')}.` : ''),
    input.isQuote ? `Citat: »${input.text}«` : `Input: ${input.text}`,
  ];
  if (input.note.trim() !== '') paragraphs.push(`Note fra sorteringen: ${input.note}`);
  return paragraphs.join('\n\n');
}

type SendInput = ParsedInput<'listening.sendInput'>;

function sendInput(ctx: ServiceContext, { inputId, meetingId, title, type, announcedColour, minutes }: SendInput): ListeningInput {
  const { db } = ctx.archive;
  const input = requireInput(db, inputId);
  if (input.sentTo) {
    const { forumName, startsAt, itemTitle } = input.sentTo;
    throw new ServiceError(
      'konflikt',
      `Inputtet er allerede sendt videre til ${forumName} ${formatDanishDay(startsAt.slice(0, 10))} som punktet «${itemTitle}».`,
      'inputId',
    );
  }
  new NameGuard(db).check(title, 'Punktets titel', 'title');
  // The agenda's own rules and code path: item types, colours, positions, late items, search index.
  const parsed = contract['agenda.addItem'].input.safeParse({
    meetingId,
    title,
    type,
    announcedColour,
    minutes,
    background: sentBackground(input),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError('ugyldigt_input', issue?.message ?? 'Punktet kunne ikke sættes på dagsordenen.', issue?.path.join('.'));
  }
  const item = agendaHandlers['agenda.addItem'](parsed.data, ctx);
  setSentItem(db, inputId, item.id);
  return inputResult(db, inputId);
}

// ---------------------------------------------------------------------------------------- handlers

export const listeningHandlers: Handlers<
  | 'listening.listSeries'
  | 'listening.createSeries'
  | 'listening.updateSeries'
  | 'listening.shareAsForum'
  | 'listening.getSeries'
  | 'listening.planMeeting'
  | 'listening.updateMeeting'
  | 'listening.removeMeeting'
  | 'listening.getMeeting'
  | 'listening.markHeld'
  | 'listening.addInput'
  | 'listening.updateInput'
  | 'listening.removeInput'
  | 'listening.sortInput'
  | 'listening.setInputThemes'
  | 'listening.renameTheme'
  | 'listening.removeTheme'
  | 'listening.overview'
  | 'listening.sendTargets'
  | 'listening.sendInput'
> = {
  'listening.listSeries': (_input, ctx) => listSeries(ctx.archive.db, localDay(ctx.now())),

  'listening.createSeries': (fields, ctx) => {
    checkSeries(ctx.archive.db, fields);
    const id = ctx.newId();
    insertSeries(ctx.archive.db, { id, ...fields, createdAt: ctx.now().toISOString() });
    return requireSeries(ctx, id);
  },

  'listening.shareAsForum': ({ seriesId }, ctx) => {
    const series = requireSeries(ctx, seriesId);
    if (series.forumId !== null) return series;
    const parsed = contract['forums.create'].input.safeParse({ kind: 'lyttemoede', name: series.title, school: SERIES_FORUM_SCHOOL, purpose: series.purpose });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ServiceError('ugyldigt_input', `Serien kan ikke blive et forum: ${issue?.message ?? 'titlen passer ikke til et forums navn.'} Ret seriens titel og prøv igen.`, 'seriesId');
    }
    const forum = createForum(ctx, parsed.data);
    setSeriesForum(ctx.archive.db, seriesId, forum.id);
    return requireSeries(ctx, seriesId);
  },

  'listening.updateSeries': ({ seriesId, ...fields }, ctx) => {
    requireSeries(ctx, seriesId);
    checkSeries(ctx.archive.db, fields);
    updateSeries(ctx.archive.db, seriesId, fields);
    return requireSeries(ctx, seriesId);
  },

  'listening.getSeries': ({ seriesId }, ctx) => seriesDetail(ctx, seriesId),

  'listening.planMeeting': ({ seriesId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    requireSeries(ctx, seriesId);
    checkMeeting(db, fields);
    const id = ctx.newId();
    insertMeeting(db, { id, seriesId, ...fields, createdAt: ctx.now().toISOString() });
    return requireMeeting(db, id);
  },

  'listening.updateMeeting': ({ meetingId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    checkMeeting(db, fields);
    updateMeeting(db, meetingId, fields);
    return requireMeeting(db, meetingId);
  },

  'listening.removeMeeting': ({ meetingId }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    if (meeting.inputCount > 0) {
      throw new ServiceError(
        'konflikt',
        `Lyttemødet på ${meeting.school} har ${meeting.inputCount} input og kan ikke fjernes. Fjern inputtene først, hvis mødet skal væk.`,
        'meetingId',
      );
    }
    deleteMeeting(db, meetingId);
    return seriesDetail(ctx, meeting.seriesId);
  },

  'listening.getMeeting': ({ meetingId }, ctx) => listeningMeetingDetail(ctx, meetingId),

  'listening.markHeld': ({ meetingId, held, participantCount }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    if (held && meeting.date > localDay(ctx.now())) {
      // A lyttemøde that has not happened yet has no input to sort; marking it held is a slip of the hand.
      throw new ServiceError(
        'konflikt',
        `Lyttemødet på ${meeting.school} er først ${format(parseISO(meeting.date), 'd. MMMM yyyy', { locale: da })} og kan ikke markeres som afholdt før. Flyt datoen, hvis det blev holdt tidligere.`,
      );
    }
    if (held) setHeld(db, meetingId, meeting.heldAt ?? ctx.now().toISOString(), participantCount ?? meeting.participantCount);
    // Reopened: the count stays, so marking it held again does not lose it.
    else setHeld(db, meetingId, null, participantCount ?? meeting.participantCount);
    return listeningMeetingDetail(ctx, meetingId);
  },

  'listening.addInput': ({ meetingId, text, isQuote, themes }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    const guard = new NameGuard(db);
    guard.check(text, 'Inputtet', 'text');
    checkThemes(guard, themes);
    const id = ctx.newId();
    insertInput(db, { id, meetingId, position: nextInputPosition(db, meetingId), text, isQuote, createdAt: ctx.now().toISOString() });
    setThemesOfInput(db, id, themeIdsFor(ctx, meeting.seriesId, themes));
    return inputResult(db, id);
  },

  'listening.updateInput': ({ inputId, text, isQuote, themes }, ctx) => {
    const { db } = ctx.archive;
    const input = requireInput(db, inputId);
    const guard = new NameGuard(db);
    guard.check(text, 'Inputtet', 'text');
    if (themes !== undefined) checkThemes(guard, themes);
    updateInputText(db, inputId, text, isQuote);
    // A correction's themes are written with its text: one write, all or nothing.
    if (themes !== undefined) setThemesOfInput(db, inputId, themeIdsFor(ctx, input.seriesId, themes));
    return inputResult(db, inputId);
  },

  'listening.removeInput': ({ inputId }, ctx) => {
    const { db } = ctx.archive;
    const input = requireInput(db, inputId);
    deleteInput(db, inputId, input.meetingId);
    return listeningMeetingDetail(ctx, input.meetingId);
  },

  'listening.sortInput': ({ inputId, destination, note }, ctx) => {
    const { db } = ctx.archive;
    requireInput(db, inputId);
    if (note !== undefined) new NameGuard(db).check(note, 'Noten', 'note');
    sortInput(db, inputId, { destination, note });
    return inputResult(db, inputId);
  },

  'listening.setInputThemes': ({ inputId, themes }, ctx) => {
    const { db } = ctx.archive;
    const input = requireInput(db, inputId);
    checkThemes(new NameGuard(db), themes);
    setThemesOfInput(db, inputId, themeIdsFor(ctx, input.seriesId, themes));
    return inputResult(db, inputId);
  },

  'listening.renameTheme': ({ themeId, name }, ctx) => {
    const { db } = ctx.archive;
    const theme = requireTheme(db, themeId);
    new NameGuard(db).check(name, 'Temaet', 'name', 'giv temaet et navn efter emnet, fx «arbejdstid»');
    const existing = themeIdByKey(db, theme.seriesId, themeKey(name));
    // Renamed to the name of another theme of the series: they are one theme now.
    if (existing !== null && existing !== themeId) {
      mergeThemeInto(db, themeId, existing);
      return requireTheme(db, existing);
    }
    renameTheme(db, themeId, name);
    return requireTheme(db, themeId);
  },

  'listening.removeTheme': ({ themeId }, ctx) => {
    const { db } = ctx.archive;
    const theme = requireTheme(db, themeId);
    deleteTheme(db, themeId);
    return seriesDetail(ctx, theme.seriesId);
  },

  'listening.overview': ({ seriesId, ...filter }, ctx) => themeOverview(ctx, seriesId, filter),

  'listening.sendTargets': ({ inputId }, ctx) => sendTargets(ctx, inputId),

  'listening.sendInput': (input, ctx) => sendInput(ctx, input),
};
