import type { OverviewInput } from '../../../shared/api/listeningTypes';
import { shortDate } from '../../format';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { DestinationBadge } from './DestinationBadge';
import { QuoteText } from './QuoteText';

/** The inputs behind a theme: where and when they were heard, where they went, and where they were sent. */
export function OverviewInputs({ inputs }: { inputs: readonly OverviewInput[] }) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <ul className="overview-inputs">
      {inputs.map((input) => (
        <li key={input.id}>
          <p className="overview-input-meta">
            <button
              type="button"
              className="link"
              onClick={() => navigate({ section: 'lyttemoeder', meetingId: input.listeningMeetingId, step: 'sorter' })}
            >
              {input.school} · {shortDate(input.date)}
            </button>
            {input.destination ? <DestinationBadge destination={input.destination} /> : <span className="destination-none">{t.unsorted}</span>}
            {input.sentTo && (
              <button type="button" className="link" onClick={() => navigate({ section: 'moeder', meetingId: input.sentTo?.meetingId })}>
                {t.sentTo(input.sentTo.forumName, shortDate(input.sentTo.startsAt))}
              </button>
            )}
          </p>
          <p>
            <QuoteText text={input.text} isQuote={input.isQuote} />
          </p>
          {input.note && <p className="muted">{input.note}</p>}
        </li>
      ))}
    </ul>
  );
}
