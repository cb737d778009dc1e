import '../../styles/agenda.css';
import '../../styles/listening.css';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { EditSeriesForm } from './EditSeriesForm';
import { MeetingsSection } from './MeetingsSection';
import { PlanMeetingForm } from './PlanMeetingForm';
import { SeriesSharing } from './SeriesSharing';
import { ThemePanel } from './ThemePanel';

/** One series: its lyttemøder in date order, planning the next, its themes, and the way to the theme overview. */
export function SeriesPage({ seriesId }: { seriesId: string }) {
  // Refetched when anything of the series changes (its meetings, themes, inputs), by the change events.
  const { data: detail, error } = useApiQuery('listening.getSeries', { seriesId });
  const navigate = useRoute((s) => s.navigate);

  if (!detail) return <Notice kind="error">{error?.message}</Notice>;
  const { series, meetings, themes } = detail;
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
      <SeriesSharing series={series} />
      <EditSeriesForm key={series.id} series={series} />
      <MeetingsSection meetings={meetings} />
      <div className="two-columns series-columns">
        <PlanMeetingForm seriesId={seriesId} meetings={meetings} />
        <ThemePanel themes={themes} />
      </div>
    </div>
  );
}
