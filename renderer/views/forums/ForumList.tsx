import { FORUM_PRESETS } from '../../../shared/domain/forums';
import { shortDate } from '../../format';
import { useApiQuery } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { forumsText as t } from '../../text/forums';
import { NewForumForm } from './NewForumForm';
import { JoinForumForm } from '../sharing/JoinForumForm';

export function ForumList() {
  const forums = useApiQuery('forums.list', {}).data ?? [];
  const navigate = useRoute((s) => s.navigate);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.title}</h1>
        <p className="lead">{t.intro}</p>
      </header>
      <div className="two-columns">
        <section aria-labelledby="forum-list-title">
          <h2 id="forum-list-title" className="visually-hidden">
            {t.title}
          </h2>
          {forums.length === 0 ? (
            <p className="empty">{t.empty}</p>
          ) : (
            <ul className="card-list">
              {forums.map((forum) => (
                <li key={forum.id}>
                  <button
                    type="button"
                    className="card"
                    onClick={() => navigate({ section: 'fora', forumId: forum.id })}
                  >
                    <span className="card-kicker">{FORUM_PRESETS[forum.kind].label}</span>
                    <span className="card-title">{forum.name}</span>
                    <span className="card-meta">{forum.school}</span>
                    <span className="card-meta">
                      {t.meetingCount(forum.meetingCount)} ·{' '}
                      {forum.nextMeetingAt ? `${t.nextMeeting} ${shortDate(forum.nextMeetingAt)}` : t.noNextMeeting}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="side-column">
          <NewForumForm />
          <JoinForumForm />
        </div>
      </div>
    </div>
  );
}
