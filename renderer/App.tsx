import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useApiQuery } from './api/queries';
import { Notice } from './components/Notice';
import { useRoute, type Route } from './stores/route';
import { Navigation } from './Navigation';
import { Archive } from './views/Archive';
import { ArchiveNotices } from './views/ArchiveNotices';
import { FollowUp } from './views/FollowUp';
import { ListeningScreen } from './views/listening/ListeningScreen';
import { SeriesList } from './views/listening/SeriesList';
import { SeriesPage } from './views/listening/SeriesPage';
import { SortingPage } from './views/listening/SortingPage';
import { ThemeOverviewPage } from './views/listening/ThemeOverviewPage';
import { ForumDetail } from './views/forums/ForumDetail';
import { ForumList } from './views/forums/ForumList';
import { MeetingDetail } from './views/meetings/MeetingDetail';
import { MeetingList } from './views/meetings/MeetingList';
import { Overview } from './views/Overview';
import { RunScreen } from './views/run/RunScreen';
import { SagView } from './views/sager/SagView';
import { Settings } from './views/Settings';

/** The forum the user works in stays one that exists: the first one, when it was removed or never set. */
function useCurrentForumKept(forumIds: readonly string[] | undefined): void {
  const currentForumId = useRoute((s) => s.currentForumId);
  const setCurrentForum = useRoute((s) => s.setCurrentForum);
  useEffect(() => {
    if (forumIds && !forumIds.some((id) => id === currentForumId)) setCurrentForum(forumIds[0] ?? null);
  }, [forumIds, currentForumId, setCurrentForum]);
}

export function App() {
  const route = useRoute((s) => s.route);
  const mainRef = useRef<HTMLElement>(null);
  const forums = useApiQuery('forums.list', {});
  const forumIds = useMemo(() => forums.data?.map((f) => f.id), [forums.data]);
  const loadError = forums.error?.error;

  useCurrentForumKept(forumIds);

  useLayoutEffect(() => {
    // The window scrolls, not <main>: without this a new page opens where the last one was left.
    window.scrollTo(0, 0);
    // Keyboard and screen-reader users start at the new page's top, unless the page has already put
    // the focus on something of its own; then that stays, and in view.
    const main = mainRef.current;
    const focused = document.activeElement;
    if (main && focused instanceof HTMLElement && focused !== main && main.contains(focused)) focused.scrollIntoView({ block: 'nearest' });
    else main?.focus({ preventScroll: true });
  }, [route]);

  // The facilitator's screen takes the whole window: the meeting needs the room more than the menu does.
  if (route.section === 'moeder' && route.meetingId && route.run) return <RunScreen meetingId={route.meetingId} />;
  // Listening, too, gets the whole window: big and calm, with nothing else to look at.
  if (route.section === 'lyttemoeder' && route.meetingId && route.step !== 'sorter') {
    return <ListeningScreen key={route.meetingId} meetingId={route.meetingId} />;
  }

  return (
    <div className="app">
      <Navigation />
      <main ref={mainRef} tabIndex={-1} className="main">
        <Notice kind="error">{loadError?.message}</Notice>
        <ArchiveNotices />
        <View route={route} />
      </main>
    </div>
  );
}

function View({ route }: { route: Route }) {
  switch (route.section) {
    case 'oversigt':
      return <Overview />;
    case 'fora':
      return route.forumId ? <ForumDetail forumId={route.forumId} /> : <ForumList />;
    case 'moeder':
      return route.meetingId ? <MeetingDetail key={route.meetingId} meetingId={route.meetingId} /> : <MeetingList key={String(route.awaitingApproval)} awaitingApproval={route.awaitingApproval} />;
    case 'opfoelgning':
      return <FollowUp />;
    case 'lyttemoeder':
      if (route.meetingId) return <SortingPage key={route.meetingId} meetingId={route.meetingId} />;
      if (route.seriesId && route.overview) return <ThemeOverviewPage seriesId={route.seriesId} />;
      return route.seriesId ? <SeriesPage key={route.seriesId} seriesId={route.seriesId} /> : <SeriesList />;
    case 'arkiv':
      return route.sagId ? <SagView key={route.sagId} sagId={route.sagId} /> : <Archive />;
    case 'indstillinger':
      return <Settings />;
  }
}
