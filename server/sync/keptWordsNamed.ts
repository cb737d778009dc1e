import type * as Y from 'yjs';
import { KEPT_WORDS, parseKeptEntry } from '../../shared/sync/keptWords';

/**
 * Whom an update's words kept for the members (shared/sync/keptWords.ts) say typed them: the `hvem` of each entry it
 * adds. An entry is written once and only ever removed, so one it changes names nobody it may speak for (''). Removing
 * one is any member's choice (discarded, or put into its item).
 */
export function keptWordsNamed(before: Y.Doc, after: Y.Doc): string[] {
  const held = before.getMap(KEPT_WORDS);
  const named: string[] = [];
  for (const [key, value] of after.getMap(KEPT_WORDS)) {
    if (!held.has(key)) {
      const hvem = parseKeptEntry(value)?.hvem;
      if (hvem !== null) named.push(hvem ?? '');
    } else if (JSON.stringify(held.get(key)) !== JSON.stringify(value)) named.push('');
  }
  return named;
}
