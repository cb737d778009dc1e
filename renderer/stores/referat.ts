import { create } from 'zustand';
import type { ApiError, Result } from '../../shared/api/envelope';
import type { ReferatState } from '../../shared/api/types';
import { call } from '../api/client';
import { useMeetings } from './meetings';
import type { Outcome } from './request';

interface ReferatStore {
  state: ReferatState | null;
  error: ApiError | null;
  load(meetingId: string): Promise<void>;
  approve(meetingId: string, personId: string): Promise<Outcome>;
  newVersion(meetingId: string, reason: string): Promise<Outcome>;
}

export const useReferat = create<ReferatStore>((set) => {
  /** The answer is the new state; the meeting is reloaded too, since it may now be locked or open again. */
  async function accept(result: Result<ReferatState>): Promise<Outcome> {
    if (!result.ok) return { ok: false, error: result.error };
    set({ state: result.value, error: null });
    const current = useMeetings.getState().current;
    if (current) await useMeetings.getState().open(current.id);
    return { ok: true };
  }

  return {
    state: null,
    error: null,
    async load(meetingId) {
      const result = await call('referat.get', { meetingId });
      set(result.ok ? { state: result.value, error: null } : { error: result.error });
    },
    approve: async (meetingId, personId) => accept(await call('referat.approve', { meetingId, personId })),
    newVersion: async (meetingId, reason) => accept(await call('referat.newVersion', { meetingId, reason })),
  };
});
