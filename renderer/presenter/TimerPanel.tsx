import { presenterText } from '../text/presenter';
import { readTimer, timerWords } from './timer';

interface ItemClock {
  minutes: number;
  timerElapsed: number;
  timerStartedAt: string | null;
}

/**
 * The item clock: big minutes and seconds left, and a bar whose pattern and words change in the last
 * two minutes and again when the time is up, so the signal never rests on colour alone.
 */
export function TimerPanel({ item, serverNow }: { item: ItemClock; serverNow: number }) {
  const reading = readTimer(item, serverNow);
  const words = timerWords(reading, item.minutes);
  return (
    <div className={`presenter-timer stage-${reading.stage}`} role="timer" aria-label={presenterText.timerLabel}>
      <p className="presenter-clock">{words.clock}</p>
      <div className="presenter-timer-side">
        <div className="presenter-timer-line">
          <p className="presenter-timer-status">{words.status}</p>
          {!reading.running && (
            <p className="presenter-timer-note">{reading.elapsed === 0 ? presenterText.notRunning : presenterText.paused}</p>
          )}
        </div>
        <div className="presenter-bar" aria-hidden="true">
          <div className="presenter-bar-fill" style={{ width: `${Math.round(reading.used * 1000) / 10}%` }} />
        </div>
      </div>
    </div>
  );
}
