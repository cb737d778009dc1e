/** Every API call answers with this envelope, across IPC, HTTP and direct calls alike. */
export const ERROR_CODES = ['ugyldigt_input', 'ukendt_metode', 'ikke_fundet', 'konflikt', 'arkivfejl', 'intern_fejl'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** A whole Danish sentence a user can act on. */
  message: string;
  /** The input field the message is about, as a dotted path, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, field?: string): { ok: false; error: ApiError } {
  return field === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, field } };
}
