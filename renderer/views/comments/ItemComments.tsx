import '../../styles/comments.css';
import { useState } from 'react';
import type { ItemComment } from '../../../shared/api/methods/comments';
import { useApiQuery, write } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { commentsText as t } from '../../text/comments';
import { CommentForm } from './CommentForm';

interface ItemCommentsProps {
  itemId: string;
  /**
   * In run mode the facilitator marks questions answered; before the meeting everyone may write; once the
   * referat is approved, or for a læser of the shared forum, they are only read.
   */
  mode: 'forberedelse' | 'afvikling' | 'laesning';
  headingLevel?: 'h3' | 'h4';
  /** The panel around it already says what this is (run mode); the heading stays for screen readers. */
  headingHidden?: boolean;
}

/** An item's comments and questions: everyone's, oldest first; one's own can be corrected and removed. */
export function ItemComments({ itemId, mode, headingLevel = 'h3', headingHidden = false }: ItemCommentsProps) {
  const { data: comments, error } = useApiQuery('comments.list', { itemId });
  const Heading = headingLevel;
  const headingId = `comments-${itemId}`;
  return (
    <section className="item-comments" aria-labelledby={headingId}>
      <Heading id={headingId} className={headingHidden ? 'visually-hidden' : undefined}>
        {t.heading}
      </Heading>
      <Notice kind="error">{error?.message}</Notice>
      {comments && comments.length === 0 && <p className="muted">{t.none}</p>}
      {comments && comments.length > 0 && (
        <ul className="comment-list">
          {comments.map((c) => (
            <CommentEntry key={c.id} comment={c} mode={mode} />
          ))}
        </ul>
      )}
      {mode !== 'laesning' && <CommentForm label={t.textLabel} submitLabel={t.add} onSubmit={(values) => write('comments.add', { itemId, ...values })} />}
    </section>
  );
}

function CommentEntry({ comment, mode }: { comment: ItemComment; mode: ItemCommentsProps['mode'] }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const question = comment.kind === 'spoergsmaal';

  async function run(outcome: Promise<{ ok: boolean; error?: { message: string } }>) {
    const result = await outcome;
    setError(result.ok ? undefined : result.error?.message);
  }

  return (
    <li className={`comment comment-${comment.kind}`}>
      <p className="comment-head">
        <strong>{t.kind[comment.kind]}</strong> · {t.author(comment.authorName, comment.mine)} · {t.written(comment.createdAt)}
        {comment.changedAt !== comment.createdAt && ` (${t.changed(comment.changedAt)})`}
        {question && <span className={comment.answeredAt ? 'flag flag-answered' : 'flag flag-open'}>{comment.answeredAt ? `✓ ${t.answered}` : `? ${t.open}`}</span>}
      </p>
      {editing ? (
        <CommentForm
          initial={{ kind: comment.kind, text: comment.text }}
          label={t.editLabel}
          submitLabel={t.save}
          onSubmit={(values) => write('comments.edit', { commentId: comment.id, ...values })}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="comment-text pre-line">{comment.text}</p>
      )}
      <Notice kind="error">{error}</Notice>
      <p className="comment-actions">
        {question && mode === 'afvikling' && (
          <button type="button" onClick={() => void run(write('comments.markAnswered', { commentId: comment.id, answered: comment.answeredAt === null }))}>
            {comment.answeredAt === null ? t.markAnswered : t.markOpen}
          </button>
        )}
        {comment.mine && !editing && mode !== 'laesning' && (
          <>
            <button type="button" className="link" aria-label={t.editAria(comment.kind)} onClick={() => setEditing(true)}>
              {t.edit}
            </button>
            <button type="button" className="link" aria-label={t.removeLabel(comment.kind)} onClick={() => void run(write('comments.remove', { commentId: comment.id }))}>
              {t.remove}
            </button>
          </>
        )}
      </p>
    </li>
  );
}
