import '../../styles/comments.css';
import { useState } from 'react';
import { useApiQuery } from '../../api/queries';
import { commentsText as t } from '../../text/comments';
import { ItemComments } from '../comments/ItemComments';

/**
 * The current item's comments and questions for the facilitator. When the screen may be on the projector they
 * stay folded until the facilitator chooses to show them: a member's question is not for the whole room to read.
 */
export function RunComments({ itemId, projectorSafe }: { itemId: string; projectorSafe: boolean }) {
  const [shown, setShown] = useState(!projectorSafe);
  const comments = useApiQuery('comments.list', { itemId }).data ?? [];
  const open = comments.filter((c) => c.kind === 'spoergsmaal' && c.answeredAt === null).length;
  return (
    <aside className="run-comments" aria-label={t.heading}>
      <p className="run-comments-head">
        <strong>{t.runHeading(comments.length, open)}</strong>{' '}
        <button type="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? t.hide : t.show}
        </button>
      </p>
      {!shown && projectorSafe && comments.length > 0 && <p className="muted small">{t.projectorHint}</p>}
      {shown && <ItemComments itemId={itemId} mode="afvikling" headingLevel="h4" headingHidden />}
    </aside>
  );
}
