import '../../styles/comments.css';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { historyText as t } from '../../text/comments';

/** Who changed what on the item and when, newest first, as the shared documents remember it. */
export function ItemHistory({ itemId }: { itemId: string }) {
  const { data: lines, error } = useApiQuery('agenda.history', { itemId });
  return (
    <details className="item-history">
      <summary>{t.heading}</summary>
      <Notice kind="error">{error?.message}</Notice>
      {lines?.length === 0 && <p className="muted">{t.none}</p>}
      {lines && lines.length > 0 && (
        <ol className="history-list">
          {lines.map((line) => (
            <li key={`${line.record}-${line.at}-${line.personName ?? ''}`}>{t.line(line)}</li>
          ))}
        </ol>
      )}
    </details>
  );
}
