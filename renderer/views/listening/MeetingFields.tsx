import { Field } from '../../components/Field';
import { listeningText as t } from '../../text/listening';

export interface MeetingValues {
  school: string;
  /** 'YYYY-MM-DD', or '' while not chosen. */
  date: string;
  /** 'HH:mm', or '' for no time. */
  startTime: string;
  teacherGroup: string;
}

export const NO_MEETING: MeetingValues = { school: '', date: '', startTime: '', teacherGroup: '' };

/** What the service takes: no time is null, not an empty text. */
export function meetingFields(values: MeetingValues) {
  return { ...values, startTime: values.startTime === '' ? null : values.startTime };
}

interface MeetingFieldsProps {
  values: MeetingValues;
  onChange(values: MeetingValues): void;
  errorAt(field: string): string | undefined;
}

/** School, date, time and teacher group: the same fields when a lyttemøde is planned and when it is moved. */
export function MeetingFields({ values, onChange, errorAt }: MeetingFieldsProps) {
  const change = (patch: Partial<MeetingValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <Field label={t.school} error={errorAt('school')}>
        {(props) => (
          <input {...props} value={values.school} onChange={(e) => change({ school: e.target.value })} autoComplete="organization" />
        )}
      </Field>
      <div className="field-row plan-row">
        <Field label={t.date} error={errorAt('date')}>
          {(props) => <input {...props} type="date" value={values.date} onChange={(e) => change({ date: e.target.value })} />}
        </Field>
        <Field label={t.time} error={errorAt('startTime')}>
          {(props) => <input {...props} type="time" value={values.startTime} onChange={(e) => change({ startTime: e.target.value })} />}
        </Field>
      </div>
      <Field label={t.teacherGroup} error={errorAt('teacherGroup')} hint={t.teacherGroupHint}>
        {(props) => <input {...props} value={values.teacherGroup} onChange={(e) => change({ teacherGroup: e.target.value })} />}
      </Field>
    </>
  );
}
