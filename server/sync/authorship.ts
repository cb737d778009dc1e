import * as Y from 'yjs';
import {
  COMMENT_AUTHOR_FIELD,
  COMMENT_OTHERS_FIELDS,
  COMMENT_RECORDS,
  HISTORY_MAP,
  HISTORY_WHO_FIELD,
  ITEM_ADDER_FIELD,
  ITEM_RECORDS,
} from '../../shared/sync/personKeys';
import { createMoves, type Moves } from './moves';

/**
 * Who a change says did something, besides approvals and consents (namedPerson.ts): the author of a comment
 * it adds, changes or removes, whom it says put an item on, and whom its new history entries name. Each must
 * be the writer (shared/sync/personKeys.ts lists the fields). What someone else may do to these records stays
 * open: mark another's question answered, remove an item with its comments, move an item's comments and its
 * adder into the other document when the item becomes (or stops being) confidential, trim old history.
 */

/** One entry an update changed: added, replaced or removed as a whole, or some of its fields. */
export interface Touched {
  recordType: string;
  key: string;
  whole: boolean;
  fields: ReadonlySet<string>;
}

/** The meeting's other document and the entries that just left it (moves.ts), for entries moving between them. */
export interface Surroundings {
  /** The meeting document for a fortroligt document, and the other way round, when this server holds it. */
  sibling: Y.Doc | null;
  moves: Moves;
  /** Both documents' meeting, as `<forumId>/<meetingId>`. */
  meeting: string;
}

export const ALONE: Surroundings = { sibling: null, moves: createMoves(), meeting: '' };

const CONFIDENTIAL_FIELD = 'confidential';
const ORDER_FIELD = 'orden';

interface CommentBefore {
  author: string | null;
  itemId: string;
  print: string;
}

/** What the document said before the update, of what the update may take away. */
export interface AuthorshipBefore {
  comments: Map<string, CommentBefore>;
  /** Item id → who put it on (null: nobody said). */
  adders: Map<string, string | null>;
}

/** Read before every update; a meeting holds a few dozen items and comments. */
export function authorshipBefore(doc: Y.Doc): AuthorshipBefore {
  const comments = new Map<string, CommentBefore>();
  for (const [key, record] of doc.getMap(COMMENT_RECORDS)) {
    if (!(record instanceof Y.Map)) continue;
    const itemId = record.get('itemId');
    comments.set(key, { author: personIn(record, COMMENT_AUTHOR_FIELD), itemId: typeof itemId === 'string' ? itemId : '', print: commentPrint(record) });
  }
  const adders = new Map<string, string | null>();
  for (const [key, record] of doc.getMap(ITEM_RECORDS)) if (record instanceof Y.Map) adders.set(key, personIn(record, ITEM_ADDER_FIELD));
  return { comments, adders };
}

/** The persons a change to a comment or an item speaks for. `moved`: the items whose place this update changed. */
export function authorsNamed(doc: Y.Doc, entry: Touched, before: AuthorshipBefore, moved: ReadonlySet<string>, around: Surroundings): string[] {
  return entry.recordType === COMMENT_RECORDS ? commentAuthors(doc, entry, before, moved, around) : itemAdders(doc, entry, before, moved, around);
}

function commentAuthors(doc: Y.Doc, entry: Touched, before: AuthorshipBefore, moved: ReadonlySet<string>, around: Surroundings): string[] {
  const was = before.comments.get(entry.key);
  const record = doc.getMap(COMMENT_RECORDS).get(entry.key);
  const moveKey = `${COMMENT_RECORDS}/${entry.key}`;
  if (!(record instanceof Y.Map)) {
    if (was === undefined) return [];
    if (!leftWithItem(doc, was.itemId, moved)) return [was.author ?? ''];
    around.moves.left(around.meeting, moveKey, was.print);
    return [];
  }
  const author = personIn(record, COMMENT_AUTHOR_FIELD) ?? '';
  if (was === undefined) {
    const itemId = record.get('itemId');
    const print = commentPrint(record);
    const sibling = around.sibling?.getMap(COMMENT_RECORDS).get(entry.key);
    const arrived = typeof itemId === 'string' && moved.has(itemId) && ((sibling instanceof Y.Map && commentPrint(sibling) === print) || around.moves.arrived(around.meeting, moveKey, print));
    return arrived ? [] : [author];
  }
  const othersMay = !entry.whole && author === was.author && [...entry.fields].every((field) => COMMENT_OTHERS_FIELDS.includes(field));
  return othersMay ? [] : [was.author ?? '', author];
}

function itemAdders(doc: Y.Doc, entry: Touched, before: AuthorshipBefore, moved: ReadonlySet<string>, around: Surroundings): string[] {
  const was = before.adders.get(entry.key);
  const record = doc.getMap(ITEM_RECORDS).get(entry.key);
  const adder = record instanceof Y.Map ? record.get(ITEM_ADDER_FIELD) : undefined;
  const moveKey = `${ITEM_RECORDS}/${entry.key}`;
  // Removing an item, or who put it on, is for anyone who may change the agenda; it may be moving to the other document.
  if (adder === undefined || adder === null) {
    if (typeof was === 'string') around.moves.left(around.meeting, moveKey, was);
    return [];
  }
  if (adder === was) return [];
  if (typeof adder !== 'string') return [''];
  const sibling = around.sibling?.getMap(ITEM_RECORDS).get(entry.key);
  const arrived = moved.has(entry.key) && ((sibling instanceof Y.Map && sibling.get(ITEM_ADDER_FIELD) === adder) || around.moves.arrived(around.meeting, moveKey, adder));
  if (arrived) return [];
  // Who put an existing item on is not for anyone to change: it speaks for them too.
  return typeof was === 'string' ? [was, adder] : [adder];
}

/**
 * An entry that leaves with its item speaks for nobody: the item was removed, or this update made it
 * confidential (the meeting document keeps only a placeholder) or open again (it leaves the fortroligt document).
 */
export function leftWithItem(doc: Y.Doc, itemId: string, moved: ReadonlySet<string>): boolean {
  if (!moved.has(itemId)) return false;
  const item = doc.getMap(ITEM_RECORDS).get(itemId);
  return !(item instanceof Y.Map) || item.get(CONFIDENTIAL_FIELD) === 1;
}

/** Whom the history entries this transaction added to one record's history name (null: a laptop that did not know). */
export function stampsAdded(doc: Y.Doc, key: string, transaction: Y.Transaction): (string | null)[] {
  const list = doc.getMap(HISTORY_MAP).get(key);
  if (!(list instanceof Y.Array)) return [];
  const who: (string | null)[] = [];
  for (let item = list._start; item !== null; item = item.right) {
    if (item.deleted || item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)) continue;
    for (const value of item.content.getContent()) {
      const named: unknown = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[HISTORY_WHO_FIELD] : null;
      who.push(typeof named === 'string' ? named : null);
    }
  }
  return who;
}

function personIn(record: Y.Map<unknown>, field: string): string | null {
  const value = record.get(field);
  return typeof value === 'string' ? value : null;
}

/** A comment as its author wrote it: every field but whether it was answered (and an order key, if any). */
function commentPrint(record: Y.Map<unknown>): string {
  const fields = [...record.entries()]
    .filter(([field]) => field !== ORDER_FIELD && !COMMENT_OTHERS_FIELDS.includes(field))
    .map(([field, value]) => [field, value instanceof Y.Text ? value.toString() : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(fields);
}
