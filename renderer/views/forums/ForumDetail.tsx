import { useEffect } from 'react';
import { FORUM_PRESETS } from '../../../shared/domain/forums';
import { ColourLegend } from '../../components/ColourLegend';
import { useForums } from '../../stores/forums';
import { useMeetings } from '../../stores/meetings';
import { useRoute } from '../../stores/route';
import { forumsText as t } from '../../text/forums';
import { MeetingRows } from '../meetings/MeetingRows';
import { NewMeetingForm } from '../meetings/NewMeetingForm';

export function ForumDetail({ forumId }: { forumId: string }) {
  const forum = useForums((s) => (s.selected?.id === forumId ? s.selected : null));
  const select = useForums((s) => s.select);
  const allMeetings = useMeetings((s) => s.meetings);
  const meetings = allMeetings.filter((m) => m.forumId === forumId);
  const navigate = useRoute((s) => s.navigate);

  useEffect(() => {
    void select(forumId);
  }, [forumId, select]);

  if (!forum) return null;
  const preset = FORUM_PRESETS[forum.kind];
  return (
    <div className="page">
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'fora' })}>
          {t.backToList}
        </button>
      </nav>
      <header className="page-header">
        <p className="kicker">{preset.label}</p>
        <h1>{forum.name}</h1>
        <p className="lead">{forum.school}</p>
        {forum.purpose && <p>{forum.purpose}</p>}
        {preset.roles.length > 0 && (
          <p className="muted">
            {t.roles}: {preset.roles.join(', ')}
          </p>
        )}
      </header>
      <div className="two-columns">
        <section aria-labelledby="forum-meetings-title">
          <h2 id="forum-meetings-title">{t.meetings}</h2>
          {meetings.length === 0 ? <p className="empty">{t.noMeetings}</p> : <MeetingRows meetings={meetings} />}
          <ColourLegend colours={forum.colours} />
        </section>
        <NewMeetingForm forumId={forum.id} forumName={forum.name} />
      </div>
    </div>
  );
}
