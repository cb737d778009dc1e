import { useState, type FormEvent } from 'react';
import type { InboxSubmission } from '../../../shared/api/methods/inbox';
import { LIMITS } from '../../../shared/api/limits';
import { useApiQuery, write } from '../../api/queries';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { clockTime, shortDate } from '../../format';
import { common } from '../../text/common';
import { inboxText as t } from '../../text/inbox';
import { listeningText } from '../../text/listening';
import { AgendaFields, type AgendaValues } from '../listening/AgendaFields';
import { useModal } from '../listening/useModal';

const FIELDS = ['meetingId', 'submissionId', 'title', 'type', 'announcedColour', 'minutes'] as const;

/** Puts a submission on one of the forum's coming meetings, with the send dialog's fields; a late item when the agenda was sent. */
export function AcceptDialog({ forumId, submission, onClose }: { forumId: string; submission: InboxSubmission; onClose(): void }) {
  const dialogRef = useModal();
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const { data: meetings } = useApiQuery('meetings.list', { forumId });
  const coming = (meetings ?? []).filter((m) => m.status === 'planlagt');
  const [chosen, setChosen] = useState<string | null>(null);
  const meetingId = chosen ?? coming[0]?.id ?? '';
  const [agenda, setAgenda] = useState<AgendaValues>({ title: submission.title.slice(0, LIMITS.title), type: 'droeftelse', announcedColour: null, minutes: '15' });

  async function accept(event: FormEvent) {
    event.preventDefault();
    const outcome = await write('inbox.accept', {
      submissionId: submission.id,
      meetingId,
      title: agenda.title,
      type: agenda.type,
      announcedColour: agenda.type === 'beslutning' ? agenda.announcedColour : null,
      minutes: Number(agenda.minutes),
    });
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    onClose();
  }

  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby={`accept-${submission.id}`} onClose={onClose}>
      <form ref={formRef} onSubmit={accept} noValidate>
        <h2 id={`accept-${submission.id}`}>{t.acceptTitle}</h2>
        <p className="send-input">{submission.text}</p>
        <Notice kind="error">{errors.general ?? errors.at('submissionId')}</Notice>
        {meetings && coming.length === 0 ? (
          <p className="empty">{t.noMeetings}</p>
        ) : (
          <>
            <Field label={listeningText.meeting} error={errors.at('meetingId')}>
              {(props) => (
                <select {...props} value={meetingId} onChange={(e) => setChosen(e.target.value)}>
                  {coming.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title} · {shortDate(m.startsAt)} {clockTime(m.startsAt)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <AgendaFields
              meetingId={meetingId}
              values={agenda}
              onChange={(next) => {
                errors.clear();
                setAgenda(next);
              }}
              errorAt={errors.at}
            />
          </>
        )}
        <div className="button-row">
          {coming.length > 0 && (
            <button type="submit" className="primary">
              {t.accept}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
