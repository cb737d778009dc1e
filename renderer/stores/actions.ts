import { create } from 'zustand';
import type { ApiError } from '../../shared/api/envelope';
import type { MethodInput } from '../../shared/api/contract';
import type { ActionListRow, ActionNote } from '../../shared/api/types';
import { call } from '../api/client';
import { useFollowUp } from './followup';
import { outcomeOf, type Outcome } from './request';

export type StatusFilter = NonNullable<MethodInput<'actions.list'>['status']> | '';

export interface ActionFilters {
  forumId: string;
  who: string;
  status: StatusFilter;
  dueBefore: string;
}

export const DEFAULT_FILTERS: ActionFilters = { forumId: '', who: '', status: 'alle_aabne', dueBefore: '' };
const PAGE = 200;

interface ActionsState {
  filters: ActionFilters;
  rows: ActionListRow[];
  more: boolean;
  loading: boolean;
  loadError: ApiError | null;
  setFilters(filters: Partial<ActionFilters>): Promise<void>;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  update(input: MethodInput<'actions.update'>): Promise<Outcome>;
  split(input: MethodInput<'actions.split'>): Promise<Outcome>;
  notes(actionId: string): Promise<ActionNote[]>;
}

function query(filters: ActionFilters, offset: number): MethodInput<'actions.list'> {
  return {
    ...(filters.forumId ? { forumId: filters.forumId } : {}),
    ...(filters.who.trim() ? { who: filters.who.trim() } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.dueBefore ? { dueBefore: filters.dueBefore } : {}),
    offset,
    limit: PAGE,
  };
}

/** The actions overview: filtered pages of actions, with status updates and splits. */
export const useActions = create<ActionsState>((set, get) => {
  let generation = 0;
  async function refreshAfterWrite(): Promise<void> {
    await Promise.all([get().load(), useFollowUp.getState().load()]);
  }
  return {
    filters: DEFAULT_FILTERS,
    rows: [],
    more: false,
    loading: false,
    loadError: null,
    async setFilters(filters) {
      set({ filters: { ...get().filters, ...filters } });
      await get().load();
    },
    async load() {
      const mine = ++generation;
      set({ loading: true });
      const result = await call('actions.list', query(get().filters, 0));
      // A later filter change wins over an answer that arrives late.
      if (mine !== generation) return;
      if (!result.ok) return set({ loading: false, loadError: result.error });
      set({ rows: result.value.rows, more: result.value.more, loading: false, loadError: null });
    },
    async loadMore() {
      const { rows, more, loading } = get();
      if (!more || loading) return;
      const mine = ++generation;
      set({ loading: true });
      const result = await call('actions.list', query(get().filters, rows.length));
      if (mine !== generation) return;
      if (!result.ok) return set({ loading: false, loadError: result.error });
      set({ rows: [...rows, ...result.value.rows], more: result.value.more, loading: false, loadError: null });
    },
    async update(input) {
      const outcome = outcomeOf(await call('actions.update', input));
      if (outcome.ok) await refreshAfterWrite();
      return outcome;
    },
    async split(input) {
      const outcome = outcomeOf(await call('actions.split', input));
      if (outcome.ok) await refreshAfterWrite();
      return outcome;
    },
    async notes(actionId) {
      const result = await call('actions.notes', { actionId });
      return result.ok ? result.value : [];
    },
  };
});
