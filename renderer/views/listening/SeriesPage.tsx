import { useEffect } from 'react';
import '../../styles/listening.css';
import { useListening } from '../../stores/listening';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { MeetingTable } from './MeetingTable';
import { PlanMeetingForm } from './PlanMeetingForm';

/** One series: its lyttemøder in date order, planning the next, and the way to the theme overview. */
export function SeriesPage({ seriesId }: { seriesId: string }) {
  const detail = useListening((s) => (s.detail?.series.id === seriesId ? s.detail : null));
  const openSeries = useListening((s) => s.openSeries);
  const navigate = useRoute((s) => s.navigate);

  useEffect(() => {
    void openSeries(seriesId);
  }, [seriesId, openSeries]);

  if (!detail) return null;
  const { series, meetings } = detail;
  return (
    <div className="page">
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'lyttemoeder' })}>
          {t.backToList}
        </button>
      </nav>
      <header className="page-header">
        <p className="kicker">{t.title}</p>
        <h1>{series.title}</h1>
        {series.visitors && <p className="lead">{series.visitors}</p>}
        {series.purpose && <p className="meeting-purpose">{series.purpose}</p>}
      </header>
      <div className="toolbar-buttons listening-toolbar">
        <button type="button" className="primary" onClick={() => navigate({ section: 'lyttemoeder', seriesId, overview: true })}>
          {t.openOverview}
        </button>
      </div>
      {/* The table gets the page's full width, so school, date and counts stay on one line each. */}
      <section aria-labelledby="listening-meetings-title" className="listening-meetings-section">
        <h2 id="listening-meetings-title">{t.meetings}</h2>
        {meetings.length === 0 ? <p className="empty">{t.noMeetings}</p> : <MeetingTable meetings={meetings} />}
      </section>
      <PlanMeetingForm seriesId={seriesId} />
    </div>
  );
}
