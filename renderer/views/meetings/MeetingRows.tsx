import type { MeetingSummary } from '../../../shared/api/types';
import { clockTime, longDate } from '../../format';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';

export function MeetingRows({ meetings, showForum = false }: { meetings: readonly MeetingSummary[]; showForum?: boolean }) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <ul className="row-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <button
            type="button"
            className="row"
            onClick={() => navigate({ section: 'moeder', meetingId: m.id })}
          >
            <span className="row-main">
              <span className="row-title">{m.title}</span>
              <span className="row-meta">
                {showForum && `${m.forumName} · `}
                {longDate(m.startsAt)} {clockTime(m.startsAt)}
                {m.place && ` · ${m.place}`}
              </span>
            </span>
            <span className="row-side">
              <span className={`status status-${m.status}`}>{t.status[m.status]}</span>
              <span className="row-meta">{t.itemCount(m.itemCount)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
