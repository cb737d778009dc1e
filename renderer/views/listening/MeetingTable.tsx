import type { ListeningMeetingSummary } from '../../../shared/api/listeningTypes';
import { shortDate } from '../../format';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';

interface MeetingTableProps {
  meetings: readonly ListeningMeetingSummary[];
  onEdit(meeting: ListeningMeetingSummary): void;
  onRemove(meeting: ListeningMeetingSummary): void;
}

/** The series' lyttemøder in date order; a planned one opens for listening, a held one for sorting. */
export function MeetingTable({ meetings, onEdit, onRemove }: MeetingTableProps) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <table className="table listening-meetings">
      <thead>
        <tr>
          <th scope="col">{t.school}</th>
          <th scope="col">{t.date}</th>
          <th scope="col">{t.teacherGroup}</th>
          <th scope="col">{t.status}</th>
          <th scope="col" className="number">
            {t.inputs}
          </th>
          <th scope="col" className="number">
            {t.sorted}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t.meetingActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => {
          const held = m.heldAt !== null;
          // Two groups at one school on one day are two rows: the group makes each button's name unique.
          const which = <span className="visually-hidden"> {t.rowMeeting(m.school, shortDate(m.date), m.teacherGroup)}</span>;
          return (
            <tr key={m.id}>
              <th scope="row">{m.school}</th>
              <td className="nowrap">
                {shortDate(m.date)}
                {m.startTime && <span className="muted meeting-time">kl. {m.startTime.replace(':', '.')}</span>}
              </td>
              <td>{m.teacherGroup}</td>
              <td className="nowrap">
                <span className={held ? 'status status-afholdt' : 'status status-planlagt'}>{held ? t.held : t.planned}</span>
              </td>
              <td className="number">{m.inputCount}</td>
              <td className="number">{t.sortedOf(m.sortedCount, m.inputCount)}</td>
              <td>
                <div className="meeting-actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() => navigate({ section: 'lyttemoeder', seriesId: m.seriesId, meetingId: m.id, step: held ? 'sorter' : 'lyt' })}
                  >
                    {held ? t.sortAction : t.listenAction}
                    {which}
                  </button>
                  <button type="button" onClick={() => onEdit(m)}>
                    {t.edit}
                    {which}
                  </button>
                  {/* The archive keeps a lyttemøde with inputs; the button says so rather than offer it. */}
                  <button
                    type="button"
                    onClick={() => onRemove(m)}
                    disabled={m.inputCount > 0}
                    aria-describedby={m.inputCount > 0 ? `cannot-remove-${m.id}` : undefined}
                    title={m.inputCount > 0 ? t.cannotRemoveMeeting(m.inputCount) : undefined}
                  >
                    {t.removeMeeting}
                    {which}
                  </button>
                  {m.inputCount > 0 && (
                    <span id={`cannot-remove-${m.id}`} className="visually-hidden">
                      {t.cannotRemoveMeeting(m.inputCount)}
                    </span>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
