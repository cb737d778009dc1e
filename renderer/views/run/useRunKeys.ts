import { useEffect } from 'react';

export interface RunKeyActions {
  next(): void;
  previous(): void;
  toggleTimer(): void;
  focusDecision(): void;
  focusAction(): void;
  readBack(): void;
  approve(): void;
  overrunChoice(choice: 1 | 2 | 3): void;
  endMeeting(): void;
  openPresenter(): void;
  hideConfidential(): void;
  showShortcuts(): void;
}

/**
 * Whether the key belongs to the focused field. A checkbox or radio button takes only Space and the
 * arrows, and a button Space and Enter, so the letter shortcuts still work with one just pressed.
 */
function forTheField(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) {
    return event.key === ' ' || event.key.startsWith('Arrow');
  }
  if (target instanceof HTMLButtonElement || target.tagName === 'SUMMARY') return event.key === ' ' || event.key === 'Enter';
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts for the whole meeting. They are ignored while the facilitator writes in a
 * field (Esc leaves the field), so typing notes never moves the meeting on by accident.
 */
export function useRunKeys(actions: RunKeyActions): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && forTheField(event)) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (forTheField(event) || event.ctrlKey || event.metaKey || event.altKey) return;
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
        g: actions.approve,
        '1': () => actions.overrunChoice(1),
        '2': () => actions.overrunChoice(2),
        '3': () => actions.overrunChoice(3),
        a: actions.endMeeting,
        o: actions.openPresenter,
        s: actions.hideConfidential,
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
