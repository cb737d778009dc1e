import { useEffect, useRef } from 'react';
import { runText as t } from '../../text/run';

/**
 * «Afslut mødet?» in place of the check-out, at the top of the screen with the focus on «Ja, afslut»:
 * Enter ends the meeting, Esc goes back to the check-out.
 */
export function EndConfirm({ onEnd, onCancel }: { onEnd(): void; onCancel(): void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    yes.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section
      className="run-stage end-confirm"
      role="alertdialog"
      aria-labelledby="end-title"
      aria-describedby="end-text"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="end-title">{t.endMeeting}</h2>
      <p id="end-text" className="warning">
        {t.endConfirm}
      </p>
      <div className="button-row">
        <button ref={yes} type="button" className="primary" onClick={onEnd} aria-keyshortcuts="Enter">
          {t.endYes} <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
          {t.cancel} <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
