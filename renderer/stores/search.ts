import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';

export type SearchInput = Omit<MethodInput<'search.query'>, 'limit' | 'offset'>;

interface SearchState {
  /** The search in force; null before the first search and after clearing. Kept while the user is elsewhere. */
  query: SearchInput | null;
  search(input: SearchInput): void;
  clear(): void;
}

/** What the user searches for; the results are a query of pages (renderer/api/pages.ts). */
export const useSearch = create<SearchState>((set) => ({
  query: null,
  search: (query) => set({ query }),
  clear: () => set({ query: null }),
}));
