import '../../styles/listening.css';
import { shortDate } from '../../format';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { NewSeriesForm } from './NewSeriesForm';

/** Every series of lyttemøder, and a form for a new one. */
export function SeriesList() {
  const { data: series = [], error } = useApiQuery('listening.listSeries', {});
  const navigate = useRoute((s) => s.navigate);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.title}</h1>
        <p className="lead">{t.intro}</p>
      </header>
      <Notice kind="error">{error?.message}</Notice>
      <div className="two-columns">
        <section aria-labelledby="series-list-title">
          <h2 id="series-list-title" className="visually-hidden">
            {t.title}
          </h2>
          {series.length === 0 ? (
            <p className="empty">{t.empty}</p>
          ) : (
            <ul className="card-list">
              {series.map((s) => (
                <li key={s.id}>
                  <button type="button" className="card" onClick={() => navigate({ section: 'lyttemoeder', seriesId: s.id })}>
                    <span className="card-title">{s.title}</span>
                    <span className="card-meta">{t.schools(s.schools)}</span>
                    <span className="card-meta">
                      {t.counts(s.heldCount, s.meetingCount - s.heldCount)} ·{' '}
                      {s.nextDate ? t.nextDate(shortDate(s.nextDate)) : t.noNextDate}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <NewSeriesForm />
      </div>
    </div>
  );
}
