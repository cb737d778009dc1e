import { useState } from 'react';
import { ForumFilter } from '../../components/FilterSelects';
import { meetingsText as t } from '../../text/meetings';
import { MeetingPages } from './MeetingPages';

/** All meetings, newest first, a page at a time; by forum, or only those whose referat awaits approval. */
export function MeetingList({ awaitingApproval: initiallyAwaiting = false }: { awaitingApproval?: boolean }) {
  const [forumId, setForumId] = useState('');
  const [awaitingApproval, setAwaitingApproval] = useState(initiallyAwaiting);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.title}</h1>
      </header>
      <div className="meeting-filters">
        <ForumFilter value={forumId} onChange={setForumId} />
        <label className="check">
          <input type="checkbox" checked={awaitingApproval} onChange={(e) => setAwaitingApproval(e.target.checked)} />
          {t.awaitingOnly}
        </label>
      </div>
      <MeetingPages
        key={`${forumId}|${awaitingApproval}`}
        forumId={forumId === '' ? undefined : forumId}
        awaitingApproval={awaitingApproval}
        showForum
        empty={awaitingApproval ? t.noneAwaiting : t.empty}
      />
    </div>
  );
}
