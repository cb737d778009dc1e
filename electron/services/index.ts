import { openArchive } from '../archive/open';
import { createContext } from './context';
import { createServices, type Services } from './dispatch';

export type { Services } from './dispatch';

/** Opens (and migrates) the archive at path and returns the services over it. */
export function startServices(archivePath: string, appVersion: string): Services {
  return createServices(createContext(openArchive(archivePath), appVersion));
}
