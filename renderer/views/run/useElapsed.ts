import { useEffect, useState } from 'react';

/** Seconds used on an item, ticking once a second while its timer runs, in the server's time. */
export function useElapsed(timer: { timerElapsed: number; timerStartedAt: string | null } | null, clockOffset: number): number {
  const [now, setNow] = useState(() => Date.now());
  const running = timer?.timerStartedAt != null;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  if (!timer) return 0;
  if (timer.timerStartedAt === null) return timer.timerElapsed;
  return timer.timerElapsed + Math.max(0, Math.floor((now + clockOffset - Date.parse(timer.timerStartedAt)) / 1000));
}
