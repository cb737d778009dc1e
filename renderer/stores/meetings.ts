import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import type { MeetingDetail, MeetingSummary } from '../../shared/api/types';
import { call } from '../api/client';
import { outcomeOf, type Outcome } from './request';

interface MeetingsState {
  meetings: MeetingSummary[];
  current: MeetingDetail | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  open(meetingId: string): Promise<void>;
  create(input: MethodInput<'meetings.create'>): Promise<{ ok: true; meeting: MeetingSummary } | { ok: false; error: ApiError }>;
  addItem(input: MethodInput<'agenda.addItem'>): Promise<Outcome>;
  recordDecision(input: MethodInput<'decisions.record'>): Promise<Outcome>;
  addAction(input: MethodInput<'actions.create'>): Promise<Outcome>;
}

export const useMeetings = create<MeetingsState>((set, get) => {
  /** After a write to the open meeting, reload it so every panel shows what the archive holds. */
  async function thenReload(result: Promise<Outcome>): Promise<Outcome> {
    const outcome = await result;
    const current = get().current;
    if (outcome.ok && current) await get().open(current.id);
    return outcome;
  }

  return {
    meetings: [],
    current: null,
    loadError: null,
    async load() {
      const result = await call('meetings.list', {});
      if (!result.ok) return set({ loadError: result.error });
      set({ meetings: result.value, loadError: null });
      const current = get().current;
      if (current) await get().open(current.id);
    },
    async open(meetingId) {
      const result = await call('meetings.get', { meetingId });
      if (!result.ok) return set({ loadError: result.error });
      set({ current: result.value, loadError: null });
    },
    async create(input) {
      const result = await call('meetings.create', input);
      if (!result.ok) return { ok: false, error: result.error };
      await get().load();
      return { ok: true, meeting: result.value };
    },
    addItem: (input) => thenReload(call('agenda.addItem', input).then(outcomeOf)),
    recordDecision: (input) => thenReload(call('decisions.record', input).then(outcomeOf)),
    addAction: (input) => thenReload(call('actions.create', input).then(outcomeOf)),
  };
});
