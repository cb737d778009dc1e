import { useState } from 'react';
import '../../styles/listening.css';
import { longDate } from '../../format';
import { useApiQuery } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { Notice } from '../../components/Notice';
import { CaptureLine } from './CaptureLine';
import { CapturedList } from './CapturedList';
import { FinishPanel } from './FinishPanel';
import { OpeningPanel } from './OpeningPanel';

/** The last thing written on this screen; the status line says it with the number of inputs there are now. */
type LastChange = { kind: 'saved' } | { kind: 'removed'; position: number };

function statusLine(change: LastChange | undefined, count: number): string {
  if (change === undefined) return '';
  return change.kind === 'saved' ? t.saved(count) : t.removed(change.position, count);
}

/**
 * The lyttemøde itself, on the whole window (often on a projector): the opening, one line to write
 * what is heard, and what has been heard so far. No colours and no decisions here, on purpose.
 */
export function ListeningScreen({ meetingId }: { meetingId: string }) {
  const { data: detail, error: loadError } = useApiQuery('listening.getMeeting', { meetingId });
  const navigate = useRoute((s) => s.navigate);
  const [lastChange, setLastChange] = useState<LastChange>();

  const meeting = detail?.meeting;
  return (
    <main className="listening-screen">
      <Notice kind="error">{loadError?.message}</Notice>
      {detail && meeting && (
        <>
          <header className="listening-header">
            <button type="button" className="link" onClick={() => navigate({ section: 'lyttemoeder', seriesId: meeting.seriesId })}>
              {t.backToSeries}
            </button>
            <p className="kicker">{detail.seriesTitle}</p>
            <h1>
              {meeting.school} · {meeting.teacherGroup}
            </h1>
            <p className="lead">
              {longDate(meeting.date)}
              {meeting.startTime && ` kl. ${meeting.startTime.replace(':', '.')}`}
            </p>
          </header>
          <OpeningPanel meetingId={meetingId} visitors={detail.visitors} inputCount={detail.inputs.length} />
          <CaptureLine
            meetingId={meetingId}
            themes={detail.themes.map((th) => th.name)}
            count={detail.inputs.length}
            onSaved={() => setLastChange({ kind: 'saved' })}
          />
          <CapturedList inputs={detail.inputs} onRemoved={(position) => setLastChange({ kind: 'removed', position })} />
          {/* Read from the inputs on screen, not kept from the moment of writing: a deletion, here or in another window, shows at once. */}
          <p role="status" className="visually-hidden">
            {statusLine(lastChange, detail.inputs.length)}
          </p>
          <FinishPanel meetingId={meetingId} seriesId={meeting.seriesId} />
        </>
      )}
    </main>
  );
}
