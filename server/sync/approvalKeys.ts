import type * as Y from 'yjs';
import { APPROVAL_KEYS_MAP } from '../../shared/sync/approvalKeys';

/** The keys of the approvals' hash a fortroligt document holds, by id. */
export function approvalKeysIn(doc: Y.Doc): Map<string, unknown> {
  return new Map(doc.getMap(APPROVAL_KEYS_MAP).entries());
}

/** Whether every key held before an update is still held, unchanged, after it: only new keys may come. */
export function keysKept(before: ReadonlyMap<string, unknown>, after: Y.Doc): boolean {
  const keys = after.getMap(APPROVAL_KEYS_MAP);
  return [...before].every(([id, key]) => keys.has(id) && keys.get(id) === key);
}
