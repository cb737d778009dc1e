import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import type { Forum, ForumSummary, YearPlan } from '../../shared/api/types';
import { schoolYearOf } from '../../shared/domain/yearPlan';
import { call } from '../api/client';
import { todayLocal } from '../today';
import { outcomeOf, type Outcome } from './request';
import { useRoute } from './route';

interface ForumsState {
  forums: ForumSummary[];
  selected: Forum | null;
  yearPlan: YearPlan | null;
  schoolYear: number;
  loadError: ApiError | null;
  load(): Promise<void>;
  select(forumId: string): Promise<void>;
  showSchoolYear(startYear: number): Promise<void>;
  create(input: MethodInput<'forums.create'>): Promise<{ ok: true; forum: Forum } | { ok: false; error: ApiError }>;
  update(input: MethodInput<'forums.update'>): Promise<Outcome>;
  updateGroundRules(input: MethodInput<'forums.updateGroundRules'>): Promise<Outcome>;
  updateColour(input: MethodInput<'forums.updateColour'>): Promise<Outcome>;
  addMember(input: MethodInput<'members.add'>): Promise<Outcome>;
  endMember(input: MethodInput<'members.end'>): Promise<Outcome>;
  addTheme(input: MethodInput<'themes.add'>): Promise<Outcome>;
  removeTheme(themeId: string): Promise<Outcome>;
  removeDemo(): Promise<Outcome>;
}

export const useForums = create<ForumsState>((set, get) => {
  /** After a write to the selected forum, reload it so every panel shows what the archive holds. */
  async function thenReload(result: Promise<Outcome>): Promise<Outcome> {
    const outcome = await result;
    const selected = get().selected;
    if (outcome.ok && selected) await get().select(selected.id);
    return outcome;
  }

  async function loadYearPlan(forumId: string, schoolYear: number): Promise<void> {
    const plan = await call('forums.yearPlan', { forumId, schoolYearStart: schoolYear });
    set(plan.ok ? { yearPlan: plan.value } : { loadError: plan.error });
  }

  return {
    forums: [],
    selected: null,
    yearPlan: null,
    schoolYear: schoolYearOf(todayLocal()),
    loadError: null,
    async load() {
      const result = await call('forums.list', {});
      if (!result.ok) return set({ loadError: result.error });
      set({ forums: result.value, loadError: null });
      const { currentForumId, setCurrentForum } = useRoute.getState();
      const stillThere = result.value.some((f) => f.id === currentForumId);
      if (!stillThere) setCurrentForum(result.value[0]?.id ?? null);
      const selected = get().selected;
      if (selected && result.value.some((f) => f.id === selected.id)) await get().select(selected.id);
    },
    async select(forumId) {
      const result = await call('forums.get', { forumId });
      if (!result.ok) return set({ loadError: result.error });
      set({ selected: result.value, loadError: null });
      useRoute.getState().setCurrentForum(forumId);
      await loadYearPlan(forumId, get().schoolYear);
    },
    async showSchoolYear(startYear) {
      set({ schoolYear: startYear });
      const selected = get().selected;
      if (selected) await loadYearPlan(selected.id, startYear);
    },
    async create(input) {
      const result = await call('forums.create', input);
      if (!result.ok) return { ok: false, error: result.error };
      await get().load();
      return { ok: true, forum: result.value };
    },
    update: (input) => thenReload(call('forums.update', input).then(outcomeOf)),
    updateGroundRules: (input) => thenReload(call('forums.updateGroundRules', input).then(outcomeOf)),
    updateColour: (input) => thenReload(call('forums.updateColour', input).then(outcomeOf)),
    addMember: (input) => thenReload(call('members.add', input).then(outcomeOf)),
    endMember: (input) => thenReload(call('members.end', input).then(outcomeOf)),
    addTheme: (input) => thenReload(call('themes.add', input).then(outcomeOf)),
    removeTheme: (themeId) => thenReload(call('themes.remove', { themeId }).then(outcomeOf)),
    async removeDemo() {
      const outcome = outcomeOf(await call('demo.remove', {}));
      if (outcome.ok) set({ selected: null });
      return outcome;
    },
  };
});
