import { net, powerMonitor } from 'electron';

/** How often the app looks whether the computer has come online; Electron has no event for it. */
const ONLINE_CHECK_MS = 5000;

/**
 * Calls changed when the network has probably changed: the computer came online again, woke from sleep
 * or was unlocked (a laptop opened on another network). The sync transport then tries its servers at
 * once (SyncTransport.networkChanged) instead of waiting out its backoff. Returns a function that stops.
 */
export function followNetworkChanges(changed: () => void): () => void {
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) changed();
    online = now;
  }, ONLINE_CHECK_MS);
  timer.unref();
  powerMonitor.on('resume', changed);
  powerMonitor.on('unlock-screen', changed);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', changed);
    powerMonitor.off('unlock-screen', changed);
  };
}
