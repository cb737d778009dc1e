import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { KEPT_WORDS, keptKey, parseKeptEntry, type KeptEntry } from '../../shared/sync/keptWords';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { ITEMS } from './codec/meetingRecords';
import type { Values } from './records';
import { unionText } from './textUnion';

/**
 * Another laptop opened an item while this one, offline, still wrote in it as a closed item. Its words went into
 * the fortroligt document's record of the item, which the opening removed, so they are in neither document, and the
 * projection replaced them in the row with what the opening shared. Putting them into the open item would share
 * with læsere what was written for members only, by a choice made without seeing them. So they are noted before the
 * remote update (ownWords.ts, `closed`) and kept after its projection in the fortroligt document (KEPT_WORDS), where
 * every member sees them and may put them into the item (which shares them, as any edit of an open item does) or
 * discard them. Only the words the open item does not hold already are kept.
 */

type Row = Record<string, Values[string]>;

/**
 * The item's fields whose words are kept, by their name in the documents: what a member types. A closed item's other
 * fields (its clock, round, minutes) changed offline follow the opening; they are nobody's words.
 */
export const TYPED_FIELDS: readonly string[] = ['title', 'owner', 'background', 'announcedGiven', 'announcedOpen', 'notes', 'forvarselNote'];

const itemRow = (db: SqliteDb, itemId: string) => statement(db, 'SELECT * FROM main.agenda_item WHERE id = ?').get(itemId) as Row | undefined;

/** Whether the item's field already holds the word: the same value, or a text holding every word of it. */
function holds(kind: 'skalar' | 'tekst', current: Values[string], word: Values[string]): boolean {
  if (kind === 'skalar') return current === word;
  const text = String(current ?? '');
  return unionText(text, String(word ?? '')) === text;
}

/**
 * After a projection: the noted words of items another laptop opened, as far as the open item lacks them, by item.
 * An item still closed with its record in the fortroligt document took them as usual, and an item removed took them
 * with it: both leave `words`. A closed item whose record left the fortroligt document is between its two documents
 * (the opening's meeting half not here yet): its words wait in `words` for the next update.
 */
export function wordsToKeep(db: SqliteDb, words: Map<string, Values>, closedHeld: (itemId: string) => boolean): Map<string, Values> {
  const keep = new Map<string, Values>();
  for (const [itemId, values] of words) {
    const row = itemRow(db, itemId);
    if (row?.['confidential'] === 1 && !closedHeld(itemId)) continue;
    words.delete(itemId);
    if (row?.['confidential'] !== 0) continue;
    const missing: Values = {};
    for (const f of ITEMS.fields) {
      if (TYPED_FIELDS.includes(f.field) && f.field in values && !holds(f.kind, row[f.column] ?? null, values[f.field] ?? null)) missing[f.field] = values[f.field] ?? null;
    }
    if (Object.keys(missing).length > 0) keep.set(itemId, missing);
  }
  return keep;
}

/** Writes the words as a new entry of the fortroligt document (a copy, inside the caller's transaction). */
export function keepWords(confidential: Y.Doc, itemId: string, words: Values, hvem: string | null, tid: string): void {
  const entry: KeptEntry = { itemId, hvem, tid, ord: words };
  confidential.getMap(KEPT_WORDS).set(keptKey(itemId, randomUUID()), entry);
}

/** The entries the fortroligt document holds, by key. */
export function keptEntries(confidential: Y.Doc): Map<string, KeptEntry> {
  const entries = new Map<string, KeptEntry>();
  for (const [key, value] of confidential.getMap(KEPT_WORDS)) {
    const entry = parseKeptEntry(value);
    if (entry) entries.set(key, entry);
  }
  return entries;
}

/** The columns an entry's words give the item's row: a text by word union with what the item holds now, a value as kept. */
export function wordsPutIn(row: Row, entry: KeptEntry): Row {
  const columns: Row = {};
  for (const f of ITEMS.fields) {
    const word = entry.ord[f.field];
    if (word === undefined || !TYPED_FIELDS.includes(f.field) || !f.check(word)) continue;
    columns[f.column] = f.kind === 'tekst' ? unionText(String(row[f.column] ?? ''), String(word ?? '')) : word;
  }
  return columns;
}

/**
 * Inside a write, before the mirror: a member put an entry's words into its item, or discarded them. The entry leaves
 * the fortroligt document as the write ends (`settleKept`); the meeting is noted touched, so the mirror runs for it.
 */
export function noteKeptSettled(db: SqliteDb, place: { forumId: string; meetingId: string }, key: string): void {
  statement(db, 'INSERT OR IGNORE INTO temp.sync_kept_settled (key) VALUES (?)').run(key);
  statement(db, "INSERT OR IGNORE INTO temp.sync_touched (kind, id, forum_id) VALUES ('moede', ?, ?)").run(place.meetingId, place.forumId);
}

/** In the mirror of a meeting: the entries settled by the write, and those of items it removed, leave the fortroligt document. */
export function settleKept(db: SqliteDb, confidential: Y.Doc, removedItems: ReadonlySet<string>): void {
  const settled = new Set(statement(db, 'SELECT key FROM temp.sync_kept_settled').pluck().all() as string[]);
  const map = confidential.getMap(KEPT_WORDS);
  for (const [key, entry] of keptEntries(confidential)) if (settled.has(key) || removedItems.has(entry.itemId)) map.delete(key);
}

/** After the write's mirror: what it settled is done. */
export function forgetKeptSettled(db: SqliteDb): void {
  statement(db, 'DELETE FROM temp.sync_kept_settled').run();
}
