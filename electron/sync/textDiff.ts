import type * as Y from 'yjs';

/**
 * Brings a Y.Text to a new value by the smallest change around the common start and end, so two people
 * typing in different places of the same notes both keep what they typed.
 */
export function setText(text: Y.Text, wanted: string): void {
  const current = text.toString();
  if (current === wanted) return;
  let start = 0;
  const shortest = Math.min(current.length, wanted.length);
  while (start < shortest && current.charCodeAt(start) === wanted.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && current.charCodeAt(current.length - 1 - end) === wanted.charCodeAt(wanted.length - 1 - end)) end++;
  // Never split a surrogate pair: a half character would merge into nonsense.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = wanted.slice(start, wanted.length - end);
  if (inserted !== '') text.insert(start, inserted);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
