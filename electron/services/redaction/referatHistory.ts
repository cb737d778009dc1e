import type { MeetingDetail, ReferatChange, ReferatVersionSummary } from '../../../shared/api/types';

/** What a reader sees in place of a change line or reason that concerns a confidential item. */
export const CLOSED_CHANGE = 'Ændring i et lukket punkt.';

/**
 * Titles the meeting's confidential items have had: now and in every locked version. A reason for a new
 * version is free text without a flag, so one that names any of them is treated as confidential.
 */
export function closedTitlesOf(meetings: readonly { items: readonly Pick<MeetingDetail['items'][number], 'title' | 'confidential'>[] }[]): string[] {
  const titles = meetings.flatMap((m) => m.items.filter((i) => i.confidential).map((i) => i.title.trim()));
  return [...new Set(titles)].filter((title) => title !== '');
}

function names(text: string, titles: readonly string[]): boolean {
  const folded = text.toLocaleLowerCase('da');
  return titles.some((title) => folded.includes(title.toLocaleLowerCase('da')));
}

/**
 * A line is confidential by its flag, set when it was written; a line written while its item was still
 * open quotes the item's title («…»), so it is confidential too once that title is a closed item's.
 */
function sharedChange(change: ReferatChange, closedTitles: readonly string[]): ReferatChange {
  const quotesClosed = names(change.text, closedTitles.map((title) => `«${title}»`));
  return change.confidential || quotesClosed ? { text: CLOSED_CHANGE, confidential: true } : change;
}

/** The referat's version history as a reader without the confidential right may see it. */
export function sharedVersions(versions: readonly ReferatVersionSummary[], closedTitles: readonly string[]): ReferatVersionSummary[] {
  return versions.map((v) => ({
    ...v,
    changeNote: names(v.changeNote, closedTitles) ? CLOSED_CHANGE : v.changeNote,
    changes: v.changes.map((change) => sharedChange(change, closedTitles)),
  }));
}
