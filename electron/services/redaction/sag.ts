import type { SagCandidate, SagEntry, SagTimeline } from '../../../shared/api/methods/sager';
import { CLOSED_ITEM_TITLE } from './meeting';

/** A sag started from two confidential items is named by neither. */
export const NEUTRAL_SAG_TITLE = 'Sag om lukkede punkter';

/** A new sag is never named after a confidential title: the earlier item's, else the later's, else neutral. */
export function sagTitleFor(earlier: { title: string; confidential: boolean }, later: { title: string; confidential: boolean }): string {
  if (!earlier.confidential) return earlier.title;
  if (!later.confidential) return later.title;
  return NEUTRAL_SAG_TITLE;
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
