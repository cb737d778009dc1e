import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { Destination } from '../../shared/domain/listening';

export interface OverviewFilters {
  destination: Destination | 'usorteret' | '';
  school: string;
  quotesOnly: boolean;
}

export const NO_OVERVIEW_FILTERS: OverviewFilters = { destination: '', school: '', quotesOnly: false };

/** The filters as the theme overview's read takes them: what is not chosen is left out. */
export function overviewInput(seriesId: string, filters: OverviewFilters): MethodInput<'listening.overview'> {
  return {
    seriesId,
    ...(filters.destination === '' ? {} : { destination: filters.destination }),
    ...(filters.school === '' ? {} : { school: filters.school }),
    quotesOnly: filters.quotesOnly,
  };
}

interface OverviewState {
  /** The series the filters were chosen for: they are kept while moving between its pages, and start empty for another. */
  seriesId: string | null;
  filters: OverviewFilters;
  choose(seriesId: string, filters: OverviewFilters): void;
}

/** The theme overview's filters; the overview itself is a query. */
export const useListeningOverview = create<OverviewState>((set) => ({
  seriesId: null,
  filters: NO_OVERVIEW_FILTERS,
  choose: (seriesId, filters) => set({ seriesId, filters }),
}));
