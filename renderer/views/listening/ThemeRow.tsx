import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ListeningTheme } from '../../../shared/api/listeningTypes';
import { Field } from '../../components/Field';
import { write } from '../../api/queries';
import { common } from '../../text/common';
import { listeningText as t } from '../../text/listening';

type Mode = 'view' | 'rename' | 'confirm';

/** One theme of the series: read, rename (which may merge it into another) or remove after a question. */
export function ThemeRow({ theme, onDone }: { theme: ListeningTheme; onDone(message: string): void }) {
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(theme.name);
  const [error, setError] = useState<string>();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const backFromEditing = useRef(false);

  useEffect(() => {
    // The safe answer has the focus when asked; on cancel the focus goes back where it came from.
    if (mode === 'confirm') cancelRef.current?.focus();
    if (mode === 'view' && backFromEditing.current) renameRef.current?.focus();
    backFromEditing.current = false;
  }, [mode]);

  function cancel() {
    backFromEditing.current = true;
    setError(undefined);
    setName(theme.name);
    setMode('view');
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    const result = await write('listening.renameTheme', { themeId: theme.id, name });
    if (!result.ok) return setError(result.error.message);
    const kept = result.value;
    setError(undefined);
    setMode('view');
    onDone(kept.id === theme.id ? t.renamed(theme.name, kept.name) : t.merged(theme.name, kept.name, kept.inputCount));
  }

  async function remove() {
    const outcome = await write('listening.removeTheme', { themeId: theme.id });
    if (!outcome.ok) return setError(outcome.error.message);
    onDone(t.themeRemoved(theme.name));
  }

  if (mode === 'rename') {
    return (
      <li className="theme-row">
        <form className="theme-rename" onSubmit={rename} aria-label={t.renameTheme(theme.name)} noValidate>
          <Field label={t.newThemeName(theme.name)} error={error}>
            {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
          </Field>
          <div className="button-row">
            <button type="submit" className="primary">
              {common.save}
            </button>
            <button type="button" onClick={cancel}>
              {common.cancel}
            </button>
          </div>
        </form>
      </li>
    );
  }

  const questionId = `remove-theme-${theme.id}`;
  return (
    <li className="theme-row">
      <span className="theme-tag">#{theme.name}</span>
      <span className="muted">{t.themeInputs(theme.inputCount)}</span>
      {mode === 'confirm' ? (
        <div className="theme-confirm" role="group" aria-labelledby={questionId}>
          <span id={questionId}>{t.removeThemeQuestion(theme.name, theme.inputCount)}</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t.confirmRemoveTheme}
          </button>
          <button type="button" ref={cancelRef} onClick={cancel}>
            {common.cancel}
          </button>
        </div>
      ) : (
        <div className="theme-tools">
          <button type="button" ref={renameRef} aria-label={t.renameTheme(theme.name)} onClick={() => setMode('rename')}>
            {t.rename}
          </button>
          <button type="button" aria-label={t.removeSeriesTheme(theme.name)} onClick={() => setMode('confirm')}>
            {t.removeThemeAction}
          </button>
        </div>
      )}
      {error && (
        <p className="field-error theme-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
