import { useState } from 'react';
import type { InboxSubmission } from '../../../shared/api/methods/inbox';
import { LIMITS } from '../../../shared/api/limits';
import { useApiQuery, write } from '../../api/queries';
import { Field } from '../../components/Field';
import { clockTime, shortDate } from '../../format';
import { inboxText as t } from '../../text/inbox';
import { listeningText } from '../../text/listening';
import { AgendaFields, type AgendaValues } from '../listening/AgendaFields';
import { useWriteDialog, WriteDialog } from '../listening/WriteDialog';

const FIELDS = ['meetingId', 'submissionId', 'title', 'type', 'announcedColour', 'minutes'] as const;

/** Puts a submission on one of the forum's coming meetings, with the send dialog's fields; a late item when the agenda was sent. */
export function AcceptDialog({ forumId, submission, onClose }: { forumId: string; submission: InboxSubmission; onClose(): void }) {
  const { data: meetings } = useApiQuery('meetings.list', { forumId });
  const coming = (meetings ?? []).filter((m) => m.status === 'planlagt');
  const [chosen, setChosen] = useState<string | null>(null);
  const meetingId = chosen ?? coming[0]?.id ?? '';
  const [agenda, setAgenda] = useState<AgendaValues>({ title: submission.title.slice(0, LIMITS.title), type: 'droeftelse', announcedColour: null, minutes: '15' });
  const { errors, formRef, submit } = useWriteDialog(
    FIELDS,
    () =>
      write('inbox.accept', {
        submissionId: submission.id,
        meetingId,
        title: agenda.title,
        type: agenda.type,
        announcedColour: agenda.type === 'beslutning' ? agenda.announcedColour : null,
        minutes: Number(agenda.minutes),
      }),
    onClose,
  );

  return (
    <WriteDialog
      titleId={`accept-${submission.id}`}
      title={t.acceptTitle}
      quoted={submission.text}
      formRef={formRef}
      onSubmit={submit}
      error={errors.general ?? errors.at('submissionId')}
      submitLabel={coming.length > 0 ? t.accept : null}
      onClose={onClose}
    >
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
            onChange={setAgenda}
            errors={errors}
          />
        </>
      )}
    </WriteDialog>
  );
}
