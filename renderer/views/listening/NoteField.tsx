import { useState, type FormEvent } from 'react';
import type { ListeningInput } from '../../../shared/api/listeningTypes';
import { Field } from '../../components/Field';
import { write } from '../../api/queries';
import { listeningText as t } from '../../text/listening';

/** A short note on why an input was sorted as it was; saved on its own, the place is left as it is. */
export function NoteField({ input }: { input: ListeningInput }) {
  const [note, setNote] = useState(input.note);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const outcome = await write('listening.sortInput', { inputId: input.id, note });
    setError(outcome.ok ? undefined : outcome.error.message);
    setSaved(outcome.ok);
  }

  return (
    <form className="note-form" onSubmit={save} noValidate aria-label={t.noteFor(input.position)}>
      <Field label={t.note} error={error}>
        {(props) => (
          <input
            {...props}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setSaved(false);
            }}
          />
        )}
      </Field>
      <button type="submit">{t.saveNote}</button>
      <p role="status" className="note-saved">
        {saved ? t.noteSaved : ''}
      </p>
    </form>
  );
}
