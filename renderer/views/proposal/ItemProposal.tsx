import { useState } from 'react';
import type { InboxSubmission } from '../../../shared/api/methods/inbox';
import type { ForumSharing } from '../../../shared/api/methods/sync';
import type { AgendaItem } from '../../../shared/api/types';
import { useApiQuery } from '../../api/queries';
import { proposalText as t } from '../../text/proposal';
import { ProposeDialog } from './ProposeDialog';
import '../../styles/inbox.css';

/** The proposal's state in words: waiting, accepted onto a meeting (and its day), or declined with the reason. */
function stateText(proposal: InboxSubmission): string {
  const { answer, forumName, sentAt } = proposal;
  if (answer === null) return t.waiting(forumName, sentAt);
  return answer.outcome === 'optaget' ? t.accepted(forumName, sentAt, answer.meetingStartsAt) : t.declined(forumName, sentAt, answer.reason);
}

/**
 * On a shared TRIO's item: «Foreslå til praksisforum», or what the praksisforum did with the proposal. The
 * proposal is this laptop's own (the member who proposed it); a confidential item is never offered.
 */
export function ItemProposal({ item, sharing }: { item: AgendaItem; sharing: Extract<ForumSharing, { shared: true }> }) {
  const [open, setOpen] = useState(false);
  const { data: sent } = useApiQuery('inbox.sent', {});
  const proposal = sent?.find((submission) => submission.agendaItemId === item.id);
  if (!sent) return null;
  return (
    <section className="item-proposal" aria-label={t.propose}>
      {proposal ? (
        <p className={`inbox-sent inbox-sent-${proposal.answer?.outcome ?? 'afventer'}`}>{stateText(proposal)}</p>
      ) : item.confidential ? (
        <p className="muted">{t.confidential}</p>
      ) : sharing.right !== 'medlem' ? (
        <p className="muted">{t.readerNote}</p>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t.propose}
        </button>
      )}
      {open && <ProposeDialog item={item} serverUrl={sharing.serverUrl} onClose={() => setOpen(false)} />}
    </section>
  );
}
