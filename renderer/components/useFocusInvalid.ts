import { useEffect, useRef, useState } from 'react';

/**
 * After a failed save, moves focus to the first field marked invalid, so the Danish message at that
 * field is what the user sees and hears next, also in a long form scrolled out of view.
 */
export function useFocusInvalid<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);
  const failed = () => setFailures((n) => n + 1);
  return [ref, failed] as const;
}
