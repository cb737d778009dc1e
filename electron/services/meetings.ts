import type { MeetingDetail } from '../../shared/api/types';
import { findForum, forumColours } from '../archive/queries/forums';
import { findMeeting, insertMeeting, itemsOfMeeting, listMeetings } from '../archive/queries/meetings';
import type { SqliteDb } from '../archive/open';
import { notFound } from './errors';
import { requireForumIfGiven } from './forums';
import type { Handlers } from './handler';

export const meetingHandlers: Handlers<'meetings.list' | 'meetings.get' | 'meetings.create'> = {
  'meetings.list': ({ forumId }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return listMeetings(ctx.archive.db, forumId);
  },

  'meetings.get': ({ meetingId }, ctx) => meetingDetail(ctx.archive.db, meetingId),

  'meetings.create': (input, ctx) => {
    const { db } = ctx.archive;
    if (!findForum(db, input.forumId)) throw notFound('Forummet', 'forumId');
    const id = ctx.newId();
    insertMeeting(db, { id, ...input }, ctx.now().toISOString());
    const created = findMeeting(db, id);
    if (!created) throw notFound('Mødet');
    return created;
  },
};

export function meetingDetail(db: SqliteDb, meetingId: string): MeetingDetail {
  const meeting = findMeeting(db, meetingId);
  if (!meeting) throw notFound('Mødet', 'meetingId');
  const items = itemsOfMeeting(db, meetingId);
  return {
    ...meeting,
    forumColours: forumColours(db, meeting.forumId),
    items,
    plannedMinutes: items.reduce((sum, item) => sum + item.minutes, 0),
  };
}
