import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PresenterView } from '../../shared/api/types';
import { call, onAppEvent } from '../api/client';

export type PresenterState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** clockOffset: milliseconds to add to the local clock to get the server's. */
  | { status: 'ready'; view: PresenterView; clockOffset: number };

type Loaded = { meetingId: string; state: PresenterState };

/**
 * What the projector shows for a meeting, fetched again after every write anywhere in the app, so the
 * projector follows the facilitator without a reload. Only the newest answer counts: a slow answer to
 * an earlier fetch must not put an old item back on the wall.
 */
export function usePresenterView(meetingId: string | null): PresenterState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (meetingId === null) return;
    let newest = 0;
    let disposed = false;
    async function load(id: string): Promise<void> {
      const ticket = ++newest;
      const result = await call('run.presenter', { meetingId: id });
      if (disposed || ticket !== newest) return;
      if (result.ok) {
        const clockOffset = Date.parse(result.value.serverNow) - Date.now();
        setLoaded({ meetingId: id, state: { status: 'ready', view: result.value, clockOffset } });
      } else {
        // A passing hiccup keeps the last good picture on the wall rather than an error in front of the room.
        setLoaded((previous) =>
          previous?.meetingId === id && previous.state.status === 'ready'
            ? previous
            : { meetingId: id, state: { status: 'error', message: result.error.message } },
        );
      }
    }
    void load(meetingId);
    const unsubscribe = onAppEvent(() => void load(meetingId));
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [meetingId]);

  return loaded !== null && loaded.meetingId === meetingId ? loaded.state : { status: 'loading' };
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
