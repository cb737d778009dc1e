import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PresenterView } from '../../shared/api/types';
import { useApiQuery } from '../api/queries';
import { serverClockOffset } from '../api/serverClock';

export type PresenterState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** clockOffset: milliseconds to add to the local clock to get the server's. */
  | { status: 'ready'; view: PresenterView; clockOffset: number };

/**
 * What the projector shows for a meeting, refetched whenever a write touches the meeting, so the
 * projector follows the facilitator without a reload; a newer answer always wins over an older one.
 * A passing hiccup keeps the last good picture on the wall rather than an error in front of the room.
 */
export function usePresenterView(meetingId: string | null): PresenterState {
  const { data, error, dataUpdatedAt } = useApiQuery('run.presenter', { meetingId: meetingId ?? '' }, { enabled: meetingId !== null });
  if (data) return { status: 'ready', view: data, clockOffset: serverClockOffset(data.serverNow, dataUpdatedAt) };
  if (error) return { status: 'error', message: error.message };
  return { status: 'loading' };
}

/** The server's clock, read once a second from the local clock plus the offset. */
export function useServerNow(clockOffset: number): number {
  const [localNow, setLocalNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setLocalNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return localNow + clockOffset;
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** location.hash, kept current: reopening the projector for another meeting only changes the hash. */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribeToHash, () => window.location.hash);
}
