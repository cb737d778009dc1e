import { useState } from 'react';
import '../../styles/agenda.css';
import '../../styles/actions.css';
import '../../styles/listening.css';
import { saveDocument } from '../../api/saveDocument';
import { Notice } from '../../components/Notice';
import { longDate } from '../../format';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { DestinationLegend } from './DestinationLegend';
import { SortInput } from './SortInput';

/** After the lyttemøde: every input gets a place, themes, and perhaps a way on to a forum's agenda. */
export function SortingPage({ meetingId }: { meetingId: string }) {
  // Refetched when an input is sorted, themed or sent on, by the change events.
  const { data: detail, error } = useApiQuery('listening.getMeeting', { meetingId });
  const navigate = useRoute((s) => s.navigate);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  if (!detail) return <Notice kind="error">{error?.message}</Notice>;
  const { meeting, inputs } = detail;
  const themeNames = detail.themes.map((th) => th.name);

  async function letter() {
    // A document is made once from the archive as it is now; it is not kept in the cache.
    const result = await call('documents.feedbackLetter', { meetingId });
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    saveDocument(result.value);
    setMessage({ kind: 'ok', text: t.letterDone(result.value.fileName) });
  }

  return (
    <div className="page">
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'lyttemoeder', seriesId: meeting.seriesId })}>
          {detail.seriesTitle}
        </button>
      </nav>
      <header className="page-header">
        <p className="kicker">{t.sortKicker(meeting.school, meeting.teacherGroup)}</p>
        <h1>{t.sortTitle}</h1>
        <p className="lead">
          {longDate(meeting.date)} · {t.sortProgress(meeting.sortedCount, meeting.inputCount)}
        </p>
        <p>{t.sortIntro}</p>
      </header>
      <div className="toolbar-buttons listening-toolbar">
        <button type="button" className="primary" onClick={() => void letter()}>
          {t.letter}
        </button>
        <button type="button" onClick={() => navigate({ section: 'lyttemoeder', seriesId: meeting.seriesId, overview: true })}>
          {t.openOverview}
        </button>
        <button type="button" onClick={() => navigate({ section: 'lyttemoeder', seriesId: meeting.seriesId, meetingId, step: 'lyt' })}>
          {t.reopen}
        </button>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <DestinationLegend />
      <ol className="sort-list">
        {inputs.map((input) => (
          <SortInput key={input.id} input={input} seriesThemes={themeNames} />
        ))}
      </ol>
    </div>
  );
}
