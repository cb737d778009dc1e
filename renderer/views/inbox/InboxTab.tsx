import { useState } from 'react';
import type { InboxSubmission } from '../../../shared/api/methods/inbox';
import type { Forum } from '../../../shared/api/types';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { inboxText as t } from '../../text/inbox';
import { AcceptDialog } from './AcceptDialog';
import { DeclineDialog } from './DeclineDialog';
import '../../styles/listening.css';
import '../../styles/inbox.css';

function answerText(submission: InboxSubmission): string {
  const answer = submission.answer;
  if (answer === null) return t.stateOpen;
  return answer.outcome === 'optaget' ? t.stateAccepted(answer.meetingStartsAt, answer.itemTitle) : t.stateDeclined(answer.reason);
}

/** A shared forum's inbox: what was sent to it from outside, and the forum's answer to each. */
export function InboxTab({ forum }: { forum: Forum }) {
  const { data: submissions, error } = useApiQuery('inbox.list', { forumId: forum.id });
  const sharing = useApiQuery('sync.forum', { forumId: forum.id }).data;
  const member = sharing?.shared === true && sharing.right === 'medlem';
  const [open, setOpen] = useState<{ kind: 'accept' | 'decline'; submission: InboxSubmission } | null>(null);

  return (
    <section aria-labelledby="inbox-heading" className="inbox">
      <h2 id="inbox-heading">{t.heading}</h2>
      <p className="muted">{t.intro}</p>
      {!member && <p className="muted">{t.readerNote}</p>}
      <Notice kind="error">{error?.message}</Notice>
      {submissions && submissions.length === 0 && <p className="empty">{t.empty}</p>}
      <ul className="inbox-list">
        {submissions?.map((submission) => (
          <li key={submission.id} className="inbox-item" aria-labelledby={`inbox-${submission.id}`}>
            <h3 id={`inbox-${submission.id}`}>{submission.title}</h3>
            <p className="muted">{t.from(submission.senderName, submission.sentAt)}</p>
            <p className="muted">{submission.origin}</p>
            <blockquote>{submission.text}</blockquote>
            <p className={`inbox-answer inbox-answer-${submission.answer?.outcome ?? 'aaben'}`}>{answerText(submission)}</p>
            {submission.answer === null && member && (
              <div className="button-row">
                <button type="button" className="primary" aria-label={`${t.accept}: ${submission.title}`} onClick={() => setOpen({ kind: 'accept', submission })}>
                  {t.accept}
                </button>
                <button type="button" aria-label={`${t.decline}: ${submission.title}`} onClick={() => setOpen({ kind: 'decline', submission })}>
                  {t.decline}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {open?.kind === 'accept' && <AcceptDialog forumId={forum.id} submission={open.submission} onClose={() => setOpen(null)} />}
      {open?.kind === 'decline' && <DeclineDialog submission={open.submission} onClose={() => setOpen(null)} />}
    </section>
  );
}
