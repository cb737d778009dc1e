import { useState, type FormEvent } from 'react';
import type { ListeningMeetingSummary } from '../../../shared/api/listeningTypes';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { listeningText as t } from '../../text/listening';
import { MeetingFields, NO_MEETING, meetingFields, type MeetingValues } from './MeetingFields';

const FIELDS = ['school', 'date', 'startTime', 'teacherGroup'] as const;

/**
 * Plans one lyttemøde; the school stays filled in, since a visit often holds more than one group. The
 * confirmation names the planned lyttemøde as the series has it now, and goes when the lyttemøde goes.
 */
export function PlanMeetingForm({ seriesId, meetings }: { seriesId: string; meetings: readonly ListeningMeetingSummary[] }) {
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [values, setValues] = useState<MeetingValues>(NO_MEETING);
  const [plannedId, setPlannedId] = useState<string>();
  const planned = meetings.find((m) => m.id === plannedId);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await write('listening.planMeeting', { seriesId, ...meetingFields(values) });
    setBusy(false);
    if (!outcome.ok) {
      setPlannedId(undefined);
      errors.set(outcome.error);
      return focusInvalid();
    }
    errors.clear();
    setPlannedId(outcome.value.id);
    setValues({ ...NO_MEETING, school: values.school });
    // Ready for the next group: the school field comes first, kept filled in for a visit with more groups.
    formRef.current?.querySelector('input')?.focus();
  }

  return (
    <form ref={formRef} className="panel plan-listening" onSubmit={submit} aria-labelledby="plan-listening-title" noValidate>
      <h2 id="plan-listening-title">{t.planMeeting}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <Notice kind="ok">{planned && t.plannedOk(planned.school)}</Notice>
      <MeetingFields values={values} onChange={setValues} errorAt={errors.at} />
      <button type="submit" className="primary" disabled={busy}>
        {t.planMeeting}
      </button>
    </form>
  );
}
