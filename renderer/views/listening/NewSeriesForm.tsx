import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useListening } from '../../stores/listening';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';

const FIELDS = ['title', 'purpose', 'visitors'] as const;

export function NewSeriesForm() {
  const createSeries = useListening((s) => s.createSeries);
  const navigate = useRoute((s) => s.navigate);
  const errors = useFormErrors(FIELDS);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [visitors, setVisitors] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await createSeries({ title, purpose, visitors });
    setBusy(false);
    if (!result.ok) return errors.set(result.error);
    errors.clear();
    navigate({ section: 'lyttemoeder', seriesId: result.value.id });
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-series-title" noValidate>
      <h2 id="new-series-title">{t.newSeries}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.seriesTitle} error={errors.at('title')}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t.seriesTitlePlaceholder} />}
      </Field>
      <Field label={t.purpose} error={errors.at('purpose')} hint={t.purposeHint}>
        {(props) => <textarea {...props} rows={3} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <Field label={t.visitors} error={errors.at('visitors')} hint={t.visitorsHint}>
        {(props) => <input {...props} value={visitors} onChange={(e) => setVisitors(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t.createSeries}
      </button>
    </form>
  );
}
