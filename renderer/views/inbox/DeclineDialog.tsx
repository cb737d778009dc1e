import { useState } from 'react';
import type { InboxSubmission } from '../../../shared/api/methods/inbox';
import { write } from '../../api/queries';
import { Field } from '../../components/Field';
import { inboxText as t } from '../../text/inbox';
import { useWriteDialog, WriteDialog } from '../listening/WriteDialog';

const FIELDS = ['reason', 'submissionId'] as const;

/** Declines a submission; the reason is required, and it goes back to the sender. */
export function DeclineDialog({ submission, onClose }: { submission: InboxSubmission; onClose(): void }) {
  const [reason, setReason] = useState('');
  const { errors, formRef, submit } = useWriteDialog(FIELDS, () => write('inbox.decline', { submissionId: submission.id, reason }), onClose);

  return (
    <WriteDialog
      titleId={`decline-${submission.id}`}
      title={t.declineTitle}
      quoted={submission.title}
      formRef={formRef}
      onSubmit={submit}
      error={errors.general ?? errors.at('submissionId')}
      submitLabel={t.confirmDecline}
      onClose={onClose}
    >
      <Field label={t.reason} error={errors.at('reason')}>
        {(props) => <textarea {...props} rows={4} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
      </Field>
    </WriteDialog>
  );
}
