import { useEffect, useRef, useState } from 'react';
import { ColourLegend } from '../../components/ColourLegend';
import '../../styles/agenda.css';
import { clockTime, longDate } from '../../format';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';
import { AgendaList } from './AgendaList';
import { FollowUpList } from './FollowUpList';
import { ItemEditor } from './ItemEditor';
import { LockedNotice } from './LockedNotice';
import { MeetingToolbar } from './MeetingToolbar';
import { NewItemPanel } from './NewItemPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { ReferatPanel } from './ReferatPanel';
import { FollowMeeting } from '../sharing/FollowMeeting';
import { ReadOnlyNote } from '../sharing/ReadOnlyNote';

/** The agenda builder: the agenda on the left, the selected item (or a new one) on the right. */
export function MeetingDetail({ meetingId }: { meetingId: string }) {
  const { data: meeting, error } = useApiQuery('meetings.get', { meetingId });
  const sharing = useApiQuery('sync.forum', { forumId: meeting?.forumId ?? '' }, { enabled: meeting !== undefined }).data;
  const navigate = useRoute((s) => s.navigate);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = meeting !== undefined;
  // The page opens on the meeting's title (after an ended meeting, too), unless the focus is already
  // somewhere on the page; the app's frame only puts it on the page as a whole.
  useEffect(() => {
    const focused = document.activeElement;
    if (loaded && (focused === document.body || focused?.tagName === 'MAIN')) headingRef.current?.focus({ preventScroll: true });
  }, [loaded]);

  // The page is keyed by meeting (see App), so the selection starts empty for each meeting.
  if (!meeting) return <Notice kind="error">{error?.message}</Notice>;
  const selected = meeting.items.find((i) => i.id === selectedId) ?? null;
  // The newest referat version is approved: the page reads the meeting as approved (see electron/services/locks.ts).
  const locked = meeting.referatStatus === 'godkendt';
  // A læser of the shared forum changes nothing either: the page offers nothing the laptop would refuse.
  const reader = sharing?.shared === true && sharing.right === 'læser';
  const readOnly = locked || reader;
  return (
    <div className="page">
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'moeder' })}>
          {t.backToList}
        </button>
        <span aria-hidden="true"> / </span>
        <button type="button" className="link" onClick={() => navigate({ section: 'fora', forumId: meeting.forumId })}>
          {meeting.forumName}
        </button>
      </nav>
      <header className="page-header">
        <p className="kicker">
          {meeting.forumName} · {meeting.school}
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          {meeting.title}
        </h1>
        <p className="lead">
          {longDate(meeting.startsAt)} {clockTime(meeting.startsAt)}
          {meeting.place && ` · ${meeting.place}`}
        </p>
        {meeting.purpose && <p className="meeting-purpose">{meeting.purpose}</p>}
      </header>
      {locked ? <LockedNotice /> : <ReadOnlyNote forumId={meeting.forumId} />}
      <MeetingToolbar meeting={meeting} readOnly={readOnly} />
      <FollowMeeting meeting={meeting} />
      <div className="two-columns wide-left">
        <div className="main-column">
          {meeting.status === 'afholdt' && <ReferatPanel meeting={meeting} readOnly={reader} />}
          <FollowUpList actions={meeting.followUp} doneSinceLast={meeting.doneSinceLast} />
          <AgendaList meeting={meeting} selectedId={selectedId} onSelect={setSelectedId} readOnly={readOnly} />
          <ParticipantsPanel meeting={meeting} readOnly={readOnly} />
        </div>
        <div className="side-column">
          {selected ? (
            <ItemEditor key={selected.id} meeting={meeting} item={selected} readOnly={readOnly} onClose={() => setSelectedId(null)} />
          ) : readOnly ? (
            <p className="muted">{t.lockedPickItem}</p>
          ) : (
            <NewItemPanel meeting={meeting} />
          )}
          <ColourLegend colours={meeting.forumColours} />
        </div>
      </div>
    </div>
  );
}
