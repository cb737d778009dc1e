import type { AgendaItem } from '../../../shared/api/types';
import { runText as t } from '../../text/run';
import { clock, useElapsed } from './useElapsed';

/** The item's clock against its time box; the bar and the words change near the end, not the colour alone. */
export function RunTimer({ item, clockOffset, onToggle, onReset }: { item: AgendaItem; clockOffset: number; onToggle(): void; onReset(): void }) {
  const elapsed = useElapsed(item, clockOffset);
  const total = item.minutes * 60;
  const left = total - elapsed;
  const state = left < 0 ? 'over' : left <= 120 ? 'near' : 'ok';
  const running = item.timerStartedAt !== null;
  const status =
    state === 'over' ? t.timeOver(clock(-left)) : state === 'near' ? `${t.timeNearEnd}: ${t.timeLeft(Math.ceil(left / 60))}` : t.timeLeft(Math.ceil(left / 60));
  return (
    <div className={`run-timer timer-${state}`}>
      <div role="timer" aria-label={`${t.timer}: ${clock(elapsed)} ${t.ofMinutes(item.minutes)}`} className="timer-digits">
        {clock(elapsed)} <span className="timer-of">{t.ofMinutes(item.minutes)}</span>
      </div>
      <div className="timer-bar" aria-hidden="true">
        <div className="timer-fill" style={{ width: `${Math.min(100, (elapsed / Math.max(1, total)) * 100)}%` }} />
      </div>
      <p className="timer-status">
        {state === 'over' ? '⚠ ' : state === 'near' ? '⏳ ' : ''}
        {status}
      </p>
      <div className="timer-buttons">
        <button type="button" className={running ? '' : 'primary'} onClick={onToggle} aria-keyshortcuts="Space T">
          {running ? t.timerPause : t.timerStart} <kbd>T</kbd>
        </button>
        <button type="button" onClick={onReset}>
          {t.timerReset}
        </button>
      </div>
    </div>
  );
}
