import { create } from 'zustand';
import type { ApiError } from '../../shared/api/envelope';
import type { DecisionChart } from '../../shared/api/methods/register';
import type { RegisteredDecision } from '../../shared/api/types';
import type { ColourKey } from '../../shared/domain/colours';
import { schoolYearOf } from '../../shared/domain/yearPlan';
import { call } from '../api/client';
import { todayLocal } from '../today';

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

interface RegisterState {
  filters: RegisterFilters;
  rows: RegisteredDecision[];
  more: boolean;
  /** Until the first page of the current filters has arrived. */
  loaded: boolean;
  busy: boolean;
  message: string | null;
  error: ApiError | null;
  chart: DecisionChart | null;
  chartYear: number;
  chartError: ApiError | null;
  /** New filters: the list starts again from the top. */
  setFilters(filters: RegisterFilters): Promise<void>;
  /** The first page again with the same filters, e.g. after the archive changed. */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  showSchoolYear(start: number): Promise<void>;
}

function toInput(f: RegisterFilters) {
  return {
    ...(f.forumId === '' ? {} : { forumId: f.forumId }),
    ...(f.colour === '' ? {} : { colour: f.colour }),
    ...(f.from === '' ? {} : { from: f.from }),
    ...(f.to === '' ? {} : { to: f.to }),
    ...(f.text.trim() === '' ? {} : { text: f.text }),
    includeConfidential: f.includeConfidential,
  };
}

/** Answers arrive in any order; only the newest request may change what is shown. */
let latest = 0;
let latestChart = 0;

/** The decision register in the archive: one page at a time, and the chosen forum's chart. */
export const useRegister = create<RegisterState>((set, get) => {
  async function loadChart(forumId: string, year: number): Promise<void> {
    const request = ++latestChart;
    set({ chartYear: year });
    const result = await call('decisions.chart', { forumId, schoolYearStart: year });
    if (request !== latestChart) return;
    set(result.ok ? { chart: result.value, chartError: null } : { chart: null, chartError: result.error });
  }

  /** A forum's chart opens at the school year of its newest decision, or this one if it has none. */
  async function openChart(forumId: string): Promise<void> {
    const request = ++latestChart;
    set({ chart: null, chartError: null });
    const newest = await call('decisions.list', { forumId, limit: 1 });
    if (request !== latestChart) return;
    const first = newest.ok ? newest.value.rows[0] : undefined;
    await loadChart(forumId, schoolYearOf(first ? first.meetingStartsAt.slice(0, 10) : todayLocal()));
  }

  async function firstPage(filters: RegisterFilters): Promise<void> {
    const request = ++latest;
    set({ busy: true });
    const result = await call('decisions.list', { ...toInput(filters), limit: PAGE_SIZE, offset: 0 });
    if (request !== latest) return;
    if (!result.ok) return set({ rows: [], more: false, loaded: true, busy: false, message: null, error: result.error });
    const { rows, more, message } = result.value;
    set({ rows, more, loaded: true, busy: false, message: message ?? null, error: null });
  }

  return {
    filters: NO_FILTERS,
    rows: [],
    more: false,
    loaded: false,
    busy: false,
    message: null,
    error: null,
    chart: null,
    chartYear: schoolYearOf(todayLocal()),
    chartError: null,
    async setFilters(filters) {
      const forumChanged = filters.forumId !== get().filters.forumId || !get().loaded;
      set({ filters, loaded: false });
      if (forumChanged) {
        if (filters.forumId === '') {
          latestChart += 1;
          set({ chart: null, chartError: null });
        } else void openChart(filters.forumId);
      }
      await firstPage(filters);
    },
    async reload() {
      const { filters, chart, chartYear } = get();
      await Promise.all([firstPage(filters), chart ? loadChart(chart.forumId, chartYear) : Promise.resolve()]);
    },
    async loadMore() {
      const { filters, rows, more, busy } = get();
      if (!more || busy) return;
      const request = ++latest;
      set({ busy: true });
      const result = await call('decisions.list', { ...toInput(filters), limit: PAGE_SIZE, offset: rows.length });
      if (request !== latest) return;
      if (!result.ok) return set({ busy: false, error: result.error });
      set({ rows: [...rows, ...result.value.rows], more: result.value.more, busy: false, error: null });
    },
    async showSchoolYear(start) {
      const { filters } = get();
      if (filters.forumId !== '') await loadChart(filters.forumId, start);
    },
  };
});
