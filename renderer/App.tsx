import { Suspense, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useApiQuery } from './api/queries';
import { Notice } from './components/Notice';
import { useRoute, type Route } from './stores/route';
import { Navigation } from './Navigation';
import { ArchiveNotices } from './views/ArchiveNotices';
import { Overview } from './views/Overview';
import { lazyView, PageLoading } from './lazyView';

// Only the Oversigt, the first page, is in the code the window evaluates before it can draw; every
// other page is loaded when it is first opened, so the start does not wait for the whole app.
const Archive = lazyView(() => import('./views/Archive'), 'Archive');
const DecisionView = lazyView(() => import('./views/DecisionView'), 'DecisionView');
const FollowUp = lazyView(() => import('./views/FollowUp'), 'FollowUp');
const ListeningScreen = lazyView(() => import('./views/listening/ListeningScreen'), 'ListeningScreen');
const SeriesList = lazyView(() => import('./views/listening/SeriesList'), 'SeriesList');
const SeriesPage = lazyView(() => import('./views/listening/SeriesPage'), 'SeriesPage');
const SortingPage = lazyView(() => import('./views/listening/SortingPage'), 'SortingPage');
const ThemeOverviewPage = lazyView(() => import('./views/listening/ThemeOverviewPage'), 'ThemeOverviewPage');
const ForumDetail = lazyView(() => import('./views/forums/ForumDetail'), 'ForumDetail');
const ForumList = lazyView(() => import('./views/forums/ForumList'), 'ForumList');
const MeetingDetail = lazyView(() => import('./views/meetings/MeetingDetail'), 'MeetingDetail');
const MeetingList = lazyView(() => import('./views/meetings/MeetingList'), 'MeetingList');
const RunScreen = lazyView(() => import('./views/run/RunScreen'), 'RunScreen');
const SagView = lazyView(() => import('./views/sager/SagView'), 'SagView');
const Settings = lazyView(() => import('./views/Settings'), 'Settings');

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
  if (route.section === 'moeder' && route.meetingId && route.run) {
    return (
      <Suspense fallback={<PageLoading />}>
        <RunScreen meetingId={route.meetingId} />
      </Suspense>
    );
  }
  // Listening, too, gets the whole window: big and calm, with nothing else to look at.
  if (route.section === 'lyttemoeder' && route.meetingId && route.step !== 'sorter') {
    return (
      <Suspense fallback={<PageLoading />}>
        <ListeningScreen key={route.meetingId} meetingId={route.meetingId} />
      </Suspense>
    );
  }

  return (
    <div className="app">
      <Navigation />
      <main ref={mainRef} tabIndex={-1} className="main">
        <Notice kind="error">{loadError?.message}</Notice>
        <ArchiveNotices />
        <Suspense fallback={<PageLoading />}>
          <View route={route} />
        </Suspense>
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
      if (route.decision) return <DecisionView key={route.decision.decisionId} meetingId={route.decision.meetingId} decisionId={route.decision.decisionId} />;
      return route.sagId ? <SagView key={route.sagId} sagId={route.sagId} /> : <Archive />;
    case 'indstillinger':
      return <Settings />;
  }
}
