import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/envelope';
import type { MeetingDetail } from '../../../shared/api/types';
import { useApiQuery, write } from '../../api/queries';
import { serverClockOffset } from '../../api/serverClock';
import { useRun } from '../../stores/run';

/**
 * The meeting being run: started (or resumed) once when the screen opens, then read from the query
 * cache, which the run writes' answers and the change events keep current (also for changes made in
 * another window).
 */
export function useRunMeeting(meetingId: string): { meeting: MeetingDetail | null; error: ApiError | null } {
  const [started, setStarted] = useState<{ meetingId: string; error: ApiError | null } | null>(null);
  const clearWriteError = useRun((s) => s.clearWriteError);

  useEffect(() => {
    let current = true;
    clearWriteError();
    // run.start's answer is the meeting; it goes into the cache the query below reads.
    void write('run.start', { meetingId }).then((result) => {
      if (current) setStarted({ meetingId, error: result.ok ? null : result.error });
    });
    return () => {
      current = false;
    };
  }, [meetingId, clearWriteError]);

  const ready = started?.meetingId === meetingId && started.error === null;
  const query = useApiQuery('meetings.get', { meetingId }, { enabled: ready });
  if (started?.meetingId === meetingId && started.error) return { meeting: null, error: started.error };
  return { meeting: ready ? (query.data ?? null) : null, error: query.error?.error ?? null };
}

/** Milliseconds to add to the local clock to get the server's, so timers agree across windows. */
export function useClockOffset(meetingId: string): number {
  const { data, dataUpdatedAt } = useApiQuery('meetings.get', { meetingId });
  return data ? serverClockOffset(data.serverNow, dataUpdatedAt) : 0;
}
