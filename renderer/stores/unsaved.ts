import { useCallback } from 'react';
import { create } from 'zustand';

/**
 * What the facilitator has typed on the run screen and not yet saved, by field. It outlives the
 * form: when an item is masked (or left) its fields leave the page, and the text must be there
 * again when they come back.
 */
interface UnsavedStore {
  values: Record<string, unknown>;
  keep(key: string, value: unknown): void;
  /** Forgets every field whose key starts with the prefix, once the archive has what they held. */
  forget(prefix: string): void;
}

export const useUnsavedStore = create<UnsavedStore>((set) => ({
  values: {},
  keep: (key, value) => set((s) => ({ values: { ...s.values, [key]: value } })),
  forget: (prefix) =>
    set((s) => ({ values: Object.fromEntries(Object.entries(s.values).filter(([key]) => !key.startsWith(prefix))) })),
}));

/** Like useState, but the value is kept under `key` until it is forgotten. Keys are namespaced by their form. */
export function useUnsaved<T>(key: string, initial: T): [T, (value: T) => void] {
  const kept = useUnsavedStore((s) => s.values[key]);
  const isKept = useUnsavedStore((s) => Object.hasOwn(s.values, key));
  const keep = useUnsavedStore((s) => s.keep);
  const set = useCallback((value: T) => keep(key, value), [keep, key]);
  // Only this hook writes under its key, so what is stored there has its type.
  return [isKept ? (kept as T) : initial, set];
}
