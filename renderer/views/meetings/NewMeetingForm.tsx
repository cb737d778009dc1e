import { useState } from 'react';
import { useForums } from '../../stores/forums';
import { useMeetings } from '../../stores/meetings';
import { useRoute } from '../../stores/route';
import { meetingsText as t } from '../../text/meetings';
import { MeetingForm, type MeetingFormValues } from './MeetingForm';

export function NewMeetingForm({ forumId, forumName }: { forumId: string; forumName: string }) {
  const create = useMeetings((s) => s.create);
  const forum = useForums((s) => (s.selected?.id === forumId ? s.selected : null));
  const navigate = useRoute((s) => s.navigate);
  const [useTemplate, setUseTemplate] = useState(true);

  async function submit(values: MeetingFormValues) {
    const result = await create({ forumId, ...values, useTemplate });
    if (result.ok) navigate({ section: 'moeder', meetingId: result.meeting.id });
    return result.ok ? { ok: true as const } : result;
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
