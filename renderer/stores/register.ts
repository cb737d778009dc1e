import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { ColourKey } from '../../shared/domain/colours';

export interface RegisterFilters {
  forumId: string;
  colour: ColourKey | '';
  from: string;
  to: string;
  text: string;
  includeConfidential: boolean;
}

export const NO_FILTERS: RegisterFilters = { forumId: '', colour: '', from: '', to: '', text: '', includeConfidential: false };
/** Rows per request; the list asks for the next page before the user reaches the end. */
export const PAGE_SIZE = 50;

/** The filters as the register's reads take them: what is not chosen is left out. */
export function registerInput(f: RegisterFilters): MethodInput<'decisions.count'> {
  return {
    ...(f.forumId === '' ? {} : { forumId: f.forumId }),
    ...(f.colour === '' ? {} : { colour: f.colour }),
    ...(f.from === '' ? {} : { from: f.from }),
    ...(f.to === '' ? {} : { to: f.to }),
    ...(f.text.trim() === '' ? {} : { text: f.text }),
    includeConfidential: f.includeConfidential,
  };
}

interface RegisterState {
  /** The filters in force (typing reaches them after a short pause), kept while the user is elsewhere. */
  filters: RegisterFilters;
  /** The school year the chosen forum's chart shows; null: the year of the forum's newest decision. */
  chartYear: number | null;
  setFilters(filters: RegisterFilters): void;
  showSchoolYear(start: number): void;
}

/** What the user has chosen on the decision register; the rows and the chart are queries. */
export const useRegister = create<RegisterState>((set, get) => ({
  filters: NO_FILTERS,
  chartYear: null,
  setFilters(filters) {
    // Another forum's chart opens at its own newest decision.
    set(filters.forumId === get().filters.forumId ? { filters } : { filters, chartYear: null });
  },
  showSchoolYear: (start) => set({ chartYear: start }),
}));
