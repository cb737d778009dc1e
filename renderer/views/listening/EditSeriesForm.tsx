import { useState, type FormEvent } from 'react';
import type { ListeningSeriesSummary } from '../../../shared/api/listeningTypes';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { listeningText as t } from '../../text/listening';
import { SeriesFields, type SeriesValues } from './SeriesFields';

const FIELDS = ['title', 'purpose', 'visitors'] as const;

/** "Ret serien": a disclosure, since the title and the visitors are mostly right from the start. */
export function EditSeriesForm({ series }: { series: ListeningSeriesSummary }) {
  const errors = useFormErrors(FIELDS);
  const [values, setValues] = useState<SeriesValues>({ title: series.title, purpose: series.purpose, visitors: series.visitors });
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await write('listening.updateSeries', { seriesId: series.id, ...values });
    setBusy(false);
    if (!outcome.ok) {
      setSaved(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setSaved(t.seriesSaved);
  }

  return (
    <details className="tool edit-series">
      <summary>{t.editSeries}</summary>
      <form onSubmit={submit} aria-label={t.editSeries} noValidate>
        <Notice kind="error">{errors.general}</Notice>
        <SeriesFields
          values={values}
          onChange={(next) => {
            // Neither "saved" nor a message about the old value is true any more.
            errors.clear();
            setSaved(undefined);
            setValues(next);
          }}
          errorAt={errors.at}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t.saveSeries}
        </button>
        <Notice kind="ok">{saved}</Notice>
      </form>
    </details>
  );
}
