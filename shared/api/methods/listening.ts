import * as z from 'zod';
import { DESTINATIONS, LISTENING_LIMITS } from '../../domain/listening';
import { colourKey, entityId, flag, input, itemType, localDate, optionalText, requiredText, wholeMinutes } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import { BESLUTNING_NEEDS_COLOUR } from './agenda';
import type {
  ListeningInput,
  ListeningMeetingDetail,
  ListeningMeetingSummary,
  ListeningSendTarget,
  ListeningSeriesDetail,
  ListeningSeriesSummary,
  ListeningTheme,
  ThemeOverview,
} from '../listeningTypes';
import type { GeneratedDocument } from '../types';

const seriesFields = {
  title: requiredText('Seriens titel', LIMITS.title),
  purpose: optionalText('Formålet med lyttemøderne', LIMITS.longText, 'many'),
  /** Who visits, e.g. "Kredsformand Anne Holm og skolechef Jens Bak"; they sign the feedback letters. */
  visitors: optionalText('De besøgende', LIMITS.shortText),
};

const startTime = z
  .string({ error: 'Klokkeslættet skal være tekst.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Klokkeslættet skal skrives som tt:mm, fx 14:30.' });

const participantCount = z
  .number({ error: 'Antal deltagere skal være et tal.' })
  .int({ error: 'Antal deltagere skal være et helt tal.' })
  .min(0, { error: 'Antal deltagere kan ikke være negativt.' })
  .max(500, { error: 'Antal deltagere må højst være 500.' });

const meetingFields = {
  school: requiredText('Skolen', LIMITS.name),
  date: localDate('Datoen'),
  startTime: startTime.nullable().default(null),
  /** The group of teachers, e.g. "Indskolingens lærere"; never a list of names. */
  teacherGroup: requiredText('Lærergruppen', LIMITS.name),
};

const inputText = requiredText('Inputtet', LISTENING_LIMITS.input);
const themeName = requiredText('Temaet', LISTENING_LIMITS.theme);
const themeList = z
  .array(themeName, { error: 'Temaerne skal være en liste.' })
  .max(LISTENING_LIMITS.themesPerInput, { error: `Et input kan højst have ${LISTENING_LIMITS.themesPerInput} temaer.` });
const themes = themeList.default([]);
const destination = z.enum(DESTINATIONS, { error: 'Vælg løses lokalt, kommune og lærerkreds eller parkeret.' });

export const listeningMethods = {
  'listening.listSeries': read<ListeningSeriesSummary[]>()(input({})),
  'listening.createSeries': write<ListeningSeriesSummary>()(input(seriesFields)),
  /**
   * Makes the series a lyttemøde forum of its own (named after it), which «Del forummet» then shares with the
   * other visitor; a series already in a forum stays there.
   */
  'listening.shareAsForum': write<ListeningSeriesSummary>()(input({ seriesId: entityId('Serien') })),
  'listening.updateSeries': write<ListeningSeriesSummary>()(input({ seriesId: entityId('Serien'), ...seriesFields })),
  'listening.getSeries': read<ListeningSeriesDetail>()(input({ seriesId: entityId('Serien') })),

  'listening.planMeeting': write<ListeningMeetingSummary>()(input({ seriesId: entityId('Serien'), ...meetingFields })),
  'listening.updateMeeting': write<ListeningMeetingSummary>()(input({ meetingId: entityId('Lyttemødet'), ...meetingFields })),
  /** Only a meeting without inputs can be removed, so nothing heard is lost by a slip. */
  'listening.removeMeeting': write<ListeningSeriesDetail>()(input({ meetingId: entityId('Lyttemødet') })),
  'listening.getMeeting': read<ListeningMeetingDetail>()(input({ meetingId: entityId('Lyttemødet') })),
  /** held=false reopens the meeting; a participantCount of null keeps the count already given. */
  'listening.markHeld': write<ListeningMeetingDetail>()(
    input({ meetingId: entityId('Lyttemødet'), held: flag('Afholdt'), participantCount: participantCount.nullable().default(null) }),
  ),

  /** Names of people are refused: the service checks the text, and the themes, for names it knows. */
  'listening.addInput': write<ListeningInput>()(
    input({ meetingId: entityId('Lyttemødet'), text: inputText, isQuote: flag('Citat'), themes }),
  ),
  /** Themes, when given, replace the input's themes in the same write as the text. */
  'listening.updateInput': write<ListeningInput>()(
    input({ inputId: entityId('Inputtet'), text: inputText, isQuote: flag('Citat'), themes: themeList.optional() }),
  ),
  'listening.removeInput': write<ListeningMeetingDetail>()(input({ inputId: entityId('Inputtet') })),
  /** Only what is sent changes: the place, the note, or both. */
  'listening.sortInput': write<ListeningInput>()(
    input({
      inputId: entityId('Inputtet'),
      destination: destination.nullable().optional(),
      note: optionalText('Noten', LIMITS.shortText, 'many').unwrap().optional(),
    }).superRefine((sort, ctx) => {
      if (sort.destination === undefined && sort.note === undefined) {
        ctx.addIssue({ code: 'custom', path: ['destination'], message: 'Vælg, hvor inputtet hører hjemme, eller skriv en note.' });
      }
    }),
  ),
  'listening.setInputThemes': write<ListeningInput>()(input({ inputId: entityId('Inputtet'), themes })),

  /** Renaming to the name of another theme of the series merges the two; the result is the theme that remains. */
  'listening.renameTheme': write<ListeningTheme>()(input({ themeId: entityId('Temaet'), name: themeName })),
  /** The inputs stay; they only lose this theme. */
  'listening.removeTheme': write<ListeningSeriesDetail>()(input({ themeId: entityId('Temaet') })),

  'listening.overview': read<ThemeOverview>()(
    input({
      seriesId: entityId('Serien'),
      destination: z.union([destination, z.literal('usorteret')], { error: 'Vælg en sortering fra listen.' }).optional(),
      school: requiredText('Skolen', LIMITS.name).optional(),
      quotesOnly: flag('Kun citater'),
    }),
  ),

  /** Forums with coming meetings an input can be sent to; the school's own forums first. */
  'listening.sendTargets': read<ListeningSendTarget[]>()(input({ inputId: entityId('Inputtet') })),
  /** Puts the input on a coming meeting's agenda as a new item, linked both ways. */
  'listening.sendInput': write<ListeningInput>()(
    input({
      inputId: entityId('Inputtet'),
      meetingId: entityId('Mødet'),
      title: requiredText('Punktets titel', LIMITS.title),
      type: itemType,
      announcedColour: colourKey.nullable().default(null),
      minutes: wholeMinutes('Punktets tid', LIMITS.itemMinutes),
    }).superRefine((item, ctx) => {
      // The agenda's own rule: a beslutning is announced with its colour.
      if (item.type === 'beslutning' && item.announcedColour === null) {
        ctx.addIssue({ code: 'custom', path: ['announcedColour'], message: BESLUTNING_NEEDS_COLOUR });
      }
    }),
  ),

  /** The letter to one school: what we heard (themes, no names), what happens next and where. */
  'documents.feedbackLetter': read<GeneratedDocument>()(input({ meetingId: entityId('Lyttemødet') })),
} as const;
