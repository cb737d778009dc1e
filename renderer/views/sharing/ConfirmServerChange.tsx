import { useEffect, useId, useRef, useState } from 'react';
import type { Result } from '../../../shared/api/envelope';
import { queryClient } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { common } from '../../text/common';
import { membersText as t } from '../../text/sync';
import { useModal } from '../listening/useModal';
import { forgetSharing } from './sharingQueries';

interface ConfirmServerChangeProps {
  title: string;
  text: string;
  confirm: string;
  run(): Promise<Result<unknown>>;
  onDone(): void;
  onClose(): void;
}

/** Asks before a change on the server that cannot be undone from here (removing a member, revoking a computer). */
export function ConfirmServerChange({ title, text, confirm, run, onDone, onClose }: ConfirmServerChangeProps) {
  const dialogRef = useModal();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    // The safe answer has the focus, so an Enter too many changes nothing.
    cancelRef.current?.focus();
  }, []);

  async function go() {
    setBusy(true);
    const outcome = await run();
    setBusy(false);
    if (!outcome.ok) {
      setRefusal(outcome.error.message);
      cancelRef.current?.focus();
      return;
    }
    onDone();
    await forgetSharing(queryClient);
    dialogRef.current?.close();
  }

  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-text`}>{text}</p>
      <Notice kind="error">{refusal}</Notice>
      <div className="button-row">
        {refusal === undefined && (
          <button type="button" className="danger" disabled={busy} onClick={() => void go()}>
            {confirm}
          </button>
        )}
        <button type="button" ref={cancelRef} onClick={() => dialogRef.current?.close()}>
          {refusal === undefined ? common.cancel : t.close}
        </button>
      </div>
    </dialog>
  );
}
