import { useSyncExternalStore } from 'react';

/** `isExtended` and the `change` event come from the Window Management API, not yet in TypeScript's DOM types. */
type ScreenWithExtent = Screen & Partial<EventTarget> & { isExtended?: boolean };

function subscribe(changed: () => void): () => void {
  // The screen fires `change` when a display is plugged in, removed or set to mirror.
  const screen: ScreenWithExtent = window.screen;
  screen.addEventListener?.('change', changed);
  return () => screen.removeEventListener?.('change', changed);
}

/**
 * True only when the browser says the desktop spans more than one display. Mirrored displays, a
 * single display and a browser that cannot tell all give false: the screen may be on the projector.
 */
export function useSecondDisplay(): boolean {
  return useSyncExternalStore(subscribe, () => (window.screen as ScreenWithExtent).isExtended === true);
}
