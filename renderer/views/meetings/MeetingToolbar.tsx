import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/types';
import type { Variant } from '../../../shared/domain/variant';
import { call } from '../../api/client';
import { saveDocument } from '../../api/saveDocument';
import { Notice } from '../../components/Notice';
import { shortDate } from '../../format';
import { write } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';
import { runText } from '../../text/run';
import { MeetingForm } from './MeetingForm';

/** Export, "sent out" and editing of the meeting itself. */
export function MeetingToolbar({ meeting }: { meeting: MeetingDetail }) {
  const navigate = useRoute((s) => s.navigate);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

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
        {meeting.agendaSentAt ? t.agendaSent(shortDate(meeting.agendaSentAt)) : t.agendaNotSent}
      </p>
      <div className="toolbar-buttons">
        {meeting.status === 'planlagt' && (
          <button type="button" className="primary" onClick={() => navigate({ section: 'moeder', meetingId: meeting.id, run: true })}>
            {meeting.run.phase === 'ikke_startet' ? runText.start : runText.resume}
          </button>
        )}
        <button type="button" onClick={() => void exportAgenda('delt')}>
          {t.exportShared}
        </button>
        <button type="button" onClick={() => void exportAgenda('fuld')}>
          {t.exportFull}
        </button>
        {!meeting.agendaSentAt && (
          <button type="button" onClick={() => void markSent()}>
            {t.markSent}
          </button>
        )}
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <details className="tool">
        <summary>{t.editMeeting}</summary>
        <MeetingForm
          initial={meeting}
          submitLabel={t.saveMeeting}
          savedMessage={t.meetingSaved}
          onSubmit={(fields) => write('meetings.update', { meetingId: meeting.id, ...fields })}
        />
      </details>
    </section>
  );
}
