import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { parseCaptureLine } from '../../../shared/domain/listeningCapture';
import { Field } from '../../components/Field';
import { write } from '../../api/queries';
import { listeningText as t } from '../../text/listening';

/**
 * Puts the cursor back in the capture line, e.g. after a correction further down, so the next thing
 * heard can be typed at once. There is only one capture line on the screen.
 */
export function focusCaptureLine(): void {
  document.querySelector<HTMLInputElement>('.capture-input')?.focus();
}

interface CaptureLineProps {
  meetingId: string;
  themes: readonly string[];
  count: number;
  /** A line was saved; the screen's status line says so. */
  onSaved(): void;
}

/** One line per input: Enter saves and empties the line, and the cursor stays for the next. */
export function CaptureLine({ meetingId, themes, count, onSaved }: CaptureLineProps) {
  const [line, setLine] = useState('');
  const [quote, setQuote] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseCaptureLine(line, quote, themes);
    if (!parsed.ok) return setError(parsed.message);
    setBusy(true);
    const outcome = await write('listening.addInput', { meetingId, text: parsed.text, isQuote: parsed.isQuote, themes: parsed.themes });
    setBusy(false);
    // A refused line (e.g. one with a name) stays, so it can be rewritten rather than typed again.
    if (!outcome.ok) return setError(outcome.error.message);
    setError(undefined);
    setLine('');
    setQuote(false);
    onSaved();
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    // By key position, so Alt+C works on a Mac too, where Alt+C types "ç".
    if (event.altKey && event.code === 'KeyC') {
      event.preventDefault();
      setQuote((q) => !q);
    }
  }

  return (
    <form className="capture" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t.captureLabel} noValidate>
      <Field label={t.captureLabel} hint={t.captureHint} error={error}>
        {(props) => (
          <input
            {...props}
            ref={inputRef}
            className="capture-input"
            value={line}
            readOnly={busy}
            autoFocus
            autoComplete="off"
            spellCheck
            onChange={(e) => setLine(e.target.value)}
          />
        )}
      </Field>
      <div className="capture-row">
        <label className="check capture-quote">
          <input type="checkbox" checked={quote} onChange={(e) => setQuote(e.target.checked)} aria-keyshortcuts="Alt+C" />
          <span>{t.quote}</span>
        </label>
        <p className="capture-count" aria-hidden="true">
          {t.captured(count)}
        </p>
        <button type="submit" className="primary">
          {t.save}
        </button>
      </div>
    </form>
  );
}
