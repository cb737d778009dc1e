import type { AgendaItem, FollowUpAction, MeetingDetail } from '../../../shared/api/types';
import { runText as t } from '../../text/run';

/** An item as the run screen shows it. */
export interface ScreenItem extends AgendaItem {
  /** A closed item while the screen may be on the projector: none of its content is in here. */
  masked: boolean;
}

/** The meeting as the run screen shows it; every part of the run screen reads this, never the stored meeting. */
export interface ScreenMeeting extends MeetingDetail {
  items: ScreenItem[];
}

export interface Masking {
  projectorSafe: boolean;
  /** The closed item the facilitator chose to show; it counts only while it is the current item. */
  revealedItemId: string | null;
}

/** Why the mode is on or off, so the facilitator can see it was not a guess they cannot override. */
export type ProjectorSafeReason = 'valgt' | 'en_skaerm' | 'to_skaerme';

/** The one place that decides what of a closed item reaches the run screen. */
export function screenView(meeting: MeetingDetail, masking: Masking): ScreenMeeting {
  const { phase, currentItemId } = meeting.run;
  const revealed = phase === 'punkt' && masking.revealedItemId === currentItemId ? currentItemId : null;
  return {
    ...meeting,
    items: meeting.items.map((item) =>
      masking.projectorSafe && item.confidential && item.id !== revealed ? maskItem(item) : { ...item, masked: false },
    ),
    followUp: masking.projectorSafe ? meeting.followUp.map(maskFollowUp) : meeting.followUp,
    doneSinceLast: masking.projectorSafe ? meeting.doneSinceLast.map(maskFollowUp) : meeting.doneSinceLast,
  };
}

/**
 * Field by field rather than a spread with overrides: a content field added to AgendaItem later
 * must be decided on here (the compiler asks), not leak by default.
 */
function maskItem(item: AgendaItem): ScreenItem {
  return {
    id: item.id,
    meetingId: item.meetingId,
    position: item.position,
    title: t.maskedTitle,
    type: item.type,
    minutes: item.minutes,
    announcedColour: item.announcedColour,
    owner: '',
    background: '',
    announcedGiven: '',
    announcedOpen: '',
    confidential: true,
    sensitive: item.sensitive,
    forvarselAt: null,
    forvarselNote: '',
    addedLate: item.addedLate,
    consentBy: '',
    consentAt: null,
    notes: '',
    process: item.process,
    roundDone: item.roundDone,
    cyclePhase: item.cyclePhase,
    timerElapsed: item.timerElapsed,
    timerStartedAt: item.timerStartedAt,
    runState: item.runState,
    carriedFromItemId: null,
    fromListening: null,
    decision: null,
    actions: [],
    sag: null,
    masked: true,
  };
}

/**
 * An action agreed under a closed item (also one since removed or split) is only a numbered line here:
 * what, who, why it was dropped and its notes are the item's content.
 */
function maskFollowUp(action: FollowUpAction): FollowUpAction {
  if (!action.confidential) return action;
  return { ...action, what: t.maskedTitle, who: '', itemTitle: t.maskedTitle, dropReason: null, history: [] };
}
