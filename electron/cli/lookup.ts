import type { ForumSummary, ItemSag, MeetingSummary } from '../../shared/api/types';
import { FORUM, MEETING, SAG, byIdPrefix, isWholeId, meetingName } from './ids';
import type { Session } from './session';

/** The meeting given by --meeting: its whole id or a unique beginning of it. */
export async function findMeeting(session: Session, typed: string): Promise<MeetingSummary> {
  return byIdPrefix(await session.call('meetings.list', {}), typed, MEETING, meetingName);
}

/** The forum given by --forum: its whole id or a unique beginning of it. */
export async function findForum(session: Session, typed: string): Promise<ForumSummary> {
  return byIdPrefix(await session.call('forums.list', {}), typed, FORUM, (f) => `${f.name} (${f.school})`);
}

/** A sag with when it was first and last on an agenda, for the list of sager. */
export interface SagInArchive extends ItemSag {
  firstAt: string;
  lastAt: string;
}

/**
 * Every sag of the archive, the oldest first, found through the meetings' items (the archive has no
 * list of sager of its own: a sag only exists through its items). Sag titles are never a closed
 * item's title (see redaction/sag.ts), so the list may be shown to anyone.
 */
export async function sagerInArchive(session: Session): Promise<SagInArchive[]> {
  const sager = new Map<string, SagInArchive>();
  const meetings = [...(await session.call('meetings.list', {}))].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const summary of meetings) {
    const meeting = await session.call('meetings.get', { meetingId: summary.id });
    for (const item of meeting.items) {
      if (item.sag === null) continue;
      const known = sager.get(item.sag.id);
      sager.set(item.sag.id, { ...item.sag, firstAt: known?.firstAt ?? meeting.startsAt, lastAt: meeting.startsAt });
    }
  }
  return [...sager.values()];
}

/**
 * The id of the sag given on the command line: its whole id or a unique beginning of it. Only a
 * beginning needs the list of sager, which reads every meeting; a whole id goes straight to the sag.
 */
export async function findSagId(session: Session, typed: string): Promise<string> {
  if (isWholeId(typed)) return typed.trim().toLowerCase();
  return byIdPrefix(await sagerInArchive(session), typed, SAG, (s) => `«${s.title}»`).id;
}
