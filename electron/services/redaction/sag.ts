import type { SagCandidate, SagEntry, SagTimeline } from '../../../shared/api/methods/sager';
import { CLOSED_ITEM_TITLE } from './meeting';

/** A sag started from two confidential items is named by neither. */
export const NEUTRAL_SAG_TITLE = 'Sag om lukkede punkter';

/**
 * A sag is never named after a confidential title: it takes the title of its earliest item that is not
 * confidential (items given in meeting order), or a neutral name when all are.
 */
export function sagTitleFor(itemsInOrder: readonly { title: string; confidential: boolean }[]): string {
  return itemsInOrder.find((item) => !item.confidential)?.title ?? NEUTRAL_SAG_TITLE;
}

/** A confidential entry keeps when and where it was and its steps; its title and content are left out. */
function sharedEntry(entry: SagEntry): SagEntry {
  if (!entry.confidential) return entry;
  return {
    ...entry,
    itemTitle: CLOSED_ITEM_TITLE,
    hidden: true,
    announcedColour: null,
    notes: '',
    decision: entry.decision && { ...entry.decision, text: '', dissent: '' },
    actions: [],
  };
}

export function sharedSagTimeline(timeline: SagTimeline): SagTimeline {
  return { ...timeline, entries: timeline.entries.map(sharedEntry) };
}

/**
 * Earlier items as a reader may see them. A typed text that matched a confidential title would tell
 * that such a title exists, so those matches are left out; without text they stand as «Lukket punkt».
 */
export function sharedCandidates(candidates: readonly SagCandidate[], typed: boolean): SagCandidate[] {
  return candidates.flatMap((c) => {
    if (!c.confidential) return [c];
    return typed ? [] : [{ ...c, itemTitle: CLOSED_ITEM_TITLE, sag: null }];
  });
}
