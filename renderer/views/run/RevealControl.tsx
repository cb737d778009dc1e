import { useEffect, useRef, useState } from 'react';
import { useProjectorSafe } from '../../stores/projectorSafe';
import { runText as t } from '../../text/run';
import type { ScreenItem } from './screenView';

/**
 * On a masked item: show its content on purpose, after saying that the room may see it. On a
 * revealed item: say so, and offer to hide it again.
 */
export function RevealControl({ meetingId, item }: { meetingId: string; item: ScreenItem }) {
  if (!item.masked) return <RevealedNote />;
  return <MaskedNote meetingId={meetingId} itemId={item.id} />;
}

function MaskedNote({ meetingId, itemId }: { meetingId: string; itemId: string }) {
  const reveal = useProjectorSafe((s) => s.reveal);
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  // The question gets the focus, so it is read first and a second Enter cannot reveal by accident.
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus) revealRef.current?.focus();
  }, [asking, returnFocus]);
  return (
    <div className="masked-note">
      <p>{t.maskedNote}</p>
      {asking ? (
        <div className="reveal-confirm" role="group" aria-labelledby="reveal-question">
          <p id="reveal-question" ref={questionRef} tabIndex={-1} className="warning">
            {t.revealConfirm}
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => reveal(meetingId, itemId)}>
              {t.revealYes}
            </button>
            <button
              type="button"
              onClick={() => {
                setAsking(false);
                setReturnFocus(true);
              }}
            >
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button ref={revealRef} type="button" onClick={() => setAsking(true)}>
          {t.reveal}
        </button>
      )}
    </div>
  );
}

function RevealedNote() {
  const conceal = useProjectorSafe((s) => s.conceal);
  // The confirm button is gone; the focus goes to the item's title, where the content now begins.
  useEffect(() => document.getElementById('item-title')?.focus(), []);
  return (
    <div className="revealed-note">
      <p>{t.revealed}</p>
      <button type="button" onClick={conceal}>
        {t.conceal}
      </button>
    </div>
  );
}
