import { DESTINATION_DEFINITIONS } from '../../shared/domain/listening';
import type { GeneratedDocument } from '../../shared/api/types';
import type { FeedbackLetter, LetterInput, LetterTheme } from '../export/feedbackLetter-model';
import { buildFeedbackLetter } from '../export/feedbackLetter';
import { formatDanishDay } from '../export/docx-common';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { listeningMeetingDetail } from './listening';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The letter's content from one lyttemøde. Only the meeting, its series and its inputs are read: the
 * archive's people never reach the letter.
 */
export function feedbackLetter(ctx: ServiceContext, meetingId: string): FeedbackLetter {
  const detail = listeningMeetingDetail(ctx, meetingId);
  const { meeting, inputs } = detail;
  const plain = (input: { text: string; isQuote: boolean }): LetterInput => ({ text: input.text, isQuote: input.isQuote });

  const byTheme = new Map<string, LetterInput[]>();
  const withoutTheme: LetterInput[] = [];
  for (const input of inputs) {
    if (input.themes.length === 0) withoutTheme.push(plain(input));
    for (const theme of input.themes) byTheme.set(theme, [...(byTheme.get(theme) ?? []), plain(input)]);
  }
  const themes: LetterTheme[] = [...byTheme]
    .map(([name, list]) => ({ name, inputs: list }))
    .sort((a, b) => b.inputs.length - a.inputs.length || a.name.localeCompare(b.name, 'da'));
  if (withoutTheme.length > 0) themes.push({ name: 'Andet', inputs: withoutTheme });

  const destinations = DESTINATION_DEFINITIONS.map((definition) => ({
    label: definition.label,
    letter: definition.letter,
    next: definition.next,
    inputs: inputs
      .filter((input) => input.destination === definition.key)
      .map((input) => ({
        ...plain(input),
        note: input.note,
        where: input.sentTo ? `Tages op i ${input.sentTo.forumName} ${formatDanishDay(input.sentTo.startsAt.slice(0, 10))}` : null,
      })),
  })).filter((destination) => destination.inputs.length > 0);

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

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').trim();
}

export const feedbackLetterHandlers: Handlers<'documents.feedbackLetter'> = {
  'documents.feedbackLetter': async ({ meetingId }, ctx): Promise<GeneratedDocument> => {
    // Read everything first: nothing from the archive is touched after the await.
    const letter = feedbackLetter(ctx, meetingId);
    const buffer = await buildFeedbackLetter(letter);
    return {
      fileName: `Tilbagemelding ${safeName(letter.school)} ${letter.date}.docx`,
      mimeType: DOCX,
      base64: buffer.toString('base64'),
    };
  },
};
