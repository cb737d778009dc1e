import '../../styles/agenda.css';
import '../../styles/listening.css';
import { Notice } from '../../components/Notice';
import { useApiQuery } from '../../api/queries';
import { NO_OVERVIEW_FILTERS, overviewInput, useListeningOverview } from '../../stores/listeningOverview';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { OverviewFilterBar } from './OverviewFilterBar';
import { OverviewInputs } from './OverviewInputs';
import { ThemeChart } from './ThemeChart';

/** Across the series: which themes came up at how many schools, with the inputs behind them. */
export function ThemeOverviewPage({ seriesId }: { seriesId: string }) {
  const chosen = useListeningOverview();
  const filters = chosen.seriesId === seriesId ? chosen.filters : NO_OVERVIEW_FILTERS;
  // While new filters load, the last answer stays on screen, but never another series' overview.
  const { data: overview, error } = useApiQuery('listening.overview', overviewInput(seriesId, filters), { keepPrevious: true });
  const navigate = useRoute((s) => s.navigate);
  const shown = overview?.seriesId === seriesId ? overview : null;
  return (
    <div className="page">
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'lyttemoeder', seriesId })}>
          {shown?.seriesTitle ?? t.title}
        </button>
      </nav>
      <header className="page-header">
        <p className="kicker">{shown?.seriesTitle}</p>
        <h1>{t.overviewTitle}</h1>
        <p className="lead">{t.overviewIntro}</p>
      </header>
      <Notice kind="error">{error?.message}</Notice>
      {shown && (
        <>
          <OverviewFilterBar schools={shown.schools} filters={filters} onChange={(next) => chosen.choose(seriesId, next)} />
          <ThemeChart overview={shown} />
          {shown.withoutTheme.length > 0 && (
            <details className="tool without-theme">
              <summary>{t.withoutTheme(shown.withoutTheme.length)}</summary>
              <OverviewInputs inputs={shown.withoutTheme} />
            </details>
          )}
        </>
      )}
    </div>
  );
}
