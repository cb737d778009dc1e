import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import type { Outcome } from '../../stores/request';
import { meetingsText as t } from '../../text/meetings';

const FIELDS = ['title', 'startsAt', 'durationMinutes', 'place', 'purpose'] as const;

export interface MeetingFormValues {
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  purpose: string;
}

interface MeetingFormProps {
  initial: MeetingFormValues;
  submitLabel: string;
  savedMessage?: string;
  onSubmit(values: MeetingFormValues): Promise<Outcome>;
}

/** The meeting's own fields, for planning a new meeting and for editing one. */
export function MeetingForm({ initial, submitLabel, savedMessage, onSubmit }: MeetingFormProps) {
  const errors = useFormErrors(FIELDS);
  const [title, setTitle] = useState(initial.title);
  const [startsAt, setStartsAt] = useState(initial.startsAt);
  const [duration, setDuration] = useState(String(initial.durationMinutes));
  const [place, setPlace] = useState(initial.place);
  const [purpose, setPurpose] = useState(initial.purpose);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await onSubmit({ title, startsAt, durationMinutes: Number(duration), place, purpose });
    setBusy(false);
    if (!outcome.ok) {
      setSaved(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setSaved(savedMessage);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Notice kind="error">{errors.general}</Notice>
      <Notice kind="ok">{saved}</Notice>
      <Field label={t.meetingTitle} error={errors.at('title')}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <div className="field-row">
        <Field label={t.startsAt} error={errors.at('startsAt')}>
          {(props) => <input {...props} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
        </Field>
        <Field label={t.duration} error={errors.at('durationMinutes')}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={1} value={duration} onChange={(e) => setDuration(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={t.place} error={errors.at('place')}>
        {(props) => <input {...props} value={place} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <Field label={t.purpose} error={errors.at('purpose')} hint={t.purposeHint}>
        {(props) => <textarea {...props} rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
