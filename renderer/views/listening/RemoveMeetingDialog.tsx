import { useEffect, useRef, useState } from 'react';
import type { ListeningMeetingSummary } from '../../../shared/api/listeningTypes';
import { Notice } from '../../components/Notice';
import { shortDate } from '../../format';
import { write } from '../../api/queries';
import { common } from '../../text/common';
import { listeningText as t } from '../../text/listening';
import { useModal } from './useModal';

interface RemoveMeetingDialogProps {
  meeting: ListeningMeetingSummary;
  onRemoved(message: string): void;
  onClose(): void;
}

/** Asks before a lyttemøde goes; the archive refuses one with inputs, and says why. */
export function RemoveMeetingDialog({ meeting, onRemoved, onClose }: RemoveMeetingDialogProps) {
  const dialogRef = useModal();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [refusal, setRefusal] = useState<string>();
  const date = shortDate(meeting.date);

  useEffect(() => {
    // The safe answer has the focus, so an Enter too many removes nothing.
    cancelRef.current?.focus();
  }, []);

  async function remove() {
    const outcome = await write('listening.removeMeeting', { meetingId: meeting.id });
    if (!outcome.ok) {
      setRefusal(outcome.error.message);
      cancelRef.current?.focus();
      return;
    }
    onRemoved(t.meetingRemoved(meeting.school, date));
  }

  const titleId = `remove-meeting-${meeting.id}`;
  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby={titleId} aria-describedby={`${titleId}-text`} onClose={onClose}>
      <h2 id={titleId}>{t.removeMeetingTitle}</h2>
      <p id={`${titleId}-text`}>{t.removeMeetingText(meeting.school, date, meeting.teacherGroup)}</p>
      <Notice kind="error">{refusal}</Notice>
      <div className="button-row">
        {refusal === undefined && (
          <button type="button" className="danger" onClick={() => void remove()}>
            {t.confirmRemoveMeeting}
          </button>
        )}
        <button type="button" ref={cancelRef} onClick={() => dialogRef.current?.close()}>
          {refusal === undefined ? common.cancel : t.close}
        </button>
      </div>
    </dialog>
  );
}
