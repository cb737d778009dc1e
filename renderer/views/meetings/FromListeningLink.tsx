import type { FromListening } from '../../../shared/api/listeningTypes';
import { shortDate } from '../../format';
import { useRoute } from '../../stores/route';
import { listeningText } from '../../text/listening';

/** An item sent on from a lyttemøde points back to it, so the forum can see where the matter was heard. */
export function FromListeningLink({ from }: { from: FromListening }) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <p className="from-listening-row">
      <button
        type="button"
        className="link from-listening"
        onClick={() => navigate({ section: 'lyttemoeder', seriesId: from.seriesId, meetingId: from.listeningMeetingId, step: 'sorter' })}
      >
        {listeningText.fromListening(from.school, shortDate(from.date))}
      </button>
    </p>
  );
}
