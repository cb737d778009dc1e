import type { KeptWords } from '../../shared/api/methods/keptWords';
import { keptKey, type KeptEntry } from '../../shared/sync/keptWords';
import { noteChange } from '../archive/changes';
import type { SqliteDb } from '../archive/open';
import { itemPlace, personNames } from '../archive/queries/comments';
import { statement } from '../archive/statements';
import { ITEMS } from '../sync/codec/meetingRecords';
import { READ_ONLY_MESSAGE } from '../sync/core';
import { keptEntries, noteKeptSettled, wordsPutIn } from '../sync/openedWords';
import { storedMeetingDocuments } from '../sync/storedDocuments';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { meIn, readsOnly } from './me';
import { requireMeeting } from './meetings';

/**
 * Words a member typed, offline, in a closed item that another laptop opened meanwhile, kept in the meeting's
 * fortroligt document (electron/sync/openedWords.ts). A læser's laptop never holds that document, so it reads none.
 * Putting them in writes the item's row like any edit (the mirror shares them, since the item is open, or keeps them
 * for the members, if it was closed again); putting them in and discarding both take the entry away.
 */

const LABELS: Readonly<Record<string, string>> = {
  title: 'Titel',
  owner: 'Ansvarlig',
  background: 'Baggrund',
  announcedGiven: 'Det givne',
  announcedOpen: 'Det, der er til diskussion',
  notes: 'Noter',
  forvarselNote: 'Noten om forvarslet',
};

interface Place {
  forumId: string;
  meetingId: string;
}

/** The meeting's kept entries, by key, when this laptop holds the members' document of a shared forum. */
function entriesOf(db: SqliteDb, place: Place): Map<string, KeptEntry> {
  if (!meIn(db, place.forumId).shared || readsOnly(db, place.forumId)) return new Map();
  const [, confidential] = storedMeetingDocuments(db, place.forumId, place.meetingId);
  return confidential ? keptEntries(confidential) : new Map();
}

function keptWordsOf(db: SqliteDb, place: Place, settled?: string): KeptWords[] {
  const items = statement(db, 'SELECT id FROM main.agenda_item WHERE meeting_id = ? ORDER BY position').pluck().all(place.meetingId) as string[];
  const entries = [...entriesOf(db, place)].filter(([key, entry]) => key !== settled && items.includes(entry.itemId));
  const names = personNames(db, entries.flatMap(([, e]) => (e.hvem === null ? [] : [e.hvem])));
  return entries
    .sort(([, a], [, b]) => items.indexOf(a.itemId) - items.indexOf(b.itemId) || a.tid.localeCompare(b.tid))
    .map(([key, entry]) => ({
      itemId: entry.itemId,
      keptId: key.slice(entry.itemId.length + 1),
      personName: entry.hvem === null ? null : (names.get(entry.hvem) ?? null),
      at: entry.tid,
      fields: ITEMS.fields.flatMap((f) => {
        const words = entry.ord[f.field];
        const label = LABELS[f.field];
        return words === undefined || words === null || label === undefined ? [] : [{ field: f.field, label, words: String(words) }];
      }),
    }))
    .filter((kept) => kept.fields.length > 0);
}

/** The entry the input names, with its place; refused for a læser, whose laptop would never hold it. */
function requireKept(db: SqliteDb, itemId: string, keptId: string): { place: Place; key: string; entry: KeptEntry } {
  const place = itemPlace(db, itemId);
  if (!place) throw notFound('Punktet', 'itemId');
  if (readsOnly(db, place.forumId)) throw new ServiceError('konflikt', READ_ONLY_MESSAGE);
  const key = keptKey(itemId, keptId);
  const entry = entriesOf(db, place).get(key);
  if (!entry) throw new ServiceError('ikke_fundet', 'Ordene findes ikke længere. En anden har måske allerede sat dem ind eller kasseret dem.', 'keptId');
  return { place, key, entry };
}

export const keptWordsHandlers: Handlers<'agenda.keptWords' | 'agenda.useKeptWords' | 'agenda.discardKeptWords'> = {
  'agenda.keptWords': ({ meetingId }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    return keptWordsOf(db, { forumId: meeting.forumId, meetingId });
  },
  'agenda.useKeptWords': ({ itemId, keptId }, ctx) => {
    const { db } = ctx.archive;
    const { place, key, entry } = requireKept(db, itemId, keptId);
    const row = statement(db, 'SELECT * FROM main.agenda_item WHERE id = ?').get(itemId) as Record<string, string | number | null>;
    const columns = Object.entries(wordsPutIn(row, entry)).filter(([column, value]) => row[column] !== value);
    if (columns.length > 0) {
      const sets = columns.map(([column]) => `"${column}" = ?`).join(', ');
      statement(db, `UPDATE main.agenda_item SET ${sets} WHERE id = ?`).run(...columns.map(([, value]) => value), itemId);
    }
    noteKeptSettled(db, place, key);
    noteChange(db, 'agenda', place.meetingId);
    return keptWordsOf(db, place, key);
  },
  'agenda.discardKeptWords': ({ itemId, keptId }, ctx) => {
    const { db } = ctx.archive;
    const { place, key } = requireKept(db, itemId, keptId);
    noteKeptSettled(db, place, key);
    noteChange(db, 'agenda', place.meetingId);
    return keptWordsOf(db, place, key);
  },
};
