import { Field } from '../../components/Field';
import { listeningText as t } from '../../text/listening';

export interface SeriesValues {
  title: string;
  purpose: string;
  visitors: string;
}

interface SeriesFieldsProps {
  values: SeriesValues;
  onChange(values: SeriesValues): void;
  errorAt(field: string): string | undefined;
}

/** Title, formål and besøgende: the same fields when a series is made and when it is corrected. */
export function SeriesFields({ values, onChange, errorAt }: SeriesFieldsProps) {
  const change = (patch: Partial<SeriesValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <Field label={t.seriesTitle} error={errorAt('title')}>
        {(props) => (
          <input {...props} value={values.title} onChange={(e) => change({ title: e.target.value })} placeholder={t.seriesTitlePlaceholder} />
        )}
      </Field>
      <Field label={t.purpose} error={errorAt('purpose')} hint={t.purposeHint}>
        {(props) => <textarea {...props} rows={3} value={values.purpose} onChange={(e) => change({ purpose: e.target.value })} />}
      </Field>
      <Field label={t.visitors} error={errorAt('visitors')} hint={t.visitorsHint}>
        {(props) => <input {...props} value={values.visitors} onChange={(e) => change({ visitors: e.target.value })} />}
      </Field>
    </>
  );
}
