import { useState } from 'react';
import type { ApiError } from '../../shared/api/envelope';

/**
 * Keeps the last error of a form. An error that names a field is shown at that field; any other
 * error is shown at the top of the form.
 */
export function useFormErrors(fields: readonly string[]) {
  const [error, setError] = useState<ApiError | null>(null);
  return {
    set: setError,
    clear: () => setError(null),
    at: (field: string) => (error && error.field === field ? error.message : undefined),
    general: error && (error.field === undefined || !fields.includes(error.field)) ? error.message : undefined,
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
