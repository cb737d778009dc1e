import { doneSinceLastMeeting, followUpOfMeeting } from '../archive/queries/actions';
import { previousMeetingOf } from '../archive/queries/meetings';
import { formatDanishDay } from '../export/danishDay';
import { describeActionNote } from '../../shared/domain/actions';
import type { SqliteDb } from '../archive/open';
import type { FollowUpAction } from '../../shared/api/types';
import { instantOfLocalMinute, localDay } from './time';

export interface MeetingFollowUp {
  /** «Opfølgning fra sidst». */
  followUp: FollowUpAction[];
  /** «Udført siden sidst». */
  doneSinceLast: FollowUpAction[];
}

/** What a meeting follows up from the forum's earlier meetings: the agenda, the run screen and the referat read this. */
export function followUpOf(db: SqliteDb, meeting: { id: string; forumId: string; startsAt: string }): MeetingFollowUp {
  const self = { ...meeting, startsAtUtc: instantOfLocalMinute(meeting.startsAt) };
  const previous = previousMeetingOf(db, meeting.forumId, meeting.startsAt);
  return {
    followUp: followUpOfMeeting(db, self),
    doneSinceLast: doneSinceLastMeeting(db, self, previous && { id: previous.id, startsAtUtc: instantOfLocalMinute(previous.startsAt) }),
  };
}

/**
 * An action's notes as the documents print them, oldest first: «10. november 2026: Ikke løst: Kører stadig
 * fast». A note that says nothing (no status change, no resolution, no text) is left out.
 */
export function historyLines(action: FollowUpAction): string[] {
  return action.history.flatMap((note) => {
    const line = describeActionNote(note);
    return line === '' ? [] : [`${formatDanishDay(localDay(new Date(note.createdAt)))}: ${line}`];
  });
}
