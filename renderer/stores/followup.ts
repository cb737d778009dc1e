import { create } from 'zustand';
import type { ApiError } from '../../shared/api/envelope';
import type { AppInfo, OpenAction, RegisteredDecision } from '../../shared/api/types';
import { call } from '../api/client';
import { outcomeOf, type Outcome } from './request';

/** How many of the newest decisions the overview shows. */
export const LATEST_DECISIONS = 5;

interface FollowUpState {
  openActions: OpenAction[];
  /** The newest decisions across forums, for the overview. */
  decisions: RegisteredDecision[];
  info: AppInfo | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  markDone(actionId: string): Promise<Outcome>;
}

/** Everything that looks across forums: open actions, the newest decisions and the archive's facts. */
export const useFollowUp = create<FollowUpState>((set, get) => ({
  openActions: [],
  decisions: [],
  info: null,
  loadError: null,
  async load() {
    const [actions, decisions, info] = await Promise.all([
      call('actions.listOpen', {}),
      // The overview shows the newest few; the archive's register reads its own pages.
      call('decisions.list', { limit: LATEST_DECISIONS }),
      call('app.info', {}),
    ]);
    if (!actions.ok) return set({ loadError: actions.error });
    if (!decisions.ok) return set({ loadError: decisions.error });
    if (!info.ok) return set({ loadError: info.error });
    set({ openActions: actions.value, decisions: decisions.value.rows, info: info.value, loadError: null });
  },
  async markDone(actionId) {
    const outcome = outcomeOf(await call('actions.markDone', { actionId }));
    if (outcome.ok) await get().load();
    return outcome;
  },
}));
