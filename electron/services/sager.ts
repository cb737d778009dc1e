import { SAG_CANDIDATES_MAX, type SagEntry, type SagTimeline } from '../../shared/api/methods/sager';
import type { ItemSag } from '../../shared/api/types';
import type { ColourDefinition } from '../../shared/domain/colours';
import { sagSteps } from '../../shared/domain/sager';
import type { SqliteDb } from '../archive/open';
import { actionsForItems, notesOfActions } from '../archive/queries/actions';
import { forumColours } from '../archive/queries/forums';
import {
  containsPattern,
  deleteSag,
  findSag,
  insertSag,
  moveSagItems,
  renameSag,
  sagCandidates,
  sagItemCount,
  sagItemPlace,
  sagItems,
  setItemSag,
  type SagItemPlace,
} from '../archive/queries/sager';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { itemNameInMessage, sagTitleFor, sharedCandidates, sharedSagTimeline } from './redaction';
import { localMinute } from './time';

/**
 * Sager: an item linked to earlier items on the same matter, across meetings and forums. A sag always
 * has at least two items when made here; one left alone is dissolved, so "part of a sag" always means
 * there is a journey to show. (An import may bring a sag with one item of it, the rest of it still in
 * another forum's file; it is kept, so the sag is whole again when that file is read too.)
 */
export const sagHandlers: Handlers<'sager.candidates' | 'sager.link' | 'sager.unlink' | 'sager.rename' | 'sager.get'> = {
  'sager.candidates': ({ itemId, text, includeConfidential }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId, 'itemId');
    const typed = text.trim();
    const candidates = sagCandidates(db, {
      meetingId: item.meetingId,
      startsAt: item.startsAt,
      sagId: item.sagId,
      pattern: typed === '' ? null : containsPattern(typed),
      limit: SAG_CANDIDATES_MAX,
    });
    return includeConfidential ? candidates : sharedCandidates(candidates, typed !== '');
  },

  /**
   * The item joins the earlier item's sag, or the two start one named after the earlier item (never after
   * a confidential title: then after the item, or neutrally when both are confidential). When the
   * item is already in another sag, the two sager are merged into the earlier item's: finding out late
   * that two threads are one matter is common, and refusing would only make the user take the items
   * out one by one and link them again. Any item can still be taken out afterwards.
   */
  'sager.link': ({ itemId, earlierItemId }, ctx) => {
    const { db } = ctx.archive;
    if (itemId === earlierItemId) {
      throw new ServiceError('ugyldigt_input', 'Et punkt kan ikke knyttes til sig selv. Vælg et punkt fra et tidligere møde.', 'earlierItemId');
    }
    const item = requireItem(db, itemId, 'itemId');
    const earlier = requireItem(db, earlierItemId, 'earlierItemId');
    refuseUnlessEarlier(item, earlier);
    let target = earlier.sagId ?? item.sagId;
    if (target === null) {
      target = ctx.newId();
      insertSag(db, { id: target, title: sagTitleFor([earlier, item]), createdAt: ctx.now().toISOString() });
    }
    let mergedFrom: string | null = null;
    if (item.sagId !== null && item.sagId !== target) {
      mergedFrom = findSag(db, item.sagId)?.title ?? null;
      moveSagItems(db, item.sagId, target);
      deleteSag(db, item.sagId);
    }
    setItemSag(db, earlier.id, target);
    setItemSag(db, item.id, target);
    return { sag: requireSag(db, target), mergedFrom };
  },

  'sager.unlink': ({ itemId }, ctx) => {
    const { db } = ctx.archive;
    const item = requireItem(db, itemId, 'itemId');
    if (item.sagId === null) throw new ServiceError('konflikt', 'Punktet er ikke knyttet til nogen sag.', 'itemId');
    setItemSag(db, item.id, null);
    return { dissolved: dissolveIfAlone(db, item.sagId) };
  },

  'sager.rename': ({ sagId, title }, ctx) => {
    const { db } = ctx.archive;
    requireSag(db, sagId);
    renameSag(db, sagId, title);
    return requireSag(db, sagId);
  },

  'sager.get': ({ sagId, includeConfidential }, ctx) => {
    const full = sagTimeline(ctx.archive.db, sagId, localMinute(ctx.now()));
    return includeConfidential ? full : sharedSagTimeline(full);
  },
};

/**
 * A sag named after an item that has just been renamed or closed is named again, by the same rule as a new sag:
 * after its earliest open item, or neutrally. So it never keeps a title its item no longer has, which would outlive
 * the item's closing. A name the users chose themselves is left as it is.
 */
export function renameIfNamedAfter(db: SqliteDb, sagId: string, title: string): void {
  const sag = findSag(db, sagId);
  if (!sag || sag.title !== title) return;
  renameSag(db, sagId, sagTitleFor(sagItems(db, sagId).map((r) => ({ title: r.item_title, confidential: r.confidential === 1 }))));
}

/**
 * A sag with fewer than two items is no longer a journey; its last item is released and the sag goes.
 * Called whenever an item leaves a sag: taken out, removed from its agenda, or deleted with its forum.
 */
export function dissolveIfAlone(db: SqliteDb, sagId: string): boolean {
  if (findSag(db, sagId) === null || sagItemCount(db, sagId) >= 2) return false;
  deleteSag(db, sagId);
  return true;
}

function requireItem(db: SqliteDb, itemId: string, field: string): SagItemPlace {
  const item = sagItemPlace(db, itemId);
  if (!item) throw notFound(field === 'itemId' ? 'Punktet' : 'Det tidligere punkt', field);
  return item;
}

function requireSag(db: SqliteDb, sagId: string): ItemSag {
  const sag = findSag(db, sagId);
  if (!sag) throw notFound('Sagen', 'sagId');
  return { id: sag.id, title: sag.title, itemCount: sag.itemCount };
}

/**
 * A sag runs forward in time: an item is linked to what came before it. Items of the same meeting are
 * not one matter's journey, and a later item is linked from the later meeting instead.
 */
function refuseUnlessEarlier(item: SagItemPlace, earlier: SagItemPlace): void {
  if (earlier.meetingId === item.meetingId) {
    throw new ServiceError(
      'ugyldigt_input',
      'De to punkter er på samme møde. Knyt punktet til et punkt fra et tidligere møde.',
      'earlierItemId',
    );
  }
  if (earlier.startsAt > item.startsAt) {
    throw new ServiceError(
      'ugyldigt_input',
      `${itemNameInMessage(earlier)} er på et senere møde (${earlier.meetingTitle}). Åbn det senere punkt, og knyt det til dette.`,
      'earlierItemId',
    );
  }
}

/**
 * The sag's items with their decisions and actions. A meeting counts as held when it was ended in the
 * app or its time has passed: many forums write their decisions in the agenda without running the
 * meeting on screen, and their journey should still read "drøftet" rather than "på dagsordenen".
 */
export function sagTimeline(db: SqliteDb, sagId: string, now: string): SagTimeline {
  const sag = findSag(db, sagId);
  if (!sag) throw notFound('Sagen', 'sagId');
  const rows = sagItems(db, sagId);
  const actions = actionsForItems(db, rows.map((r) => r.item_id));
  const notes = notesOfActions(db, [...actions.values()].flat().map((a) => a.id));
  const colourCache = new Map<string, ColourDefinition[]>();
  const colourOf = (forumId: string, key: string | null): ColourDefinition | null => {
    if (key === null) return null;
    let colours = colourCache.get(forumId);
    if (!colours) {
      colours = forumColours(db, forumId);
      colourCache.set(forumId, colours);
    }
    return colours.find((c) => c.key === key) ?? null;
  };

  const heldOf = (r: (typeof rows)[number]) => r.status === 'afholdt' || r.starts_at <= now;
  const entries = rows.map((r): Omit<SagEntry, 'steps'> => {
    const decisionColour = colourOf(r.forum_id, r.d_colour);
    const itemActions = (actions.get(r.item_id) ?? []).map((a) => ({
      id: a.id,
      what: a.what,
      who: a.who,
      due: a.due,
      status: a.status,
      notes: (notes.get(a.id) ?? []).map((n) => ({ note: n.note, statusTo: n.statusTo, createdAt: n.createdAt })),
    }));
    return {
      itemId: r.item_id,
      itemTitle: r.item_title,
      confidential: r.confidential === 1,
      hidden: false,
      forumId: r.forum_id,
      forumName: r.forum_name,
      forumKind: r.forum_kind,
      school: r.school,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      meetingStartsAt: r.starts_at,
      held: heldOf(r),
      announcedColour: colourOf(r.forum_id, r.announced_colour),
      notes: r.notes,
      decision:
        r.d_outcome === null || decisionColour === null
          ? null
          : {
              outcome: r.d_outcome,
              colour: decisionColour,
              final: r.d_final_at !== null,
              text: r.d_text ?? '',
              dissent: r.d_dissent ?? '',
            },
      actions: itemActions,
    };
  });
  // Steps are read from the full record, so a confidential item still shows where the matter stands.
  const steps = sagSteps(
    rows.map((r) => ({
      held: heldOf(r),
      decision:
        r.d_outcome === null || r.d_colour === null ? null : { outcome: r.d_outcome, colour: r.d_colour, final: r.d_final_at !== null },
      actions: (actions.get(r.item_id) ?? []).map((a) => ({ status: a.status, noteCount: (notes.get(a.id) ?? []).length })),
    })),
  );
  return {
    id: sag.id,
    title: sag.title,
    createdAt: sag.createdAt,
    entries: entries.map((entry, i) => ({ ...entry, steps: steps[i] ?? [] })),
  };
}
