import { useApiQuery } from './api/queries';
import { SyncStatusLine } from './components/SyncStatusLine';
import { useRoute, type Section } from './stores/route';
import { common, nav } from './text/common';

const SECTIONS: readonly Section[] = ['oversigt', 'fora', 'moeder', 'opfoelgning', 'lyttemoeder', 'arkiv', 'indstillinger'];

export function Navigation() {
  const { route, navigate, currentForumId } = useRoute();
  const currentForum = useApiQuery('forums.list', {}).data?.find((f) => f.id === currentForumId);
  return (
    <aside className="sidebar">
      <p className="brand">{common.appName}</p>
      <nav aria-label={nav.label}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <button
                type="button"
                className="nav-item"
                aria-current={route.section === section ? 'page' : undefined}
                onClick={() => navigate({ section })}
              >
                {nav[section]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="current-forum" aria-live="polite">
        <p className="current-forum-label">{common.currentForum}</p>
        {currentForum ? (
          <>
            <button type="button" className="link" onClick={() => navigate({ section: 'fora', forumId: currentForum.id })}>
              {currentForum.name} · {currentForum.school}
            </button>
            <SyncStatusLine forumId={currentForum.id} />
          </>
        ) : (
          <p>{common.noCurrentForum}</p>
        )}
      </div>
    </aside>
  );
}
