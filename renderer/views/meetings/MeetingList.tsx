import { useMeetings } from '../../stores/meetings';
import { meetingsText as t } from '../../text/meetings';
import { MeetingRows } from './MeetingRows';

export function MeetingList() {
  const meetings = useMeetings((s) => s.meetings);
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.title}</h1>
      </header>
      {meetings.length === 0 ? <p className="empty">{t.empty}</p> : <MeetingRows meetings={meetings} showForum />}
    </div>
  );
}
