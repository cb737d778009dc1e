import { useEffect } from 'react';

/**
 * Saves what is typed when the window is hidden or closed (a shut lid, a closed window) and when the field
 * leaves the page (the item is left or masked), so nothing written is lost. `save` must read refs only:
 * it is subscribed once per `key`.
 */
export function useSaveOnLeave(key: string, save: () => void, { alsoAtStart }: { alsoAtStart: boolean }) {
  useEffect(() => {
    if (alsoAtStart) save();
    document.addEventListener('visibilitychange', save);
    window.addEventListener('pagehide', save);
    return () => {
      document.removeEventListener('visibilitychange', save);
      window.removeEventListener('pagehide', save);
      save();
    };
    // save reads refs only; subscribing once per key is intended.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
