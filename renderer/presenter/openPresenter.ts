import { PRESENTER_HASH_PREFIX } from './route';

/**
 * Opens (or, by the fixed window name, reuses) the projector window for a meeting. In Electron the
 * main process allows exactly this address and gives the window the same locked-down settings as
 * the main window; in the browser harness it is a second page.
 */
export function openPresenter(meetingId: string): void {
  window.open(`${location.origin}${location.pathname}${PRESENTER_HASH_PREFIX}${meetingId}`, 'samtalerum-praesentation');
}
