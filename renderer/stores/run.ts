import { create } from 'zustand';
import type { Method, MethodInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import type { MeetingDetail } from '../../shared/api/types';
import { call } from '../api/client';
import type { Outcome } from './request';

/**
 * The meeting being run. Every change goes to the archive at once; the answer (the meeting as
 * stored) replaces the local copy, so what the facilitator sees is what is saved.
 */
interface RunStore {
  meeting: MeetingDetail | null;
  /** Milliseconds to add to the local clock to get the server's, so timers agree across windows. */
  clockOffset: number;
  error: ApiError | null;
  open(meetingId: string): Promise<void>;
  refresh(): Promise<void>;
  /** Runs a write and reloads the meeting; the outcome carries a Danish error for the form. */
  act<M extends Method>(method: M, input: MethodInput<M>): Promise<Outcome>;
}

export const useRun = create<RunStore>((set, get) => {
  function accept(meeting: MeetingDetail): void {
    set({ meeting, clockOffset: Date.parse(meeting.serverNow) - Date.now(), error: null });
  }

  return {
    meeting: null,
    clockOffset: 0,
    error: null,
    async open(meetingId) {
      const result = await call('run.start', { meetingId });
      if (!result.ok) return set({ error: result.error });
      accept(result.value);
    },
    async refresh() {
      const current = get().meeting;
      if (!current) return;
      const result = await call('meetings.get', { meetingId: current.id });
      if (result.ok) accept(result.value);
    },
    async act(method, input) {
      const result = await call(method, input);
      if (!result.ok) return { ok: false, error: result.error };
      await get().refresh();
      return { ok: true };
    },
  };
});
