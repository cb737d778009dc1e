import { useEffect } from 'react';

export interface RunKeyActions {
  next(): void;
  previous(): void;
  toggleTimer(): void;
  focusDecision(): void;
  focusAction(): void;
  readBack(): void;
  openPresenter(): void;
  showShortcuts(): void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts for the whole meeting. They are ignored while the facilitator writes in a
 * field (Esc leaves the field), so typing notes never moves the meeting on by accident.
 */
export function useRunKeys(actions: RunKeyActions): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && typing(event.target)) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const map: Record<string, () => void> = {
        ArrowRight: actions.next,
        n: actions.next,
        ArrowLeft: actions.previous,
        p: actions.previous,
        ' ': actions.toggleTimer,
        t: actions.toggleTimer,
        b: actions.focusDecision,
        h: actions.focusAction,
        l: actions.readBack,
        o: actions.openPresenter,
        '?': actions.showShortcuts,
      };
      const run = map[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!run) return;
      // Space and arrows would otherwise scroll or press the focused button as well.
      event.preventDefault();
      run();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
