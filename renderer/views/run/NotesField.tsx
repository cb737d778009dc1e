import '../../styles/itemPanels.css';
import { format } from 'date-fns';
import { useRef, useState } from 'react';
import { Field } from '../../components/Field';
import { useRun } from '../../stores/run';
import { useUnsavedStore } from '../../stores/unsaved';
import { runText as t } from '../../text/run';
import { useSaveOnLeave } from './useSaveOnLeave';

const SAVE_AFTER_MS = 400;

/**
 * Notes are saved while the facilitator types (shortly after each pause), when the field is left,
 * and when the window is hidden (a closed lid), so nothing written is lost. Until the archive has
 * them they are also kept outside the field, so a field that leaves the page (the item is masked
 * or left) comes back with them and saves them.
 */
export function NotesField({ itemId, initial }: { itemId: string; initial: string }) {
  const act = useRun((s) => s.act);
  const key = `noter:${itemId}`;
  const { keep, forget } = useUnsavedStore.getState();
  const [start] = useState(() => {
    const unsaved = useUnsavedStore.getState().values[key];
    return typeof unsaved === 'string' ? unsaved : initial;
  });
  const [text, setText] = useState(start);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });
  const saved = useRef(initial);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(start);

  async function save() {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    const value = latest.current;
    if (value === saved.current) return;
    setState({ kind: 'saving' });
    const outcome = await act('run.saveNotes', { itemId, notes: value });
    if (!outcome.ok) return setState({ kind: 'error', message: outcome.error.message });
    saved.current = value;
    if (latest.current === value) forget(key);
    setState({ kind: 'saved', message: t.savedAt(format(new Date(), 'HH.mm')) });
  }

  // Text kept from before the field left the page goes to the archive at once.
  useSaveOnLeave(itemId, () => void save(), { alsoAtStart: true });

  function change(value: string) {
    latest.current = value;
    keep(key, value);
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
