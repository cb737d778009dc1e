import { AGENDA_TEMPLATES } from '../../shared/domain/templates';
import { DEFAULT_CYCLE } from '../../shared/domain/prompts';
import type { MeetingDetail, ProcessCycle } from '../../shared/api/types';
import type { SqliteDb } from '../archive/open';
import { actionsOfMeetingWithoutItem } from '../archive/queries/actions';
import { checkoutOf } from '../archive/queries/checkout';
import { findForum, forumCycleJson } from '../archive/queries/forums';
import { insertItem, itemsOfMeeting, parkedItemsWaiting } from '../archive/queries/items';
import { allItemTypes } from '../archive/queries/itemTypes';
import { membersOn } from '../archive/queries/members';
import {
  findMeeting,
  findMeetingSummary,
  insertMeeting,
  listMeetings,
  meetingPage,
  meetingsAwaitingApproval,
  setAgendaSent,
  updateMeeting,
  upcomingMeetings,
} from '../archive/queries/meetings';
import { participantsOf, upsertParticipant } from '../archive/queries/participants';
import { notFound } from './errors';
import { followUpOfKept } from './followUp';
import { requireForum, requireForumIfGiven } from './forums';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { carryParkedItem } from './parkedItems';

export const meetingHandlers: Handlers<
  'meetings.list' | 'meetings.page' | 'meetings.overview' | 'meetings.get' | 'meetings.create' | 'meetings.update' | 'meetings.markAgendaSent'
> = {
  'meetings.list': ({ forumId }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return listMeetings(ctx.archive.db, forumId);
  },

  'meetings.page': ({ forumId, status, awaitingApproval, offset, limit }, ctx) => {
    requireForumIfGiven(ctx.archive.db, forumId);
    return meetingPage(ctx.archive.db, { forumId, status, awaitingApproval }, offset, limit);
  },

  'meetings.overview': ({ from, limit }, ctx) => {
    const awaiting = meetingsAwaitingApproval(ctx.archive.db, limit);
    return { upcoming: upcomingMeetings(ctx.archive.db, from, limit), awaitingApproval: awaiting.rows, awaitingApprovalCount: awaiting.total };
  },

  'meetings.get': ({ meetingId }, ctx) => meetingDetail(ctx, meetingId),

  'meetings.create': ({ forumId, useTemplate, ...fields }, ctx) => {
    const { db } = ctx.archive;
    const forum = requireForum(db, forumId);
    const id = ctx.newId();
    insertMeeting(db, { id, forumId, ...fields }, ctx.now().toISOString());
    // Everyone holding a role in the forum on the day is invited, in the role they hold; the chair facilitates.
    for (const member of membersOn(db, forumId, fields.startsAt.slice(0, 10))) {
      upsertParticipant(db, id, {
        personId: member.personId,
        role: member.role,
        attendance: 'deltager',
        facilitator: member.chair,
        referent: false,
      });
    }
    if (useTemplate) {
      AGENDA_TEMPLATES[forum.kind].forEach((template, index) =>
        insertItem(db, {
          id: ctx.newId(),
          meetingId: id,
          position: index + 1,
          title: template.title,
          type: template.type,
          minutes: template.minutes,
          announcedColour: template.colour,
          owner: '',
          background: template.background,
          announcedGiven: '',
          announcedOpen: '',
          confidential: false,
          sensitive: false,
          addedLate: false,
        }),
      );
    }
    // Items parked at an earlier meeting with nowhere to go are carried onto this one.
    const record = findMeeting(db, id);
    if (record) for (const parked of parkedItemsWaiting(db, forumId, fields.startsAt)) carryParkedItem(ctx, parked, record);
    const created = findMeetingSummary(db, id);
    if (!created) throw notFound('Mødet');
    return created;
  },

  'meetings.update': ({ meetingId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    updateMeeting(db, meetingId, fields);
    return meetingDetail(ctx, meetingId);
  },

  'meetings.markAgendaSent': ({ meetingId }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    setAgendaSent(db, meetingId, ctx.now().toISOString());
    return meetingDetail(ctx, meetingId);
  },
};

export function requireMeeting(db: SqliteDb, meetingId: string) {
  const meeting = findMeeting(db, meetingId);
  if (!meeting) throw notFound('Mødet', 'meetingId');
  return meeting;
}

export function meetingDetail(ctx: ServiceContext, meetingId: string): MeetingDetail {
  const { db } = ctx.archive;
  const meeting = requireMeeting(db, meetingId);
  const forum = findForum(db, meeting.forumId);
  if (!forum) throw notFound('Forummet');
  const items = itemsOfMeeting(db, meetingId);
  return {
    ...meeting,
    school: forum.school,
    forumKind: forum.kind,
    forumColours: forum.colours,
    itemTypes: allItemTypes(db),
    participants: participantsOf(db, meetingId),
    ...followUpOfKept(db, meeting),
    otherActions: actionsOfMeetingWithoutItem(db, meetingId),
    items,
    plannedMinutes: items.reduce((sum, item) => sum + item.minutes, 0),
    groundRules: forum.groundRules[0]?.text ?? '',
    checkout: checkoutOf(db, meetingId),
    cycle: parseCycle(forumCycleJson(db, meeting.forumId)),
    serverNow: ctx.now().toISOString(),
  };
}

/** The forum's own cycle, or the default one when the forum has not described its own. */
function parseCycle(json: string): ProcessCycle {
  if (json === '') return DEFAULT_CYCLE;
  try {
    return JSON.parse(json) as ProcessCycle;
  } catch {
    return DEFAULT_CYCLE;
  }
}
