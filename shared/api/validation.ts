import * as z from 'zod';
// The Danish messages alone: through z.locales every language zod has would be bundled and evaluated at start.
import danish from 'zod/v4/locales/da.js';
import { fail, type ApiError } from './envelope';

/** Danish fallback for any check a schema did not word itself. */
const danishLocale = danish().localeError;

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Parses input and turns the first problem into one Danish sentence that names the field. */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(raw, { error: danishLocale });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return fail('ugyldigt_input', 'Forespørgslen kunne ikke læses.');
  const field = issue.path.map(String).join('.');
  return fail('ugyldigt_input', issue.message, field === '' ? undefined : field);
}
