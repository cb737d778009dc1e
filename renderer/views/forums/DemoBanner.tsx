import { useEffect, useRef, useState } from 'react';
import { Notice } from '../../components/Notice';
import { write } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { forumPageText as p } from '../../text/forums';

/** Says the forum is made up, and removes all demo data after a second, explicit confirmation. */
export function DemoBanner() {
  const navigate = useRoute((s) => s.navigate);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    // Focus follows the step: to the question when it appears, back to the button when it is cancelled.
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function remove() {
    setBusy(true);
    const outcome = await write('demo.remove', {});
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error.message);
    navigate({ section: 'fora' });
  }

  return (
    <section className="demo-banner" aria-label={p.demo.tag}>
      {confirming ? (
        <div className="demo-confirm">
          <h2 ref={confirmRef} tabIndex={-1}>
            {p.demo.confirmTitle}
          </h2>
          <p>{p.demo.confirmText}</p>
          <Notice kind="error">{error}</Notice>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
              {p.demo.confirm}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {p.demo.keep}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{p.demo.explain}</p>
          <button type="button" ref={openRef} onClick={() => setConfirming(true)}>
            {p.demo.remove}
          </button>
        </>
      )}
    </section>
  );
}
