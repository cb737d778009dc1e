import { useApiQuery } from '../api/queries';
import { signInEndedStatus, syncStatusText, syncText } from '../text/sync';

/**
 * One line on how a shared forum stands with its server; nothing for a forum that is not shared.
 * The mark's shape differs per state (filled, hollow, crossed), so colour is never the only signal.
 */
export function SyncStatusLine({ forumId }: { forumId: string }) {
  const status = useApiQuery('sync.status', {}).data?.find((s) => s.forumId === forumId);
  const signInEnded = useSignInEnded(forumId);
  if (!status) return null;
  // The server refuses an ended sign-in as it refuses a removed member; only the first is put right by signing in.
  const waitsForSignIn = signInEnded && status.state !== 'forbundet';
  const state = waitsForSignIn ? 'offline' : status.state;
  const { label, sentence } = waitsForSignIn ? signInEndedStatus : syncStatusText(status);
  return (
    <p className="sync-status" data-state={state} role="status" aria-label={`${syncText.region}: ${sentence}`} title={sentence}>
      <svg className="sync-mark" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
        {state === 'forbundet' && <circle cx="6" cy="6" r="5" fill="currentColor" />}
        {state === 'offline' && <circle cx="6" cy="6" r="4.2" fill="none" stroke="currentColor" strokeWidth="1.6" />}
        {state === 'adgang-fjernet' && <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="1.8" />}
      </svg>
      {label}
    </p>
  );
}

/** Whether the server of this shared forum has ended this laptop's sign-in with the kommune's login. */
function useSignInEnded(forumId: string): boolean {
  const sharing = useApiQuery('sync.forum', { forumId }).data;
  const servers = useApiQuery('sync.servers', {}).data;
  return sharing?.shared === true && servers?.some((server) => server.serverUrl === sharing.serverUrl && server.signInEnded) === true;
}
