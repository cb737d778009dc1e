import { randomUUID } from 'node:crypto';
import type { ArchiveNotice } from '../../shared/api/methods/backup';
import type { Archive } from '../archive/open';
import type { Sharing } from './sharing';
import { createSyncStatusSlot, type SyncStatusSlot } from './syncStatus';

/** What every service needs: the archive, a clock and an id source (both replaceable in tests). */
export interface ServiceContext {
  /** Read it anew on every call: a restored backup replaces it (see replaceArchive). */
  readonly archive: Archive;
  appVersion: string;
  now(): Date;
  newId(): string;
  /** What the user should be told about the archive itself; emptied when a backup is restored. */
  notices: ArchiveNotice[];
  /** How the shared forums stand with their server; absent (none shared) where no transport can run. */
  readonly sync?: SyncStatusSlot;
  /** Sharing through the kommune's server; set once the connection to it runs (useSharing), absent where none can. */
  readonly sharing?: Sharing;
}

export function createContext(archive: Archive, appVersion: string, sync: SyncStatusSlot = createSyncStatusSlot()): ServiceContext {
  return { archive, appVersion, now: () => new Date(), newId: () => randomUUID(), notices: [], sync };
}

/** Puts a newly opened archive under the services, after a backup was restored in the old one's place. */
export function replaceArchive(ctx: ServiceContext, archive: Archive): void {
  (ctx as { archive: Archive }).archive = archive;
}

/** Puts sharing under the services once the connection to the server runs (it needs the open archive's services). */
export function useSharing(ctx: ServiceContext, sharing: Sharing | undefined): void {
  (ctx as { sharing?: Sharing }).sharing = sharing;
}
