import { useApiQuery } from '../api/queries';
import { syncStatusText, syncText } from '../text/sync';

/**
 * One line on how a shared forum stands with its server; nothing for a forum that is not shared.
 * The mark's shape differs per state (filled, hollow, crossed), so colour is never the only signal.
 */
export function SyncStatusLine({ forumId }: { forumId: string }) {
  const status = useApiQuery('sync.status', {}).data?.find((s) => s.forumId === forumId);
  if (!status) return null;
  const { label, sentence } = syncStatusText(status);
  return (
    <p className="sync-status" data-state={status.state} role="status" aria-label={`${syncText.region}: ${sentence}`} title={sentence}>
      <svg className="sync-mark" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        {status.state === 'forbundet' && <circle cx="6" cy="6" r="5" fill="currentColor" />}
        {status.state === 'offline' && <circle cx="6" cy="6" r="4.2" fill="none" stroke="currentColor" strokeWidth="1.6" />}
        {status.state === 'adgang-fjernet' && <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="1.8" />}
      </svg>
      {label}
    </p>
  );
}
