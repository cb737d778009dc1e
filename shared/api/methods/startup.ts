import { input } from '../fields';
import { read } from '../spec';

/**
 * Where the opening of the archive has got to. The window opens before the archive is ready, so that
 * an old archive being brought up to date shows its progress instead of a blank window:
 *   'aabner'          the archive is being opened (normally a few milliseconds);
 *   'sikkerhedskopi'  the verified backup that is always taken before an update;
 *   'opdaterer'       update step `done` of `total` has finished (the archive's migrations);
 *   'klar'            the archive is open and every method answers.
 */
export interface StartupProgress {
  step: 'aabner' | 'sikkerhedskopi' | 'opdaterer' | 'klar';
  /** Update steps done and in all; 0 and 0 when the archive needs no update. */
  done: number;
  total: number;
}

export const startupMethods = {
  /** Answered at once, also while the archive is being opened; every other method waits until it is open. */
  'app.startup': read<StartupProgress>()(input({})),
} as const;
