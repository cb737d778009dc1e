import { useEffect, useState } from 'react';
import type { Forum } from '../../../shared/api/types';
import { FORUM_PRESETS } from '../../../shared/domain/forums';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { SyncStatusLine } from '../../components/SyncStatusLine';
import { useRoute } from '../../stores/route';
import { forumPageText as p, forumsText as t } from '../../text/forums';
import { ColoursTab } from './ColoursTab';
import { DemoBanner } from './DemoBanner';
import { GroundRulesTab } from './GroundRulesTab';
import { MembersTab } from './MembersTab';
import { OverviewTab } from './OverviewTab';
import { Tabs, type TabDefinition } from './Tabs';
import { YearPlanTab } from './YearPlanTab';
import { ReadOnlyNote } from '../sharing/ReadOnlyNote';
import { SharingTab } from '../sharing/SharingTab';
import { SignInAgain } from '../sharing/SignInAgain';
import { InboxTab } from '../inbox/InboxTab';
import { inboxText } from '../../text/inbox';
import { lastForumTab, type ForumTabKey } from './forumTabs';
import '../../styles/forum.css';

export function ForumDetail({ forumId }: { forumId: string }) {
  const { data: forum, error } = useApiQuery('forums.get', { forumId });
  const navigate = useRoute((s) => s.navigate);
  const setCurrentForum = useRoute((s) => s.setCurrentForum);

  // The forum looked at last is the one new meetings and filters start from.
  useEffect(() => setCurrentForum(forumId), [forumId, setCurrentForum]);

  return (
    <div className="page forum-page">
      <nav aria-label={p.breadcrumb} className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'fora' })}>
          {t.backToList}
        </button>
      </nav>
      <Notice kind="error">{error?.message}</Notice>
      {forum ? <ForumPage key={forum.id} forum={forum} /> : !error && <p className="muted">{p.loading}</p>}
    </div>
  );
}

function ForumPage({ forum }: { forum: Forum }) {
  const [active, setActive] = useState<ForumTabKey>(() => lastForumTab.get(forum.id) ?? 'overblik');
  // A shared forum has an inbox: what others in the kommune sent to it; the unanswered are counted in the header.
  const shared = useApiQuery('sync.forum', { forumId: forum.id }).data?.shared === true;
  const { data: inbox } = useApiQuery('inbox.list', { forumId: forum.id }, { enabled: shared });
  const unanswered = inbox?.filter((submission) => submission.answer === null).length ?? 0;

  function choose(key: ForumTabKey) {
    lastForumTab.set(forum.id, key);
    setActive(key);
  }

  const tabs: TabDefinition<ForumTabKey>[] = [
    { key: 'overblik', label: p.tabs.overblik, panel: <OverviewTab forum={forum} /> },
    { key: 'spilleregler', label: p.tabs.spilleregler, panel: <GroundRulesTab forum={forum} /> },
    { key: 'roller', label: p.tabs.roller, panel: <MembersTab forum={forum} /> },
    { key: 'farvekode', label: p.tabs.farvekode, panel: <ColoursTab forum={forum} /> },
    { key: 'aarshjul', label: p.tabs.aarshjul, panel: <YearPlanTab forum={forum} /> },
    ...(shared ? [{ key: 'indbakke' as const, label: inboxText.tab(unanswered), panel: <InboxTab forum={forum} /> }] : []),
    { key: 'deling', label: p.tabs.deling, panel: <SharingTab forum={forum} /> },
  ];

  return (
    <>
      <header className="page-header forum-header">
        <p className="kicker">{FORUM_PRESETS[forum.kind].label}</p>
        <h1 id="forum-title">
          {forum.name}
          {forum.demo && <span className="demo-tag">{p.demo.tag}</span>}
        </h1>
        <p className="lead">{forum.school}</p>
        <SyncStatusLine forumId={forum.id} />
        <ReadOnlyNote forumId={forum.id} />
        {unanswered > 0 && (
          <p className="inbox-count">
            <button type="button" className="link" onClick={() => choose('indbakke')}>
              {inboxText.headerCount(unanswered)}
            </button>
          </p>
        )}
        <SignInAgain forumId={forum.id} />
      </header>
      {forum.demo && <DemoBanner />}
      <Tabs idPrefix="forum" labelledBy="forum-title" tabs={tabs} active={active} onChange={choose} />
    </>
  );
}
