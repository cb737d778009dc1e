import { useState } from 'react';
import { useApiQuery, write } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';
import { MeetingForm, type MeetingFormValues } from './MeetingForm';

export function NewMeetingForm({ forumId, forumName }: { forumId: string; forumName: string }) {
  const forum = useApiQuery('forums.get', { forumId }).data;
  const navigate = useRoute((s) => s.navigate);
  const [useTemplate, setUseTemplate] = useState(true);

  async function submit(values: MeetingFormValues) {
    const result = await write('meetings.create', { forumId, ...values, useTemplate });
    if (!result.ok) return result;
    navigate({ section: 'moeder', meetingId: result.value.id });
    return { ok: true as const };
  }

  return (
    <section className="panel" aria-labelledby="new-meeting-title">
      <h2 id="new-meeting-title">{t.newMeeting}</h2>
      <label className="check">
        <input type="checkbox" checked={useTemplate} onChange={(e) => setUseTemplate(e.target.checked)} />
        {t.useTemplate}
      </label>
      <MeetingForm
        initial={{
          title: `${forumName}-møde`,
          startsAt: '',
          durationMinutes: forum?.defaultMinutes ?? 90,
          place: forum?.defaultPlace ?? '',
          purpose: '',
        }}
        submitLabel={t.create}
        onSubmit={submit}
      />
    </section>
  );
}
