import { useState, type FormEvent } from 'react';
import type { InboxSubmission } from '../../../shared/api/methods/inbox';
import { write } from '../../api/queries';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { common } from '../../text/common';
import { inboxText as t } from '../../text/inbox';
import { useModal } from '../listening/useModal';

const FIELDS = ['reason', 'submissionId'] as const;

/** Declines a submission; the reason is required, and it goes back to the sender. */
export function DeclineDialog({ submission, onClose }: { submission: InboxSubmission; onClose(): void }) {
  const dialogRef = useModal();
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [reason, setReason] = useState('');

  async function decline(event: FormEvent) {
    event.preventDefault();
    const outcome = await write('inbox.decline', { submissionId: submission.id, reason });
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    onClose();
  }

  return (
    <dialog ref={dialogRef} className="send-dialog" aria-labelledby={`decline-${submission.id}`} onClose={onClose}>
      <form ref={formRef} onSubmit={decline} noValidate>
        <h2 id={`decline-${submission.id}`}>{t.declineTitle}</h2>
        <p className="send-input">{submission.title}</p>
        <Notice kind="error">{errors.general ?? errors.at('submissionId')}</Notice>
        <Field label={t.reason} error={errors.at('reason')}>
          {(props) => <textarea {...props} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
        </Field>
        <div className="button-row">
          <button type="submit" className="primary">
            {t.confirmDecline}
          </button>
          <button type="button" onClick={onClose}>
            {common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
