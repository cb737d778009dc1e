import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import type { SearchHit } from '../../shared/api/methods/search';
import { call } from '../api/client';

export type SearchInput = Omit<MethodInput<'search.query'>, 'limit' | 'offset'>;

interface SearchState {
  /** The search the hits belong to; null before the first search and after clearing. */
  query: SearchInput | null;
  hits: SearchHit[];
  more: boolean;
  message: string | null;
  error: ApiError | null;
  busy: boolean;
  search(input: SearchInput): Promise<void>;
  showMore(): Promise<void>;
  clear(): void;
}

/** Answers arrive in any order; only the newest request may change what is shown. */
let latest = 0;

export const useSearch = create<SearchState>((set, get) => ({
  query: null,
  hits: [],
  more: false,
  message: null,
  error: null,
  busy: false,
  async search(input) {
    const request = ++latest;
    set({ busy: true });
    const result = await call('search.query', input);
    if (request !== latest) return;
    if (!result.ok) return set({ query: input, hits: [], more: false, message: null, error: result.error, busy: false });
    const { hits, more, message } = result.value;
    set({ query: input, hits, more, message: message ?? null, error: null, busy: false });
  },
  async showMore() {
    const { query, hits } = get();
    if (!query) return;
    const request = ++latest;
    set({ busy: true });
    const result = await call('search.query', { ...query, offset: hits.length });
    if (request !== latest) return;
    if (!result.ok) return set({ error: result.error, busy: false });
    set({ hits: [...hits, ...result.value.hits], more: result.value.more, error: null, busy: false });
  },
  clear() {
    latest += 1;
    set({ query: null, hits: [], more: false, message: null, error: null, busy: false });
  },
}));
