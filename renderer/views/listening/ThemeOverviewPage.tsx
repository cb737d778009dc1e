import { useEffect } from 'react';
import '../../styles/agenda.css';
import '../../styles/listening.css';
import { Notice } from '../../components/Notice';
import { NO_OVERVIEW_FILTERS, useListeningOverview } from '../../stores/listeningOverview';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { OverviewFilterBar } from './OverviewFilterBar';
import { OverviewInputs } from './OverviewInputs';
import { ThemeChart } from './ThemeChart';

/** Across the series: which themes came up at how many schools, with the inputs behind them. */
export function ThemeOverviewPage({ seriesId }: { seriesId: string }) {
  const { overview, filters, error, show } = useListeningOverview();
  const sameSeries = useListeningOverview((s) => s.seriesId === seriesId);
  const navigate = useRoute((s) => s.navigate);

  useEffect(() => {
    // Filters are kept while moving between a series' pages, and start empty for another series.
    const state = useListeningOverview.getState();
    void state.show(seriesId, state.seriesId === seriesId ? state.filters : NO_OVERVIEW_FILTERS);
  }, [seriesId]);

  const shown = sameSeries && overview?.seriesId === seriesId ? overview : null;
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
          <OverviewFilterBar schools={shown.schools} filters={filters} onChange={(next) => void show(seriesId, next)} />
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
