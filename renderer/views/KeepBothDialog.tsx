import { useEffect, useRef } from 'react';
import { followUpText as t } from '../text/followup';
import { useModal } from './listening/useModal';

interface KeepBothDialogProps {
  /** The import's refusal, which names both meetings. */
  message: string;
  onKeepBoth(): void;
  onClose(): void;
}

/** The import found a meeting the archive has under another id: the user says whether both are kept. */
export function KeepBothDialog({ message, onKeepBoth, onClose }: KeepBothDialogProps) {
  const dialogRef = useModal();
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Nothing is imported unless the user chooses it, so the safe answer has the focus.
    cancelRef.current?.focus();
  }, []);

  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby="keep-both-title" aria-describedby="keep-both-text" onClose={onClose}>
      <h2 id="keep-both-title">{t.keepBothTitle}</h2>
      <p id="keep-both-text">{message}</p>
      <p>{t.keepBothQuestion}</p>
      <div className="button-row">
        <button type="button" onClick={onKeepBoth}>
          {t.keepBoth}
        </button>
        <button type="button" ref={cancelRef} onClick={() => dialogRef.current?.close()}>
          {t.keepBothCancel}
        </button>
      </div>
    </dialog>
  );
}
