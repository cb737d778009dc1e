import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';

export type StatusFilter = NonNullable<MethodInput<'actions.list'>['status']> | '';

export interface ActionFilters {
  forumId: string;
  who: string;
  status: StatusFilter;
  dueBefore: string;
}

export const DEFAULT_FILTERS: ActionFilters = { forumId: '', who: '', status: 'alle_aabne', dueBefore: '' };
/** Rows per request; «Vis flere» (or scrolling to the end) reads the next page. */
export const PAGE_SIZE = 50;

/** The filters as the actions overview's reads take them: what is not chosen is left out. */
export function actionsInput(filters: ActionFilters): MethodInput<'actions.count'> {
  return {
    ...(filters.forumId ? { forumId: filters.forumId } : {}),
    ...(filters.who.trim() ? { who: filters.who.trim() } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.dueBefore ? { dueBefore: filters.dueBefore } : {}),
  };
}

interface ActionsState {
  /** Kept while the user is elsewhere, so the overview opens as it was left. */
  filters: ActionFilters;
  setFilters(filters: Partial<ActionFilters>): void;
}

/** What the user has chosen on the actions overview; the actions themselves are queries. */
export const useActions = create<ActionsState>((set, get) => ({
  filters: DEFAULT_FILTERS,
  setFilters: (filters) => set({ filters: { ...get().filters, ...filters } }),
}));
