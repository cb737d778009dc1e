import { useEffect, useRef } from 'react';
import { runText as t } from '../../text/run';

/** The `?` overlay: every shortcut of the run screen in one place. */
export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Closed, the overlay gives the focus back to where the facilitator was.
    const before = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    };
  }, []);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="overlay-box">
        <h2 id="shortcuts-title">{t.shortcutsTitle}</h2>
        <table className="table">
          <tbody>
            {t.keys.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="primary" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
