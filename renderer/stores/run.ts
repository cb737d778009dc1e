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
  /**
   * The last run-mode write that failed, until the next one succeeds. The run screen shows it in its
   * alert, so no write's error is lost, also from a button that does not wait for the answer.
   */
  writeError: ApiError | null;
  open(meetingId: string): Promise<void>;
  refresh(): Promise<void>;
  /** Runs a write and reloads the meeting; the outcome also carries the Danish error for a form's field. */
  act<M extends Method>(method: M, input: MethodInput<M>): Promise<Outcome>;
  /** Runs a write from a button or key that needs no answer; a failure reaches the screen's alert. */
  send<M extends Method>(method: M, input: MethodInput<M>): void;
}

export const useRun = create<RunStore>((set, get) => {
  function accept(meeting: MeetingDetail): void {
    set({ meeting, clockOffset: Date.parse(meeting.serverNow) - Date.now(), error: null });
  }

  return {
    meeting: null,
    clockOffset: 0,
    error: null,
    writeError: null,
    async open(meetingId) {
      set({ writeError: null });
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
      if (!result.ok) {
        set({ writeError: result.error });
        return { ok: false, error: result.error };
      }
      set({ writeError: null });
      await get().refresh();
      return { ok: true };
    },
    send(method, input) {
      void get().act(method, input);
    },
  };
});
