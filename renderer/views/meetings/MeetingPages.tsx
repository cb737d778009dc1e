import { useState } from 'react';
import { MEETING_PAGE } from '../../../shared/api/limits';
import type { MeetingStatus } from '../../../shared/api/types';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { meetingsText as t } from '../../text/meetings';
import { MeetingRows } from './MeetingRows';

interface MeetingPagesProps {
  forumId?: string | undefined;
  status?: MeetingStatus;
  awaitingApproval?: boolean;
  showForum?: boolean;
  /** Shown when there are no meetings at all with these filters. */
  empty: string;
}

/**
 * The meetings a page at a time, newest first, read from the archive one page per request: an
 * archive of many years never loads whole. Key it by its filters so a new filter starts at page one.
 */
export function MeetingPages({ forumId, status, awaitingApproval = false, showForum = false, empty }: MeetingPagesProps) {
  const [offset, setOffset] = useState(0);
  const limit = MEETING_PAGE.default;
  const input = { ...(forumId === undefined ? {} : { forumId }), ...(status === undefined ? {} : { status }), awaitingApproval, offset, limit };
  const { data: page, error, isPlaceholderData } = useApiQuery('meetings.page', input, { keepPrevious: true });

  if (!page) return error ? <Notice kind="error">{error.message}</Notice> : <p className="muted">{t.loadingPage}</p>;
  if (page.total === 0) return <p className="empty">{empty}</p>;
  const last = Math.min(offset + page.rows.length, page.total);
  return (
    <>
      <Notice kind="error">{error?.message}</Notice>
      <div aria-busy={isPlaceholderData}>
        <MeetingRows meetings={page.rows} showForum={showForum} />
      </div>
      {page.total > limit && (
        <nav className="pager" aria-label={t.pages}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - limit))}>
            ← {t.previousPage}
          </button>
          <p className="pager-range" aria-live="polite">
            {t.pageRange(offset + 1, last, page.total)}
          </p>
          <button type="button" disabled={offset + limit >= page.total} onClick={() => setOffset(offset + limit)}>
            {t.nextPage} →
          </button>
        </nav>
      )}
    </>
  );
}
