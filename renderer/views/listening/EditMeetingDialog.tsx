import { useState, type FormEvent } from 'react';
import type { ListeningMeetingSummary } from '../../../shared/api/listeningTypes';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { shortDate } from '../../format';
import { write } from '../../api/queries';
import { common } from '../../text/common';
import { listeningText as t } from '../../text/listening';
import { MeetingFields, meetingFields, type MeetingValues } from './MeetingFields';
import { useModal } from './useModal';

const FIELDS = ['school', 'date', 'startTime', 'teacherGroup'] as const;

interface EditMeetingDialogProps {
  meeting: ListeningMeetingSummary;
  onSaved(message: string): void;
  onClose(): void;
}

/** Moves a lyttemøde, or corrects its school or group, in the plan form's own fields. */
export function EditMeetingDialog({ meeting, onSaved, onClose }: EditMeetingDialogProps) {
  const dialogRef = useModal();
  const errors = useFormErrors(FIELDS);
  const [values, setValues] = useState<MeetingValues>({
    school: meeting.school,
    date: meeting.date,
    startTime: meeting.startTime ?? '',
    teacherGroup: meeting.teacherGroup,
  });
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await write('listening.updateMeeting', { meetingId: meeting.id, ...meetingFields(values) });
    setBusy(false);
    if (!outcome.ok) return errors.set(outcome.error);
    onSaved(t.meetingSaved(values.school.trim(), shortDate(values.date)));
  }

  const titleId = `edit-meeting-${meeting.id}`;
  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={save} noValidate>
        <h2 id={titleId}>{t.editMeetingTitle(meeting.school)}</h2>
        <Notice kind="error">{errors.general}</Notice>
        <MeetingFields
          values={values}
          onChange={(next) => {
            // A message about the old value would now be wrong; saving checks again.
            errors.clear();
            setValues(next);
          }}
          errorAt={errors.at}
        />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {t.saveMeeting}
          </button>
          <button type="button" onClick={() => dialogRef.current?.close()}>
            {common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
