import { useState } from 'react';
import type { ListeningSeriesSummary } from '../../../shared/api/listeningTypes';
import { useApiQuery, write } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { SyncStatusLine } from '../../components/SyncStatusLine';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { showSharingTabNext } from '../forums/forumTabs';
import { ReadOnlyNote } from '../sharing/ReadOnlyNote';

/**
 * A series is shared through its own lyttemøde forum: here it becomes one, and from here the forum's «Deling»
 * tab is one click away, where «Del forummet» and the invitations are.
 */
export function SeriesSharing({ series }: { series: ListeningSeriesSummary }) {
  const navigate = useRoute((s) => s.navigate);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const forumId = series.forumId;
  const { data: forum } = useApiQuery('forums.get', { forumId: forumId ?? '' }, { enabled: forumId !== null });

  function openSharing(id: string) {
    showSharingTabNext(id);
    navigate({ section: 'fora', forumId: id });
  }

  async function makeForum() {
    setBusy(true);
    const outcome = await write('listening.shareAsForum', { seriesId: series.id });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    setError(undefined);
    if (outcome.value.forumId !== null) openSharing(outcome.value.forumId);
  }

  return (
    <section className="series-sharing" aria-labelledby="series-sharing-heading">
      <h2 id="series-sharing-heading">{t.sharingHeading}</h2>
      {forumId === null ? (
        <>
          <p>{t.localSeries}</p>
          <button type="button" onClick={() => void makeForum()} disabled={busy}>
            {t.makeForum}
          </button>
        </>
      ) : (
        <>
          <p>{t.sharedSeries(forum?.name ?? series.title)}</p>
          <SyncStatusLine forumId={forumId} />
          <ReadOnlyNote forumId={forumId} />
          <button type="button" onClick={() => openSharing(forumId)}>
            {t.openSharing}
          </button>
        </>
      )}
      <Notice kind="error">{error}</Notice>
    </section>
  );
}
