import { randomUUID } from 'node:crypto';
import type { ArchiveNotice } from '../../shared/api/methods/backup';
import type { Archive } from '../archive/open';

/** What every service needs: the archive, a clock and an id source (both replaceable in tests). */
export interface ServiceContext {
  /** Read it anew on every call: a restored backup replaces it (see replaceArchive). */
  readonly archive: Archive;
  appVersion: string;
  now(): Date;
  newId(): string;
  /** What the user should be told about the archive itself; emptied when a backup is restored. */
  notices: ArchiveNotice[];
}

export function createContext(archive: Archive, appVersion: string): ServiceContext {
  return { archive, appVersion, now: () => new Date(), newId: () => randomUUID(), notices: [] };
}

/** Puts a newly opened archive under the services, after a backup was restored in the old one's place. */
export function replaceArchive(ctx: ServiceContext, archive: Archive): void {
  (ctx as { archive: Archive }).archive = archive;
}
