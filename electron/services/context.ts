import { randomUUID } from 'node:crypto';
import type { Archive } from '../archive/open';

/** What every service needs: the archive, a clock and an id source (both replaceable in tests). */
export interface ServiceContext {
  archive: Archive;
  appVersion: string;
  now(): Date;
  newId(): string;
}

export function createContext(archive: Archive, appVersion: string): ServiceContext {
  return { archive, appVersion, now: () => new Date(), newId: () => randomUUID() };
}
