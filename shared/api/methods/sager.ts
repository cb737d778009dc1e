import * as z from 'zod';
import type { ColourDefinition } from '../../domain/colours';
import type { ForumKind } from '../../domain/forums';
import type { SagStep } from '../../domain/sager';
import { entityId, input, requiredText, plainText } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import type { ActionStatus, DecisionOutcome, ItemSag, SagRef } from '../types';

/** An earlier item the user may link the item to: where and when it was, and its sag if it has one. */
export interface SagCandidate {
  itemId: string;
  itemTitle: string;
  confidential: boolean;
  forumId: string;
  forumName: string;
  school: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
  sag: SagRef | null;
  /** A decision is recorded on the item (draft or final). */
  decided: boolean;
}

export const SAG_CANDIDATES_MAX = 20;

export interface SagLinkResult {
  sag: ItemSag;
  /** The title of the item's former sag when linking merged it into this one. */
  mergedFrom: string | null;
}

export interface SagActionNote {
  note: string;
  statusTo: ActionStatus;
  createdAt: string;
}

export interface SagAction {
  id: string;
  what: string;
  who: string;
  due: string | null;
  status: ActionStatus;
  /** Dated status updates, oldest first. */
  notes: SagActionNote[];
}

/**
 * One item on the sag's timeline. Unless the user chose to see confidential content, a confidential item
 * stands as «Lukket punkt» with its meeting, forum and steps; its title, notes, decision's text and
 * dissent and its actions are left out.
 */
export interface SagEntry {
  itemId: string;
  itemTitle: string;
  confidential: boolean;
  /** Confidential content was left out of this entry. */
  hidden: boolean;
  forumId: string;
  forumName: string;
  forumKind: ForumKind;
  school: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
  /** Ended in the app, or its time has passed. */
  held: boolean;
  announcedColour: ColourDefinition | null;
  /** The short summary written during the meeting. */
  notes: string;
  decision: {
    outcome: DecisionOutcome;
    colour: ColourDefinition;
    /** Read back to the room; a draft until then. */
    final: boolean;
    text: string;
    dissent: string;
  } | null;
  actions: SagAction[];
  /** Where this item stands in the journey (see shared/domain/sager.ts). */
  steps: SagStep[];
}

export interface SagTimeline {
  id: string;
  title: string;
  createdAt: string;
  /** In meeting order, first raised first. */
  entries: SagEntry[];
}

const sagId = entityId('Sagen');

export const sagMethods = {
  'sager.candidates': read<SagCandidate[]>()(
    input({
      itemId: entityId('Punktet'),
      text: plainText('Søgeteksten')
        .max(LIMITS.title, { error: `Søgeteksten må højst være ${LIMITS.title} tegn.` })
        .default(''),
      /**
       * Confidential items' titles only for someone with the right, e.g. the co-owners' agenda editor;
       * without it they stand as «Lukket punkt», and typed text does not find them.
       */
      includeConfidential: z.boolean({ error: 'Vælg om lukkede punkter skal vises.' }).default(false),
    }),
  ),
  'sager.link': write<SagLinkResult>()(input({ itemId: entityId('Punktet'), earlierItemId: entityId('Det tidligere punkt') })),
  'sager.unlink': write<{ dissolved: boolean }>()(input({ itemId: entityId('Punktet') })),
  'sager.rename': write<ItemSag>()(input({ sagId, title: requiredText('Sagens titel', LIMITS.title) })),
  'sager.get': read<SagTimeline>()(
    input({
      sagId,
      /** Confidential items' content only when the user has turned on the visible switch, as in search. */
      includeConfidential: z.boolean({ error: 'Vælg om lukkede punkter skal vises.' }).default(false),
    }),
  ),
} as const;
