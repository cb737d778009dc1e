import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useListening } from '../../stores/listening';
import { listeningText as t } from '../../text/listening';

const FIELDS = ['school', 'date', 'startTime', 'teacherGroup'] as const;

/** Plans one lyttemøde; the school stays filled in, since a visit often holds more than one group. */
export function PlanMeetingForm({ seriesId }: { seriesId: string }) {
  const planMeeting = useListening((s) => s.planMeeting);
  const errors = useFormErrors(FIELDS);
  const [school, setSchool] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [teacherGroup, setTeacherGroup] = useState('');
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await planMeeting({ seriesId, school, date, startTime: startTime === '' ? null : startTime, teacherGroup });
    setBusy(false);
    if (!outcome.ok) {
      setSaved(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setSaved(t.plannedOk(school.trim()));
    setDate('');
    setStartTime('');
    setTeacherGroup('');
  }

  return (
    <form className="panel plan-listening" onSubmit={submit} aria-labelledby="plan-listening-title" noValidate>
      <h2 id="plan-listening-title">{t.planMeeting}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <Notice kind="ok">{saved}</Notice>
      <Field label={t.school} error={errors.at('school')}>
        {(props) => <input {...props} value={school} onChange={(e) => setSchool(e.target.value)} autoComplete="organization" />}
      </Field>
      <div className="field-row plan-row">
        <Field label={t.date} error={errors.at('date')}>
          {(props) => <input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={t.time} error={errors.at('startTime')}>
          {(props) => <input {...props} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />}
        </Field>
      </div>
      <Field label={t.teacherGroup} error={errors.at('teacherGroup')} hint={t.teacherGroupHint}>
        {(props) => <input {...props} value={teacherGroup} onChange={(e) => setTeacherGroup(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t.planMeeting}
      </button>
    </form>
  );
}
