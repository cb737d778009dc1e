import { describeActionNote } from '../../../shared/domain/actions';
import type { FollowUpAction } from '../../../shared/api/types';
import { shortDate } from '../../format';
import { meetingFollowUpText as t } from '../../text/followup';

/** A followed-up action's dated lines, oldest first, so a problem followed «til dørs» shows its way there. */
export function FollowUpHistory({ action }: { action: FollowUpAction }) {
  const lines = action.history.flatMap((note) => {
    const text = describeActionNote(note);
    return text === '' ? [] : [{ id: note.id, at: note.createdAt, text }];
  });
  if (lines.length === 0) return null;
  return (
    <ol className="follow-up-history" aria-label={t.history(action.what)}>
      {lines.map((line) => (
        <li key={line.id}>
          <time dateTime={line.at}>{shortDate(line.at)}</time> · {line.text}
        </li>
      ))}
    </ol>
  );
}
