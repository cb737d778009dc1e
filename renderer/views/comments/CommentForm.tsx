import { useId, useState, type FormEvent } from 'react';
import { COMMENT_KINDS, type CommentKind } from '../../../shared/domain/comments';
import type { Result } from '../../../shared/api/envelope';
import { Notice } from '../../components/Notice';
import { commentsText as t } from '../../text/comments';

interface CommentFormProps {
  initial?: { kind: CommentKind; text: string };
  label: string;
  submitLabel: string;
  onSubmit(values: { kind: CommentKind; text: string }): Promise<Result<unknown>>;
  onDone?(): void;
  onCancel?(): void;
}

/** Writes or corrects a comment or a question; what was typed stays in the field until it is saved. */
export function CommentForm({ initial, label, submitLabel, onSubmit, onDone, onCancel }: CommentFormProps) {
  const id = useId();
  const [kind, setKind] = useState<CommentKind>(initial?.kind ?? 'kommentar');
  const [text, setText] = useState(initial?.text ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await onSubmit({ kind, text });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error.message);
    setError(undefined);
    if (!initial) setText('');
    onDone?.();
  }

  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)}>
      <fieldset className="comment-kind">
        <legend>{t.kindLabel}</legend>
        {COMMENT_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} /> {t.kind[k]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <Notice kind="error">{error}</Notice>
      <p className="form-actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="link" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </p>
    </form>
  );
}
