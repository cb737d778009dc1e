import type { Action, AgendaItem, MeetingDetail, OpenAction } from '../../../shared/api/types';

/** What a reader without the confidential right sees in place of a confidential item's title. */
export const CLOSED_ITEM_TITLE = 'Lukket punkt';

/**
 * How a message names an item. Messages reach the facilitator's screen, which the room may see on the
 * projector, so a confidential item is named only as «Lukket punkt».
 */
export function itemNameInMessage(item: Pick<AgendaItem, 'title' | 'confidential'>): string {
  return `«${item.confidential ? CLOSED_ITEM_TITLE : item.title}»`;
}

/** Actions a reader may see: none that came from a confidential item, wherever they stand now. */
export function sharedActions<A extends Pick<Action, 'confidential'>>(actions: readonly A[]): A[] {
  return actions.filter((action) => !action.confidential);
}

/**
 * A confidential item as a placeholder: its place, type and time on the agenda (the room must know the
 * time is taken), nothing it says or where it leads.
 */
function closedItem(item: AgendaItem): AgendaItem {
  return {
    ...item,
    title: CLOSED_ITEM_TITLE,
    owner: '',
    background: '',
    announcedGiven: '',
    announcedOpen: '',
    notes: '',
    announcedColour: null,
    forvarselNote: '',
    consentBy: '',
    roundDone: [],
    fromListening: null,
    decision: null,
    actions: [],
    sag: null,
  };
}

/** The meeting (live, or as an approved referat froze it) as a reader without the confidential right may see it. */
export function sharedMeeting<M extends Pick<MeetingDetail, 'otherActions' | 'items'> & { followUp: OpenAction[] }>(meeting: M): M {
  return {
    ...meeting,
    followUp: sharedActions(meeting.followUp),
    // «Udført siden sidst» is on the live meeting only (an approved referat's snapshot never held it).
    ...('doneSinceLast' in meeting ? { doneSinceLast: sharedActions((meeting as Pick<MeetingDetail, 'doneSinceLast'>).doneSinceLast) } : {}),
    otherActions: sharedActions(meeting.otherActions),
    items: meeting.items.map((item) => (item.confidential ? closedItem(item) : { ...item, actions: sharedActions(item.actions) })),
  };
}
