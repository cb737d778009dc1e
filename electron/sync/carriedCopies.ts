import type { SqliteDb } from '../archive/open';
import { closeCarriedCopies } from '../archive/queries/items';
import { statement } from '../archive/statements';

/**
 * Closing a matter closes it on the later agendas it was carried to (agenda.updateItem). A laptop that closes an item
 * cannot close a copy another laptop made meanwhile (the item parked there at the same time, or offline): the copy
 * would stay open, and every læser would read what the closed item said. So the laptop that hears of the closing and
 * holds such a copy open closes it, as the closing laptop would have. Plain SQL; the caller holds the transaction.
 */

/** The meeting's closed items, before a remote update changes them. */
export function closedItemsOf(db: SqliteDb, meetingId: string): Set<string> {
  return new Set(statement(db, 'SELECT id FROM agenda_item WHERE meeting_id = ? AND confidential = 1').pluck().all(meetingId) as string[]);
}

/**
 * Closes the open carried copies of the meeting's items that are closed now and were not before; returns the meetings
 * of the copies it closed (their documents are to be mirrored).
 */
export function closeCopiesOfClosed(db: SqliteDb, meetingId: string, closedBefore: ReadonlySet<string>): string[] {
  const closedNow = [...closedItemsOf(db, meetingId)].filter((id) => !closedBefore.has(id));
  return [...new Set(closedNow.flatMap((id) => closeCarriedCopies(db, id)))];
}
