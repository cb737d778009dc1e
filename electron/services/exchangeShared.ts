import type { ExchangeContent } from '../archive/queries/exchange';
import type { ServiceContext } from './context';
import { meetingDetail } from './meetings';
import { sharedMeeting } from './redaction';

type ExchangeMeeting = ExchangeContent['meetings'][number];

/**
 * A meeting's exchange file for sharing, built from the meeting's shared view: only the items and actions
 * the view keeps go into it. Closed items are left out rather than written as placeholders, and so are
 * the referat's locked versions (each holds the whole meeting as it was approved): a file read back into
 * the archive it came from must never overwrite the full content with less.
 */
export function sharedExchange(ctx: ServiceContext, content: ExchangeContent): ExchangeContent {
  const meetings = content.meetings.map((meeting) => sharedExchangeMeeting(ctx, meeting));
  const sagIds = new Set(meetings.flatMap((m) => m.items.flatMap((item) => (item.sagId === null ? [] : [item.sagId]))));
  // A meeting's file carries no lyttemøde series; said here too, so the file for sharing never can.
  return { ...content, meetings, sager: content.sager.filter((sag) => sagIds.has(sag.id)), listeningSeries: [] };
}

function sharedExchangeMeeting(ctx: ServiceContext, meeting: ExchangeMeeting): ExchangeMeeting {
  const shared = sharedMeeting(meetingDetail(ctx, meeting.id));
  const itemIds = new Set(shared.items.filter((item) => !item.confidential).map((item) => item.id));
  const actionIds = new Set([...shared.items.flatMap((item) => item.actions), ...shared.otherActions].map((action) => action.id));
  const kept = (id: string | null) => (id !== null && itemIds.has(id) ? id : null);
  return {
    ...meeting,
    run: { ...meeting.run, currentItemId: kept(meeting.run.currentItemId), readbackItemId: kept(meeting.run.readbackItemId) },
    items: meeting.items.filter((item) => itemIds.has(item.id)),
    actions: meeting.actions.filter((action) => actionIds.has(action.id)),
    referat: [],
  };
}
