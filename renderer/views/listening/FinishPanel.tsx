import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { write } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';

/** Ends the listening: marks the lyttemøde held (with a head count if known) and goes on to sorting. */
export function FinishPanel({ meetingId, seriesId }: { meetingId: string; seriesId: string }) {
  const navigate = useRoute((s) => s.navigate);
  const [count, setCount] = useState('');
  const [error, setError] = useState<string>();

  async function finish(event: FormEvent) {
    event.preventDefault();
    const participantCount = count.trim() === '' ? null : Number(count);
    const outcome = await write('listening.markHeld', { meetingId, held: true, participantCount });
    if (!outcome.ok) return setError(outcome.error.message);
    navigate({ section: 'lyttemoeder', seriesId, meetingId, step: 'sorter' });
  }

  return (
    <form className="listening-finish" onSubmit={finish} aria-label={t.finishTitle} noValidate>
      <Field label={t.participantCount} error={error}>
        {(props) => <input {...props} type="number" inputMode="numeric" min={0} value={count} onChange={(e) => setCount(e.target.value)} />}
      </Field>
      <button type="submit" className="primary">
        {t.finish}
      </button>
    </form>
  );
}
