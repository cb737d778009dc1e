import { isBuiltInItemType } from '../../shared/domain/items';
import type { AgendaItem } from '../../shared/api/types';
import type { SqliteDb } from '../archive/open';
import {
  closeCarriedCopies,
  confirmForvarsel,
  deleteItem,
  findItem,
  insertItem,
  itemsOfMeeting,
  nextItemPosition,
  recordConsent,
  reorderItems,
  updateItem,
} from '../archive/queries/items';
import { addersOfMeeting, giveConsent, withdrawConsent } from '../archive/queries/consents';
import { allItemTypes, customItemTypes, insertItemType } from '../archive/queries/itemTypes';
import { checkConsent, meetingConsents, refuseOnBehalfInSharedForum } from './consentRules';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { meetingDetail, requireMeeting } from './meetings';
import { forumSelf } from './forumSelf';
import { dissolveIfAlone, renameIfNamedAfter } from './sager';

function requireItemType(db: SqliteDb, type: string): void {
  if (!isBuiltInItemType(type) && !customItemTypes(db).some((t) => t.key === type)) {
    throw new ServiceError('ugyldigt_input', 'Vælg en punkttype fra listen.', 'type');
  }
}

function requireItem(db: SqliteDb, itemId: string): AgendaItem {
  const item = findItem(db, itemId);
  if (!item) throw notFound('Punktet', 'itemId');
  return item;
}

/** A readable, stable key for a user type: "Høring i MED" → "hoering_i_med". */
function keyFor(label: string): string {
  const folded = label
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32);
  return folded === '' ? 'type' : folded;
}

export const agendaHandlers: Handlers<
  | 'agenda.addItem'
  | 'agenda.updateItem'
  | 'agenda.moveItem'
  | 'agenda.removeItem'
  | 'agenda.confirmForvarsel'
  | 'agenda.recordConsent'
  | 'agenda.consents'
  | 'agenda.consent'
  | 'itemTypes.list'
  | 'itemTypes.create'
> = {
  'agenda.addItem': ({ meetingId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    const meeting = requireMeeting(db, meetingId);
    requireItemType(db, fields.type);
    const id = ctx.newId();
    // An item put on after the agenda went out needs the co-owners' consent: no "bomber". In a shared forum the
    // laptop knows who put it on, and the others are the ones asked.
    const addedBy = forumSelf(db, meeting.forumId)?.personId ?? null;
    insertItem(db, { id, meetingId, position: nextItemPosition(db, meetingId), addedLate: meeting.agendaSentAt !== null, addedBy, ...fields });
    return requireItem(db, id);
  },

  'agenda.updateItem': ({ itemId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    const before = requireItem(db, itemId);
    requireItemType(db, fields.type);
    updateItem(db, itemId, fields);
    // Closing a matter closes it on the later agendas it was carried to; opening one is chosen item by item.
    if (fields.confidential && !before.confidential) closeCarriedCopies(db, itemId);
    // A sag is never named after a confidential title, also when its item is closed later, nor after a title its
    // item had before: closing the item would leave that one standing.
    if (before.sag && (fields.confidential || fields.title !== before.title)) {
      renameIfNamedAfter(db, before.sag.id, before.title);
      if (fields.confidential) renameIfNamedAfter(db, before.sag.id, fields.title);
    }
    return requireItem(db, itemId);
  },

  'agenda.moveItem': ({ itemId, toPosition }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    const order = itemsOfMeeting(db, item.meetingId)
      .map((i) => i.id)
      .filter((id) => id !== itemId);
    order.splice(Math.min(toPosition, order.length + 1) - 1, 0, itemId);
    reorderItems(db, item.meetingId, order);
    return meetingDetail(ctx, item.meetingId);
  },

  'agenda.removeItem': ({ itemId }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    if (item.decision) {
      throw new ServiceError('konflikt', 'Punktet har en registreret beslutning og kan ikke fjernes fra dagsordenen.', 'itemId');
    }
    deleteItem(db, itemId);
    if (item.sag) dissolveIfAlone(db, item.sag.id);
    // Close the gap so the numbers on the agenda stay 1, 2, 3 …
    reorderItems(
      db,
      item.meetingId,
      itemsOfMeeting(db, item.meetingId).map((i) => i.id),
    );
    return meetingDetail(ctx, item.meetingId);
  },

  'agenda.confirmForvarsel': ({ itemId, note }, ctx) => {
    const { db } = ctx.archive;
    refuseOnBehalfInSharedForum(db, requireMeeting(db, requireItem(db, itemId).meetingId).forumId);
    confirmForvarsel(db, itemId, note, ctx.now().toISOString());
    return requireItem(db, itemId);
  },

  'agenda.recordConsent': ({ itemId, consentBy }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    refuseOnBehalfInSharedForum(db, requireMeeting(db, item.meetingId).forumId);
    if (!item.addedLate) {
      throw new ServiceError('ugyldigt_input', 'Punktet stod på dagsordenen, da den blev sendt ud, og kræver ikke samtykke.', 'itemId');
    }
    recordConsent(db, itemId, consentBy, ctx.now().toISOString());
    return requireItem(db, itemId);
  },

  'agenda.consents': ({ meetingId }, ctx) => {
    requireMeeting(ctx.archive.db, meetingId);
    return meetingConsents(ctx.archive.db, meetingId);
  },

  'agenda.consent': ({ itemId, kind, personId, given }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId);
    // Withdrawing is as much one's own as giving: the same rules say whose consent it is.
    checkConsent(db, { ...item, addedBy: addersOfMeeting(db, item.meetingId).get(itemId) ?? null }, { itemId, kind, personId });
    if (given) giveConsent(db, itemId, kind, personId, ctx.now().toISOString());
    else withdrawConsent(db, itemId, kind, personId);
    return meetingConsents(db, item.meetingId);
  },

  'itemTypes.list': (_input, ctx) => allItemTypes(ctx.archive.db),

  'itemTypes.create': ({ label }, ctx) => {
    const { db } = ctx.archive;
    const existing = allItemTypes(db);
    if (existing.some((t) => t.label.localeCompare(label, 'da', { sensitivity: 'accent' }) === 0)) {
      throw new ServiceError('konflikt', `Punkttypen «${label}» findes allerede.`, 'label');
    }
    const base = keyFor(label);
    let key = base;
    for (let n = 2; existing.some((t) => t.key === key); n += 1) key = `${base}_${n}`;
    insertItemType(db, key, label, ctx.now().toISOString());
    return { key, label, builtIn: false };
  },
};
