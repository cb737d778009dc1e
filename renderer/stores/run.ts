import { create } from 'zustand';
import type { Method, MethodInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import { write } from '../api/queries';
import { outcomeOf, type Outcome } from './request';

/**
 * Run mode's writes. Every change goes to the archive at once; the answer (the meeting or item as
 * stored) goes into the query cache, and the change event refetches the rest of the open meeting,
 * so what the facilitator sees is what is saved. This store keeps only what the screen must show
 * of a failed write.
 */
interface RunStore {
  /**
   * The last run-mode write that failed, until the next one succeeds. The run screen shows it in its
   * alert, so no write's error is lost, also from a button that does not wait for the answer.
   */
  writeError: ApiError | null;
  /** Runs a write; the outcome also carries the Danish error for a form's field. */
  act<M extends Method>(method: M, input: MethodInput<M>): Promise<Outcome>;
  /** Runs a write from a button or key that needs no answer; a failure reaches the screen's alert. */
  send<M extends Method>(method: M, input: MethodInput<M>): void;
  /** A new run screen starts without an old screen's error. */
  clearWriteError(): void;
}

export const useRun = create<RunStore>((set, get) => ({
  writeError: null,
  async act(method, input) {
    const outcome = outcomeOf(await write(method, input));
    set({ writeError: outcome.ok ? null : outcome.error });
    return outcome;
  },
  send(method, input) {
    void get().act(method, input);
  },
  clearWriteError: () => set({ writeError: null }),
}));
