// Carrying a parked item forward is shared by closing a meeting (run) and planning the next one (meetings);
// it lives apart from both so neither service has to import the other.
import type { AgendaItem } from '../../shared/api/types';
import { insertItem, nextItemPosition } from '../archive/queries/items';
import type { MeetingRecord } from '../archive/queries/meetings';
import { setItemSag } from '../archive/queries/sager';
import type { ServiceContext } from './context';

/** Puts a copy of a parked item on the next meeting's agenda, linked back to where it came from and in its sag. */
export function carryParkedItem(ctx: ServiceContext, item: AgendaItem, next: MeetingRecord): void {
  const { db } = ctx.archive;
  const id = ctx.newId();
  insertItem(db, {
    id,
    meetingId: next.id,
    position: nextItemPosition(db, next.id),
    title: item.title,
    type: item.type,
    minutes: item.minutes,
    announcedColour: item.announcedColour,
    owner: item.owner,
    background: item.background,
    // The frame announced for the matter still holds when it is taken up again.
    announcedGiven: item.announcedGiven,
    announcedOpen: item.announcedOpen,
    confidential: item.confidential,
    sensitive: item.sensitive,
    addedLate: next.agendaSentAt !== null,
    carriedFromItemId: item.id,
  });
  // The matter goes on at the next meeting, so the copy stays on the sag's timeline.
  if (item.sag) setItemSag(db, id, item.sag.id);
}
