import { openArchive } from '../archive/open';
import { createContext } from './context';
import { createServices, type Services } from './dispatch';

export type { Services } from './dispatch';

export interface StartOptions {
  /** On the first run (a new archive) install the demo TRIO, so a new user has something to explore. */
  demoOnFirstRun?: boolean;
}

/** Opens (and migrates) the archive at path and returns the services over it. */
export function startServices(archivePath: string, appVersion: string, options: StartOptions = {}): Services {
  const archive = openArchive(archivePath);
  const services = createServices(createContext(archive, appVersion));
  if (archive.createdNow && options.demoOnFirstRun) {
    // A write runs to completion inside this call; only its answer arrives later.
    void services.dispatch('demo.install', {}).then((result) => {
      if (!result.ok) console.error('Demoen kunne ikke lægges i arkivet:', result.error.message);
    });
  }
  return services;
}
