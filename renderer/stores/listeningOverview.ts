import { create } from 'zustand';
import type { ApiError } from '../../shared/api/envelope';
import type { ThemeOverview } from '../../shared/api/listeningTypes';
import type { Destination } from '../../shared/domain/listening';
import { call } from '../api/client';

export interface OverviewFilters {
  destination: Destination | 'usorteret' | '';
  school: string;
  quotesOnly: boolean;
}

export const NO_OVERVIEW_FILTERS: OverviewFilters = { destination: '', school: '', quotesOnly: false };

interface OverviewState {
  seriesId: string | null;
  filters: OverviewFilters;
  overview: ThemeOverview | null;
  error: ApiError | null;
  show(seriesId: string, filters: OverviewFilters): Promise<void>;
}

/** Answers may arrive out of order when filters change quickly; only the newest is shown. */
let latest = 0;

/** The theme overview of one series, with its filters. */
export const useListeningOverview = create<OverviewState>((set) => ({
  seriesId: null,
  filters: NO_OVERVIEW_FILTERS,
  overview: null,
  error: null,
  async show(seriesId, filters) {
    const request = ++latest;
    set({ seriesId, filters });
    const result = await call('listening.overview', {
      seriesId,
      ...(filters.destination === '' ? {} : { destination: filters.destination }),
      ...(filters.school === '' ? {} : { school: filters.school }),
      quotesOnly: filters.quotesOnly,
    });
    if (request !== latest) return;
    if (!result.ok) return set({ error: result.error });
    set({ overview: result.value, error: null });
  },
}));
