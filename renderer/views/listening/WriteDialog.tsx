import type { FormEvent, ReactNode, RefObject } from 'react';
import type { Result } from '../../../shared/api/envelope';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { common } from '../../text/common';
import { useModal } from './useModal';

/**
 * A dialog's form that makes one write: the write's error is shown at its field (or at the top) and focus
 * goes there; once it is saved, the dialog closes. `save` is read at each submit, so it sees the fields as typed.
 */
export function useWriteDialog(fields: readonly string[], save: () => Promise<Result<unknown>>, onClose: () => void) {
  const errors = useFormErrors(fields);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await save();
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    onClose();
  }
  return { errors, formRef, submit };
}

interface WriteDialogProps {
  /** The heading's id, which names the dialog. */
  titleId: string;
  title: string;
  /** What the dialog acts on, quoted under the heading. */
  quoted: ReactNode;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit(event: FormEvent): void;
  /** The message at the top: an error that names no field of the form. */
  error: string | undefined;
  /** The submit button's text; null while there is nothing to submit (only «Annullér» is offered). */
  submitLabel: string | null;
  onClose(): void;
  children: ReactNode;
}

/** A modal dialog with one form: heading, what it acts on, the top message, the fields, then submit and «Annullér». */
export function WriteDialog({ titleId, title, quoted, formRef, onSubmit, error, submitLabel, onClose, children }: WriteDialogProps) {
  const dialogRef = useModal();
  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <p className="send-input">{quoted}</p>
        <Notice kind="error">{error}</Notice>
        {children}
        <div className="button-row">
          {submitLabel !== null && (
            <button type="submit" className="primary">
              {submitLabel}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
