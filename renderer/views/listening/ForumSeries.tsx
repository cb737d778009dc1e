import { useApiQuery } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import '../../styles/listening.css';

/** On a lyttemøde forum's page: the series it shares, one click from their meetings, themes and inputs. */
export function ForumSeries({ forumId }: { forumId: string }) {
  const navigate = useRoute((s) => s.navigate);
  const { data: all } = useApiQuery('listening.listSeries', {});
  const series = all?.filter((s) => s.forumId === forumId) ?? [];
  if (series.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="forum-series-title">
      <h2 id="forum-series-title">{t.forumSeries}</h2>
      <ul className="plain-list forum-series">
        {series.map((s) => (
          <li key={s.id}>
            <button type="button" className="link" onClick={() => navigate({ section: 'lyttemoeder', seriesId: s.id })}>
              {t.openSeries(s.title)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
