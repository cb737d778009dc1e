import { randomUUID } from 'node:crypto';
import type { Archive } from '../archive/open';

/** What every service needs: the archive, a clock and an id source (both replaceable in tests). */
export interface ServiceContext {
  /** Read it anew on every call: a restored backup replaces it (see replaceArchive). */
  readonly archive: Archive;
  appVersion: string;
  now(): Date;
  newId(): string;
}

export function createContext(archive: Archive, appVersion: string): ServiceContext {
  return { archive, appVersion, now: () => new Date(), newId: () => randomUUID() };
}

/** Puts a newly opened archive under the services, after a backup was restored in the old one's place. */
export function replaceArchive(ctx: ServiceContext, archive: Archive): void {
  (ctx as { archive: Archive }).archive = archive;
}
