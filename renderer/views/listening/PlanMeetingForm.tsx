import { useState, type FormEvent } from 'react';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { listeningText as t } from '../../text/listening';
import { MeetingFields, NO_MEETING, meetingFields, type MeetingValues } from './MeetingFields';

const FIELDS = ['school', 'date', 'startTime', 'teacherGroup'] as const;

/** Plans one lyttemøde; the school stays filled in, since a visit often holds more than one group. */
export function PlanMeetingForm({ seriesId }: { seriesId: string }) {
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [values, setValues] = useState<MeetingValues>(NO_MEETING);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await write('listening.planMeeting', { seriesId, ...meetingFields(values) });
    setBusy(false);
    if (!outcome.ok) {
      setSaved(undefined);
      errors.set(outcome.error);
      return focusInvalid();
    }
    errors.clear();
    setSaved(t.plannedOk(values.school.trim()));
    setValues({ ...NO_MEETING, school: values.school });
    // Ready for the next group: the school field comes first, kept filled in for a visit with more groups.
    formRef.current?.querySelector('input')?.focus();
  }

  return (
    <form ref={formRef} className="panel plan-listening" onSubmit={submit} aria-labelledby="plan-listening-title" noValidate>
      <h2 id="plan-listening-title">{t.planMeeting}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <Notice kind="ok">{saved}</Notice>
      <MeetingFields values={values} onChange={setValues} errorAt={errors.at} />
      <button type="submit" className="primary" disabled={busy}>
        {t.planMeeting}
      </button>
    </form>
  );
}
