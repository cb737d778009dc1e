import { useEffect } from 'react';
import { ColourLegend } from '../../components/ColourLegend';
import { clockTime, longDate } from '../../format';
import { useMeetings } from '../../stores/meetings';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';
import { AgendaItemCard } from './AgendaItemCard';
import { NewItemForm } from './NewItemForm';

export function MeetingDetail({ meetingId }: { meetingId: string }) {
  const meeting = useMeetings((s) => (s.current?.id === meetingId ? s.current : null));
  const open = useMeetings((s) => s.open);
  const navigate = useRoute((s) => s.navigate);

  useEffect(() => {
    void open(meetingId);
  }, [meetingId, open]);

  if (!meeting) return null;
  const over = meeting.plannedMinutes - meeting.durationMinutes;
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
        <p className="kicker">{meeting.forumName}</p>
        <h1>{meeting.title}</h1>
        <p className="lead">
          {longDate(meeting.startsAt)} {clockTime(meeting.startsAt)}
          {meeting.place && ` · ${meeting.place}`}
        </p>
      </header>
      <div className="two-columns wide-left">
        <section aria-labelledby="agenda-title">
          <div className="section-header">
            <h2 id="agenda-title">{t.agenda}</h2>
            <p className={over > 0 ? 'time-total time-over' : 'time-total'}>
              {t.planned(meeting.plannedMinutes, meeting.durationMinutes)}
            </p>
          </div>
          {over > 0 && <p className="warning">{t.overPlanned(over)}</p>}
          {meeting.items.length === 0 ? (
            <p className="empty">{t.noItems}</p>
          ) : (
            <ol className="agenda">
              {meeting.items.map((item) => (
                <li key={item.id}>
                  <AgendaItemCard item={item} colours={meeting.forumColours} />
                </li>
              ))}
            </ol>
          )}
        </section>
        <div className="side-column">
          <NewItemForm meetingId={meeting.id} colours={meeting.forumColours} />
          <ColourLegend colours={meeting.forumColours} />
        </div>
      </div>
    </div>
  );
}
