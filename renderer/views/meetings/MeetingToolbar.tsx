import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/types';
import type { Variant } from '../../../shared/domain/variant';
import { call } from '../../api/client';
import { saveDocument } from '../../api/saveDocument';
import { Notice } from '../../components/Notice';
import { shortDate } from '../../format';
import { useApiQuery, write } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';
import { runText } from '../../text/run';
import { followText } from '../../text/sync';
import { MeetingForm } from './MeetingForm';
import { StartOtherDay } from './StartOtherDay';
import { todayLocal } from '../../today';

/** Export, "sent out" and editing of the meeting itself; a read-only meeting (the referat approved, or the user a læser) keeps only its exports. */
export function MeetingToolbar({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  const navigate = useRoute((s) => s.navigate);
  // Another member runs this meeting on their own laptop: it is followed here (FollowMeeting), not run a second time.
  const leading = useApiQuery('sync.presence', { forumId: meeting.forumId }).data?.leading.find((lead) => lead.meetingId === meeting.id);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [askDate, setAskDate] = useState(false);
  const run = () => navigate({ section: 'moeder', meetingId: meeting.id, run: true });
  // Only a meeting not begun yet is asked about its date: a resumed meeting already began that day.
  const start = () => (meeting.run.phase === 'ikke_startet' && meeting.startsAt.slice(0, 10) !== todayLocal() ? setAskDate(true) : run());

  async function exportAgenda(variant: Variant) {
    const result = await call('documents.dagsorden', { meetingId: meeting.id, variant });
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    saveDocument(result.value);
    setMessage({ kind: 'ok', text: t.exportDone(result.value.fileName) });
  }

  async function markSent() {
    const outcome = await write('meetings.markAgendaSent', { meetingId: meeting.id });
    if (!outcome.ok) setMessage({ kind: 'error', text: outcome.error.message });
  }

  return (
    <section className="toolbar" aria-label="Dagsorden og møde">
      <p className={meeting.agendaSentAt ? 'sent-state sent' : 'sent-state'}>
        {/* After the approval no item can be added, so the rule for late items is not repeated. */}
        {meeting.agendaSentAt ? (readOnly ? t.agendaSentOn : t.agendaSent)(shortDate(meeting.agendaSentAt)) : t.agendaNotSent}
      </p>
      {meeting.status === 'planlagt' && leading && <p className="muted">{followText.runElsewhere(leading.name)}</p>}
      <div className="toolbar-buttons">
        {meeting.status === 'planlagt' && !leading && !readOnly && (
          <button type="button" className="primary" onClick={start}>
            {meeting.run.phase === 'ikke_startet' ? runText.start : runText.resume}
          </button>
        )}
        <button type="button" onClick={() => void exportAgenda('delt')}>
          {t.exportShared}
        </button>
        <button type="button" onClick={() => void exportAgenda('fuld')}>
          {t.exportFull}
        </button>
        {!meeting.agendaSentAt && !readOnly && (
          <button type="button" onClick={() => void markSent()}>
            {t.markSent}
          </button>
        )}
      </div>
      {askDate && <StartOtherDay meeting={meeting} onStart={run} onCancel={() => setAskDate(false)} />}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {!readOnly && (
        <details className="tool">
          <summary>{t.editMeeting}</summary>
          <MeetingForm
            initial={meeting}
            submitLabel={t.saveMeeting}
            savedMessage={t.meetingSaved}
            onSubmit={(fields) => write('meetings.update', { meetingId: meeting.id, ...fields })}
          />
        </details>
      )}
    </section>
  );
}
