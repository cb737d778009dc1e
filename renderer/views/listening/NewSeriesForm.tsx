import { useState, type FormEvent } from 'react';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { SeriesFields, type SeriesValues } from './SeriesFields';

const FIELDS = ['title', 'purpose', 'visitors'] as const;

export function NewSeriesForm() {
  const navigate = useRoute((s) => s.navigate);
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [values, setValues] = useState<SeriesValues>({ title: '', purpose: '', visitors: '' });
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await write('listening.createSeries', values);
    setBusy(false);
    if (!result.ok) {
      errors.set(result.error);
      return focusInvalid();
    }
    errors.clear();
    navigate({ section: 'lyttemoeder', seriesId: result.value.id });
  }

  return (
    <form ref={formRef} className="panel" onSubmit={submit} aria-labelledby="new-series-title" noValidate>
      <h2 id="new-series-title">{t.newSeries}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <SeriesFields values={values} onChange={setValues} errorAt={errors.at} />
      <button type="submit" className="primary" disabled={busy}>
        {t.createSeries}
      </button>
    </form>
  );
}
