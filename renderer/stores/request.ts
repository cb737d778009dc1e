import type { ApiError, Result } from '../../shared/api/envelope';

/** What a form needs from a write: nothing on success, the Danish error (with its field) otherwise. */
export type Outcome = { ok: true } | { ok: false; error: ApiError };

export function outcomeOf(result: Result<unknown>): Outcome {
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}
