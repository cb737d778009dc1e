import '../../styles/comments.css';
import { useState } from 'react';
import type { AgendaNews } from '../../../shared/api/methods/comments';
import { write } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { newsText as t } from '../../text/comments';

/** When the user last looked at the agenda on this laptop, how much is new since, and «Markér som set». */
export function AgendaNewsBar({ news }: { news: AgendaNews }) {
  const [error, setError] = useState<string>();
  const withNews = news.items.filter((i) => i.item !== null || i.decision !== null || i.newComments > 0).length;

  async function markSeen() {
    const outcome = await write('agenda.markSeen', { meetingId: news.meetingId });
    setError(outcome.ok ? undefined : outcome.error.message);
  }

  return (
    <div className="agenda-news" role="region" aria-label={t.heading}>
      <p>
        {t.seenAt(news.seenAt)} {withNews === 0 ? t.nothingNew : t.someNew(withNews)}
      </p>
      <button type="button" onClick={() => void markSeen()}>
        {t.markSeen}
      </button>
      <Notice kind="error">{error}</Notice>
    </div>
  );
}
