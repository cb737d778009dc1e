import type { AgendaItem, MeetingDetail, PresenterView, RunState } from '../../shared/api/types';
import { dissentText } from '../../shared/domain/dissent';
import type { SqliteDb } from '../archive/open';
import { insertAction } from '../archive/queries/actions';
import { changeTally, checkoutOf } from '../archive/queries/checkout';
import { findItem, updateItemNotes, updateItemRun, type ItemRunFields } from '../archive/queries/items';
import { nextMeetingOf, setMeetingStatus, updateRun, type MeetingRecord } from '../archive/queries/meetings';
import { versionsOf } from '../archive/queries/referat';
import { requireDueIfAgreed } from './actions';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { meetingDetail, requireMeeting } from './meetings';
import { carryParkedItem } from './parkedItems';
import { itemNameInMessage, sharedMeeting } from './redaction';

function requireItem(db: SqliteDb, itemId: string, field = 'itemId'): AgendaItem {
  const item = findItem(db, itemId);
  if (!item) throw notFound('Punktet', field);
  return item;
}

function runFieldsOf(item: AgendaItem): ItemRunFields {
  const { notes, process, roundDone, cyclePhase, timerElapsed, timerStartedAt, runState, minutes } = item;
  return { notes, process, roundDone, cyclePhase, timerElapsed, timerStartedAt, runState, minutes };
}

/** Changes some run fields of an item and returns it as stored. */
function changeItem(db: SqliteDb, item: AgendaItem, patch: Partial<ItemRunFields>): AgendaItem {
  updateItemRun(db, item.id, { ...runFieldsOf(item), ...patch });
  return requireItem(db, item.id);
}

/** Seconds used so far: what was banked, plus the running stretch. */
export function elapsedSeconds(item: Pick<AgendaItem, 'timerElapsed' | 'timerStartedAt'>, now: Date): number {
  if (item.timerStartedAt === null) return item.timerElapsed;
  return item.timerElapsed + Math.max(0, Math.round((now.getTime() - Date.parse(item.timerStartedAt)) / 1000));
}

function paused(item: AgendaItem, now: Date): Partial<ItemRunFields> {
  return { timerElapsed: elapsedSeconds(item, now), timerStartedAt: null };
}

function setRun(db: SqliteDb, meeting: MeetingRecord, patch: Partial<RunState>): void {
  updateRun(db, meeting.id, { ...meeting.run, ...patch });
}

/** Leaving an item stops its clock; an item that was under way counts as dealt with. */
function leaveCurrentItem(db: SqliteDb, meeting: MeetingRecord, now: Date): void {
  if (meeting.run.currentItemId === null) return;
  const current = findItem(db, meeting.run.currentItemId);
  if (!current) return;
  changeItem(db, current, { ...paused(current, now), runState: current.runState === 'igang' ? 'faerdig' : current.runState });
}

function refuseIfEnded(meeting: MeetingRecord): void {
  if (meeting.run.phase === 'afsluttet') {
    throw new ServiceError('konflikt', 'Mødet er afsluttet. Åbn det igen fra mødesiden, hvis der skal rettes noget.', 'meetingId');
  }
}

export const runHandlers: Handlers<
  | 'run.start'
  | 'run.goTo'
  | 'run.end'
  | 'run.showConfidential'
  | 'run.timer'
  | 'run.saveNotes'
  | 'run.setProcess'
  | 'run.tickRound'
  | 'run.setCyclePhase'
  | 'run.takeMinutes'
  | 'run.park'
  | 'run.toAction'
  | 'run.presenter'
  | 'checkout.record'
> = {
  'run.start': ({ meetingId }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    // Starting again (e.g. after a closed lid) resumes where the facilitator was.
    if (meeting.run.phase === 'ikke_startet' || meeting.run.phase === 'afsluttet') {
      // A referat approved once says the meeting was held; running it again would make it planned, which
      // no referat can be (an exchange file saying so is refused). A correction is a new version instead.
      if (meeting.status === 'afholdt' && versionsOf(db, meetingId).some((v) => v.status === 'godkendt')) {
        throw new ServiceError('konflikt', 'Mødet er holdt, og referatet er godkendt. Ret referatet i dets nye version i stedet for at køre mødet igen.', 'meetingId');
      }
      setRun(db, meeting, { phase: 'saet_scenen', currentItemId: null, readbackItemId: null });
      if (meeting.status === 'afholdt') setMeetingStatus(db, meetingId, 'planlagt');
    }
    return meetingDetail(ctx, meetingId);
  },

  'run.goTo': ({ meetingId, phase, itemId }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    refuseIfEnded(meeting);
    const now = ctx.now();
    if (phase === 'punkt' && itemId !== null) {
      const target = requireItem(db, itemId);
      if (target.meetingId !== meetingId) throw new ServiceError('ugyldigt_input', 'Punktet hører til et andet møde.', 'itemId');
      if (meeting.run.currentItemId === itemId) return meetingDetail(ctx, meetingId);
      leaveCurrentItem(db, meeting, now);
      if (target.runState === 'kommende' || target.runState === 'faerdig') changeItem(db, target, { runState: 'igang' });
      setRun(db, meeting, { phase, currentItemId: itemId, readbackItemId: null });
    } else {
      leaveCurrentItem(db, meeting, now);
      setRun(db, meeting, { phase, currentItemId: null, readbackItemId: null });
    }
    return meetingDetail(ctx, meetingId);
  },

  'run.end': ({ meetingId }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    leaveCurrentItem(db, meeting, ctx.now());
    setRun(db, meeting, { phase: 'afsluttet', currentItemId: null, readbackItemId: null });
    setMeetingStatus(db, meetingId, 'afholdt');
    return meetingDetail(ctx, meetingId);
  },

  'run.showConfidential': ({ meetingId, show }, ctx) => {
    const { db } = ctx.archive;
    setRun(db, requireMeeting(db, meetingId), { presenterConfidential: show });
    return meetingDetail(ctx, meetingId);
  },

  'run.timer': ({ itemId, action }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    const now = ctx.now();
    if (action === 'start') return item.timerStartedAt ? item : changeItem(db, item, { timerStartedAt: now.toISOString() });
    if (action === 'pause') return changeItem(db, item, paused(item, now));
    return changeItem(db, item, { timerElapsed: 0, timerStartedAt: null });
  },

  // Every few hundred milliseconds while someone types: the notes alone are written, and the item read once, as stored.
  'run.saveNotes': ({ itemId, notes }, ctx) => {
    const { db } = ctx.archive;
    if (!updateItemNotes(db, itemId, notes)) throw notFound('Punktet', 'itemId');
    return requireItem(db, itemId);
  },

  'run.setProcess': ({ itemId, process }, ctx) =>
    changeItem(ctx.archive.db, requireItem(ctx.archive.db, itemId), { process, roundDone: [], cyclePhase: 0 }),

  'run.tickRound': ({ itemId, personId, done }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    const detail = meetingDetail(ctx, item.meetingId);
    if (!detail.participants.some((p) => p.personId === personId)) throw notFound('Deltageren', 'personId');
    const others = item.roundDone.filter((id) => id !== personId);
    return changeItem(db, item, { roundDone: done ? [...others, personId] : others });
  },

  'run.setCyclePhase': ({ itemId, phase }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    const { cycle } = meetingDetail(ctx, item.meetingId);
    if (phase >= cycle.phases.length) throw new ServiceError('ugyldigt_input', 'Fasen findes ikke i cyklussen.', 'phase');
    return changeItem(db, item, { cyclePhase: phase });
  },

  'run.takeMinutes': ({ itemId, fromItemId, minutes }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    const from = requireItem(db, fromItemId, 'fromItemId');
    if (from.meetingId !== item.meetingId || from.position <= item.position) {
      throw new ServiceError('ugyldigt_input', 'Tiden kan kun tages fra et senere punkt på samme dagsorden.', 'fromItemId');
    }
    if (from.minutes - minutes < 1) {
      throw new ServiceError(
        'ugyldigt_input',
        `${itemNameInMessage(from)} har kun ${from.minutes} minutter. Tag højst ${from.minutes - 1}, så punktet stadig har tid.`,
        'minutes',
      );
    }
    changeItem(db, from, { minutes: from.minutes - minutes });
    changeItem(db, item, { minutes: item.minutes + minutes });
    return meetingDetail(ctx, item.meetingId);
  },

  'run.park': ({ itemId }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    const meeting = requireMeeting(db, item.meetingId);
    changeItem(db, item, { ...paused(item, ctx.now()), runState: 'parkeret' });
    const next = nextMeetingOf(db, meeting.forumId, meeting.startsAt);
    // With no next meeting yet, the item waits and is carried when that meeting is planned.
    if (next) carryParkedItem(ctx, item, next);
    return meetingDetail(ctx, item.meetingId);
  },

  'run.toAction': ({ itemId, what, who, due }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    const meeting = requireMeeting(db, item.meetingId);
    requireDueIfAgreed(db, meeting.forumId, due);
    const now = ctx.now();
    insertAction(db, {
      id: ctx.newId(),
      forumId: meeting.forumId,
      meetingId: meeting.id,
      itemId: item.id,
      term: 'kort',
      what,
      who,
      due,
      status: 'aaben',
      createdAt: now.toISOString(),
      dropReason: null,
      parentActionId: null,
      confidential: item.confidential,
    });
    changeItem(db, item, { ...paused(item, now), runState: 'handling' });
    return meetingDetail(ctx, item.meetingId);
  },

  'run.presenter': ({ meetingId }, ctx) => {
    const meeting = meetingDetail(ctx, meetingId);
    // The projector shows confidential content only when the facilitator has chosen so for the room.
    return presenterView(meeting.run.presenterConfidential ? meeting : sharedMeeting(meeting));
  },

  'checkout.record': ({ meetingId, questionIndex, answer, change }, ctx) => {
    const { db } = ctx.archive;
    requireMeeting(db, meetingId);
    changeTally(db, meetingId, questionIndex, answer, change);
    return checkoutOf(db, meetingId);
  },
};

/**
 * The projector shows only what the room needs, from the meeting it is given: the shared view, or the
 * full meeting when the facilitator chose to show closed items.
 */
export function presenterView(meeting: MeetingDetail): PresenterView {
  const colourOf = (key: string | null) => meeting.forumColours.find((c) => c.key === key) ?? null;
  const current = meeting.items.find((i) => i.id === meeting.run.currentItemId) ?? null;
  const hidden = (item: AgendaItem) => item.confidential && !meeting.run.presenterConfidential;
  const readbackItem = meeting.items.find((i) => i.id === meeting.run.readbackItemId);
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    forumName: meeting.forumName,
    phase: meeting.run.phase,
    purpose: meeting.purpose,
    item: current && {
      position: current.position,
      itemCount: meeting.items.length,
      title: current.title,
      typeLabel: meeting.itemTypes.find((t) => t.key === current.type)?.label ?? current.type,
      colour: colourOf(current.announcedColour),
      minutes: current.minutes,
      timerElapsed: current.timerElapsed,
      timerStartedAt: current.timerStartedAt,
      process: current.process,
      hidden: hidden(current),
      announcedGiven: hidden(current) ? '' : current.announcedGiven,
      announcedOpen: hidden(current) ? '' : current.announcedOpen,
    },
    readback:
      readbackItem?.decision
        ? {
            text: readbackItem.decision.text,
            outcome: readbackItem.decision.outcome,
            colour: colourOf(readbackItem.decision.colour),
            dissent: dissentText(readbackItem.decision.dissents),
          }
        : null,
    colours: meeting.forumColours,
    serverNow: meeting.serverNow,
  };
}
