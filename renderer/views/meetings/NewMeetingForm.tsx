import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useMeetings } from '../../stores/meetings';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';

const FIELDS = ['title', 'startsAt', 'durationMinutes', 'place'] as const;

export function NewMeetingForm({ forumId, forumName }: { forumId: string; forumName: string }) {
  const create = useMeetings((s) => s.create);
  const navigate = useRoute((s) => s.navigate);
  const errors = useFormErrors(FIELDS);
  const [title, setTitle] = useState(`${forumName}-møde`);
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('90');
  const [place, setPlace] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await create({ forumId, title, startsAt, durationMinutes: Number(duration), place });
    setBusy(false);
    if (!result.ok) return errors.set(result.error);
    navigate({ section: 'moeder', meetingId: result.meeting.id });
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-meeting-title" noValidate>
      <h2 id="new-meeting-title">{t.newMeeting}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.meetingTitle} error={errors.at('title')}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t.startsAt} error={errors.at('startsAt')}>
        {(props) => <input {...props} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
      </Field>
      <Field label={t.duration} error={errors.at('durationMinutes')}>
        {(props) => (
          <input {...props} type="number" inputMode="numeric" min={1} value={duration} onChange={(e) => setDuration(e.target.value)} />
        )}
      </Field>
      <Field label={t.place} error={errors.at('place')}>
        {(props) => <input {...props} value={place} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t.create}
      </button>
    </form>
  );
}
