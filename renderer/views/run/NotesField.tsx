import { format } from 'date-fns';
import { useEffect, useRef, useState } from 'react';
import { Field } from '../../components/Field';
import { useRun } from '../../stores/run';
import { runText as t } from '../../text/run';

const SAVE_AFTER_MS = 400;

/**
 * Notes are saved while the facilitator types (shortly after each pause), when the field is left,
 * and when the window is hidden (a closed lid), so nothing written is lost.
 */
export function NotesField({ itemId, initial }: { itemId: string; initial: string }) {
  const act = useRun((s) => s.act);
  const [text, setText] = useState(initial);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });
  const saved = useRef(initial);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(initial);

  async function save() {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    const value = latest.current;
    if (value === saved.current) return;
    setState({ kind: 'saving' });
    const outcome = await act('run.saveNotes', { itemId, notes: value });
    if (!outcome.ok) return setState({ kind: 'error', message: outcome.error.message });
    saved.current = value;
    setState({ kind: 'saved', message: t.savedAt(format(new Date(), 'HH.mm')) });
  }

  useEffect(() => {
    const flush = () => void save();
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flush);
      flush();
    };
    // save reads refs only; subscribing once per item is intended.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [itemId]);

  function change(value: string) {
    latest.current = value;
    setText(value);
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  }

  return (
    <Field label={t.notes} hint={t.notesHint} error={state.kind === 'error' ? state.message : undefined}>
      {(props) => (
        <>
          <textarea {...props} className="run-notes" rows={6} value={text} onChange={(e) => change(e.target.value)} onBlur={() => void save()} />
          <p className="save-state" role="status">
            {state.kind === 'saving' ? t.saving : state.kind === 'saved' ? state.message : ''}
          </p>
        </>
      )}
    </Field>
  );
}
