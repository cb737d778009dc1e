import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import type { Forum, ForumSummary } from '../../shared/api/types';
import { call } from '../api/client';
import { useRoute } from './route';

interface ForumsState {
  forums: ForumSummary[];
  selected: Forum | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  select(forumId: string): Promise<void>;
  create(input: MethodInput<'forums.create'>): Promise<{ ok: true; forum: Forum } | { ok: false; error: ApiError }>;
}

export const useForums = create<ForumsState>((set, get) => ({
  forums: [],
  selected: null,
  loadError: null,
  async load() {
    const result = await call('forums.list', {});
    if (!result.ok) return set({ loadError: result.error });
    set({ forums: result.value, loadError: null });
    const { currentForumId, setCurrentForum } = useRoute.getState();
    if (currentForumId === null && result.value[0]) setCurrentForum(result.value[0].id);
    const selected = get().selected;
    if (selected) await get().select(selected.id);
  },
  async select(forumId) {
    const result = await call('forums.get', { forumId });
    if (!result.ok) return set({ loadError: result.error });
    set({ selected: result.value, loadError: null });
    useRoute.getState().setCurrentForum(forumId);
  },
  async create(input) {
    const result = await call('forums.create', input);
    if (!result.ok) return { ok: false, error: result.error };
    await get().load();
    return { ok: true, forum: result.value };
  },
}));
