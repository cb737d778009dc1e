import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/types';
import { write } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { longDate } from '../../format';
import { runText as t } from '../../text/run';
import { todayLocal } from '../../today';

/**
 * A meeting started on another day than planned: move it to today (the referat and the year plan then
 * say when it was really held), or keep the planned date, e.g. when the minutes are typed in afterwards.
 */
export function StartOtherDay({ meeting, onStart, onCancel }: { meeting: MeetingDetail; onStart(): void; onCancel(): void }) {
  const first = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string>();
  const today = todayLocal();
  useEffect(() => first.current?.focus(), []);

  async function moveAndStart() {
    const outcome = await write('meetings.update', {
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: `${today}${meeting.startsAt.slice(10)}`,
      durationMinutes: meeting.durationMinutes,
      place: meeting.place,
      purpose: meeting.purpose,
    });
    if (!outcome.ok) return setError(outcome.error.message);
    onStart();
  }

  return (
    <div className="start-other-day" role="alertdialog" aria-labelledby="other-day-title" aria-describedby="other-day-text" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2 id="other-day-title">{t.otherDayTitle}</h2>
      <p id="other-day-text">{t.otherDayText(longDate(meeting.startsAt), longDate(`${today}T00:00`))}</p>
      <Notice kind="error">{error}</Notice>
      <div className="button-row">
        <button ref={first} type="button" className="primary" onClick={() => void moveAndStart()}>
          {t.otherDayMove}
        </button>
        <button type="button" onClick={onStart}>
          {t.otherDayKeep}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
