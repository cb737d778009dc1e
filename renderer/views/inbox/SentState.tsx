import { forwardRef } from 'react';
import type { InboxSubmission } from '../../../shared/api/methods/inbox';
import { inboxText as t } from '../../text/inbox';
import '../../styles/inbox.css';

/** What a forum did with an input sent to its inbox, as the sender's laptop last heard: in words, not colour alone. */
export function sentStateText(submission: InboxSubmission): string {
  const answer = submission.answer;
  if (answer === null) return t.waiting(submission.forumName);
  return answer.outcome === 'optaget' ? t.accepted(submission.forumName, answer.meetingStartsAt) : t.declined(submission.forumName, answer.reason);
}

export const SentState = forwardRef<HTMLParagraphElement, { submission: InboxSubmission }>(function SentState({ submission }, ref) {
  const state = submission.answer?.outcome ?? 'afventer';
  return (
    <p ref={ref} tabIndex={-1} className={`inbox-sent inbox-sent-${state}`}>
      {sentStateText(submission)}
    </p>
  );
});
