import { useState, type FormEvent } from 'react';
import type { ListeningInput } from '../../../shared/api/listeningTypes';
import { parseCaptureLine } from '../../../shared/domain/listeningCapture';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { write } from '../../api/queries';
import { common } from '../../text/common';
import { listeningText as t } from '../../text/listening';
import { focusCaptureLine } from './CaptureLine';
import { QuoteText } from './QuoteText';
import { ThemeList } from './ThemeList';

/** One heard input: read, correct (the same line rules as capture) or delete. */
export function CapturedInput({ input, onRemoved }: { input: ListeningInput; onRemoved(position: number): void }) {
  const [editing, setEditing] = useState(false);
  const [line, setLine] = useState(input.text);
  const [quote, setQuote] = useState(input.isQuote);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [error, setError] = useState<string>();

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseCaptureLine(line, quote);
    if (!parsed.ok) return setError(parsed.message);
    // New #tags in a correction are added to the input's themes, as they would be at capture; one write for both.
    const added = parsed.themes.filter((th) => !input.themes.includes(th));
    const outcome = await write('listening.updateInput', {
      inputId: input.id,
      text: parsed.text,
      isQuote: parsed.isQuote,
      ...(added.length > 0 ? { themes: [...input.themes, ...added] } : {}),
    });
    if (!outcome.ok) return setError(outcome.error.message);
    setError(undefined);
    setEditing(false);
    focusCaptureLine();
  }

  async function remove() {
    const outcome = await write('listening.removeInput', { inputId: input.id });
    if (!outcome.ok) return setError(outcome.error.message);
    onRemoved(input.position);
    // The row and its buttons are gone; the natural next step is listening on.
    focusCaptureLine();
  }

  if (editing) {
    return (
      <li className="captured-item">
        <form onSubmit={save} className="captured-edit" aria-label={t.editInput(input.position)} noValidate>
          <Field label={t.editInput(input.position)} error={error}>
            {(props) => <input {...props} value={line} onChange={(e) => setLine(e.target.value)} autoFocus />}
          </Field>
          <label className="check">
            <input type="checkbox" checked={quote} onChange={(e) => setQuote(e.target.checked)} />
            <span>{t.quoteShort}</span>
          </label>
          <div className="button-row">
            <button type="submit" className="primary">
              {t.save}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {common.cancel}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="captured-item">
      <span className="captured-number" aria-hidden="true">
        {input.position}
      </span>
      <div className="captured-body">
        <QuoteText text={input.text} isQuote={input.isQuote} />
        <ThemeList themes={input.themes} />
        <Notice kind="error">{error}</Notice>
      </div>
      <div className="captured-tools">
        {confirmRemove ? (
          <>
            <span>{t.removeQuestion}</span>
            <button type="button" className="danger" onClick={() => void remove()}>
              {t.confirmRemove}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {common.cancel}
            </button>
          </>
        ) : (
          <>
            <button type="button" aria-label={t.editInput(input.position)} onClick={() => setEditing(true)}>
              {t.edit}
            </button>
            <button type="button" aria-label={t.removeInput(input.position)} onClick={() => setConfirmRemove(true)}>
              {t.remove}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
