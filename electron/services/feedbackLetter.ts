import type { ListeningInput } from '../../shared/api/listeningTypes';
import { DESTINATION_DEFINITIONS, nextSentence } from '../../shared/domain/listening';
import type { GeneratedDocument } from '../../shared/api/types';
import type { FeedbackLetter, LetterInput, LetterTheme } from '../export/feedbackLetter-model';
import type { SqliteDb } from '../archive/open';
import { inboxAnswerOfInput } from '../archive/queries/inbox';
import { sameSchool } from '../archive/queries/listening';
import { formatDanishDay } from '../export/danishDay';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { listeningMeetingDetail } from './listening';
import { sharedSentTo } from './redaction';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const plain = (input: { text: string; isQuote: boolean }): LetterInput => ({ text: input.text, isQuote: input.isQuote });

/**
 * The letter's content from one lyttemøde. Only the meeting, its series and its inputs are read: the
 * archive's people never reach the letter.
 */
export function feedbackLetter(ctx: ServiceContext, meetingId: string): FeedbackLetter {
  const detail = listeningMeetingDetail(ctx, meetingId);
  const { meeting, inputs } = detail;
  const themes = heardByTheme(inputs);
  const destinations = DESTINATION_DEFINITIONS.map((definition) => {
    const sorted = inputs.filter((input) => input.destination === definition.key);
    return {
      label: definition.label,
      letter: definition.letter,
      next: nextSentence(definition, sorted.map((input) => input.note)),
      inputs: sorted.map((input) => ({ ...plain(input), note: input.note, where: whereTakenUp(ctx.archive.db, input, meeting.school) })),
    };
  }).filter((destination) => destination.inputs.length > 0);

  return {
    school: meeting.school,
    date: meeting.date,
    startTime: meeting.startTime,
    teacherGroup: meeting.teacherGroup,
    participantCount: meeting.participantCount,
    seriesTitle: detail.seriesTitle,
    visitors: detail.visitors,
    themes,
    destinations,
    unsorted: inputs.filter((input) => input.destination === null).map(plain),
  };
}

/**
 * Themes with most inputs first, 'Andet' last. An input with more themes is listed once, under the
 * first of them in that order, and names the others, so the school does not read the same thing twice.
 */
function heardByTheme(inputs: readonly ListeningInput[]): LetterTheme[] {
  const counts = new Map<string, number>();
  for (const input of inputs) for (const theme of input.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b, 'da'));
  const byName = new Map(order.map((name): [string, LetterTheme] => [name, { name, inputs: [] }]));
  const andet: LetterTheme = { name: 'Andet', inputs: [] };
  for (const input of inputs) {
    const own = order.filter((name) => input.themes.includes(name));
    const home = byName.get(own[0] ?? '') ?? andet;
    home.inputs.push({ ...plain(input), alsoThemes: own.slice(1) });
  }
  return [...byName.values(), andet].filter((theme) => theme.inputs.length > 0);
}

/**
 * What a school's forum did with an input sent to its inbox on the kommune's server: taken onto a meeting,
 * declined and why, or not answered yet. The forum's name and answer are shared text: the forum wrote them to the sender.
 */
function inboxOutcome(db: SqliteDb, input: ListeningInput): string | null {
  const sent = inboxAnswerOfInput(db, input.id);
  if (!sent) return null;
  const { forumName, answer } = sent;
  if (answer === null) return `Sendt til ${forumName}, som ikke har svaret endnu`;
  if (answer.outcome === 'afvist') return `${forumName} tager det ikke op: ${answer.reason.trim().replace(/[.!?]$/, '')}`;
  const day = answer.meetingStartsAt ? ` ${formatDanishDay(answer.meetingStartsAt.slice(0, 10))}` : '';
  return `Sat på dagsordenen i ${forumName}${day}`;
}

/** Where a sent input is taken up; another school's forum is named with its school. */
function whereTakenUp(db: SqliteDb, input: ListeningInput, school: string): string | null {
  const sentTo = sharedSentTo(input.sentTo);
  if (!sentTo) return inboxOutcome(db, input);
  const { forumName, forumSchool, startsAt } = sentTo;
  const forum = forumSchool.trim() === '' || sameSchool(forumSchool, school) ? forumName : `${forumName} på ${forumSchool}`;
  return `Tages op i ${forum} ${formatDanishDay(startsAt.slice(0, 10))}`;
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').trim();
}

export const feedbackLetterHandlers: Handlers<'documents.feedbackLetter'> = {
  'documents.feedbackLetter': async ({ meetingId }, ctx): Promise<GeneratedDocument> => {
    // Read everything first: nothing from the archive is touched after the await.
    const letter = feedbackLetter(ctx, meetingId);
    const { buildFeedbackLetter } = await import('../export/feedbackLetter');
    const buffer = await buildFeedbackLetter(letter);
    return {
      fileName: `Tilbagemelding ${safeName(letter.school)} ${letter.date}.docx`,
      mimeType: DOCX,
      base64: buffer.toString('base64'),
    };
  },
};
