import { writesBeyondNotes } from '../archive/changes';
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

/** What followUpOfKept last read, on one connection: valid while no write beyond notes has come, here or elsewhere. */
interface Kept {
  writes: number;
  dataVersion: number;
  key: string;
  value: MeetingFollowUp;
}
const kept = new WeakMap<SqliteDb, Kept>();

/**
 * followUpOf for the meeting screens, which read the meeting again after every notes autosave (every few
 * hundred milliseconds while someone writes): the lists come from the forum's actions and meetings, which a
 * notes save does not change, so the last answer is given again until a write changes anything else, on this
 * connection (writesBeyondNotes) or another (PRAGMA data_version). Inside a transaction the lists are read
 * anew and not kept: what they see may yet be rolled back. The answer is shared: callers must not change it.
 */
export function followUpOfKept(db: SqliteDb, meeting: { id: string; forumId: string; startsAt: string }): MeetingFollowUp {
  if (db.inTransaction) return followUpOf(db, meeting);
  const writes = writesBeyondNotes(db);
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const key = `${meeting.id}|${meeting.forumId}|${meeting.startsAt}`;
  const last = kept.get(db);
  if (last && last.writes === writes && last.dataVersion === dataVersion && last.key === key) return last.value;
  const value = followUpOf(db, meeting);
  kept.set(db, { writes, dataVersion, key, value });
  return value;
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
