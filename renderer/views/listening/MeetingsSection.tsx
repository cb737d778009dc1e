import { useEffect, useRef, useState } from 'react';
import type { ListeningMeetingSummary } from '../../../shared/api/listeningTypes';
import { Notice } from '../../components/Notice';
import { listeningText as t } from '../../text/listening';
import { EditMeetingDialog } from './EditMeetingDialog';
import { MeetingTable } from './MeetingTable';
import { RemoveMeetingDialog } from './RemoveMeetingDialog';

type OpenDialog = { kind: 'edit' | 'remove'; meeting: ListeningMeetingSummary } | null;
/** What was done to a lyttemøde; a message about a saved one goes when it is removed, here or elsewhere. */
type Done = { text: string; meetingId?: string };

/** The series' lyttemøder, with moving and removing one in a modal dialog. */
export function MeetingsSection({ meetings }: { meetings: readonly ListeningMeetingSummary[] }) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [done, setDone] = useState<Done>();
  const message = done && (done.meetingId === undefined || meetings.some((m) => m.id === done.meetingId)) ? done.text : undefined;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const focusNext = useRef<HTMLElement | null>(null);

  useEffect(() => {
    // Only once the modal dialog is gone can the page behind it take the focus.
    if (dialog !== null || !focusNext.current) return;
    focusNext.current.focus();
    focusNext.current = null;
  }, [dialog]);

  function open(kind: 'edit' | 'remove', meeting: ListeningMeetingSummary) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDone(undefined);
    setDialog({ kind, meeting });
  }

  /** Cancelled: back to the button that opened the dialog. Done: to the heading, above the message. */
  function close(next?: Done) {
    focusNext.current = next === undefined ? opener.current : headingRef.current;
    if (next !== undefined) setDone(next);
    setDialog(null);
  }

  return (
    // The table gets the page's full width, so school, date and counts stay on one line each.
    <section aria-labelledby="listening-meetings-title" className="listening-meetings-section">
      <h2 id="listening-meetings-title" ref={headingRef} tabIndex={-1}>
        {t.meetings}
      </h2>
      <Notice kind="ok">{message}</Notice>
      {meetings.length === 0 ? (
        <p className="empty">{t.noMeetings}</p>
      ) : (
        <MeetingTable meetings={meetings} onEdit={(m) => open('edit', m)} onRemove={(m) => open('remove', m)} />
      )}
      {dialog?.kind === 'edit' && (
        <EditMeetingDialog meeting={dialog.meeting} onSaved={(text) => close({ text, meetingId: dialog.meeting.id })} onClose={() => close()} />
      )}
      {dialog?.kind === 'remove' && <RemoveMeetingDialog meeting={dialog.meeting} onRemoved={(text) => close({ text })} onClose={() => close()} />}
    </section>
  );
}
