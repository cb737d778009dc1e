import { useEffect, useRef } from 'react';

/** A native <dialog> shown as a modal while mounted: focus stays inside and Escape closes it. */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return ref;
}
