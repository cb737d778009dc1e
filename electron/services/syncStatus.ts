import type { ForumSyncStatus } from '../../shared/sync/status';
import type { SyncStatusSource } from '../sync/transport/syncTransport';
import type { Handlers } from './handler';

/**
 * Where the services read how the shared forums stand. The app creates it before the archive opens and
 * puts the sync transport in it once the transport runs (it needs the open archive); until then, and in
 * an archive with no shared forum, it says there is none.
 */
export interface SyncStatusSlot extends SyncStatusSource {
  use(source: SyncStatusSource | null): void;
}

export function createSyncStatusSlot(): SyncStatusSlot {
  const listeners = new Set<() => void>();
  let current: SyncStatusSource | null = null;
  let stopCurrent = () => {};
  const changed = () => {
    for (const listener of listeners) listener();
  };
  return {
    statuses: (): ForumSyncStatus[] => current?.statuses() ?? [],
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    use(source) {
      stopCurrent();
      current = source;
      stopCurrent = source?.onChange(changed) ?? (() => {});
      changed();
    },
  };
}

export const syncHandlers: Handlers<'sync.status'> = {
  'sync.status': (_input, ctx) => ctx.sync?.statuses() ?? [],
};
