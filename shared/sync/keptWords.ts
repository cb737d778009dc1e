import { isInstant } from './instant';

/**
 * Words a member typed, offline, in a closed item that another laptop opened meanwhile. They were written for
 * members only; the opening, made without seeing them, must not share them. So they are kept in the meeting's
 * fortroligt document (members only), under this map, until a member puts them into the item or discards them.
 * Each keeping is its own entry, keyed `<itemId>|<id>`, so two laptops keeping at once never overwrite each other;
 * an entry is written once and only ever removed.
 */
export const KEPT_WORDS = 'skrevetLukket';

/** One keeping: the item, who typed the words (their forum person, if known), when they were kept, and the fields' values. */
export interface KeptEntry {
  itemId: string;
  hvem: string | null;
  tid: string;
  ord: Record<string, string | number | null>;
}

export function keptKey(itemId: string, id: string): string {
  return `${itemId}|${id}`;
}

/** An entry as a document holds it, or null when it is not one (another laptop's bad write is left alone). */
export function parseKeptEntry(value: unknown): KeptEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { itemId, hvem, tid, ord } = value as Record<string, unknown>;
  if (typeof itemId !== 'string' || (hvem !== null && typeof hvem !== 'string') || !isInstant(tid)) return null;
  if (typeof ord !== 'object' || ord === null || Array.isArray(ord)) return null;
  const words: KeptEntry['ord'] = {};
  for (const [field, word] of Object.entries(ord)) {
    if (typeof word === 'string' || typeof word === 'number' || word === null) words[field] = word;
  }
  return { itemId, hvem, tid, ord: words };
}
