import type { ListeningMeetingSummary } from '../../../shared/api/listeningTypes';
import { shortDate } from '../../format';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';

/** The series' lyttemøder in date order; a planned one opens for listening, a held one for sorting. */
export function MeetingTable({ meetings }: { meetings: readonly ListeningMeetingSummary[] }) {
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
            <span className="visually-hidden">Åbn</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => {
          const held = m.heldAt !== null;
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
                <button
                  type="button"
                  onClick={() => navigate({ section: 'lyttemoeder', seriesId: m.seriesId, meetingId: m.id, step: held ? 'sorter' : 'lyt' })}
                >
                  {held ? t.sortAction : t.listenAction}
                  <span className="visually-hidden"> {t.atSchool(m.school)}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
