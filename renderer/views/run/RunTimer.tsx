import type { AgendaItem } from '../../../shared/api/types';
import { readElapsed, timerWords } from '../../presenter/timer';
import { presenterText } from '../../text/presenter';
import { runText as t } from '../../text/run';
import { useElapsed } from './useElapsed';

const STATE = { normal: 'ok', snart: 'near', over: 'over' } as const;

/**
 * The item's clock against its time box, in the projector's words and figures, so the facilitator
 * sees what the room sees; the bar and the words change near the end, not the colour alone.
 */
export function RunTimer({ item, clockOffset, onToggle, onReset }: { item: AgendaItem; clockOffset: number; onToggle(): void; onReset(): void }) {
  const elapsed = useElapsed(item, clockOffset);
  const running = item.timerStartedAt !== null;
  const reading = readElapsed(item.minutes, elapsed, running);
  const words = timerWords(reading, item.minutes);
  const state = STATE[reading.stage];
  return (
    <div className={`run-timer timer-${state}`}>
      <div role="timer" aria-label={`${t.timer}: ${words.clock} ${words.status}`} className="timer-digits">
        {words.clock} <span className="timer-of">{words.status}</span>
      </div>
      <div className="timer-bar" aria-hidden="true">
        <div className="timer-fill" style={{ width: `${Math.round(reading.used * 1000) / 10}%` }} />
      </div>
      <p className="timer-status">
        {state === 'over' ? `⚠ ${t.timeOverNote}` : state === 'near' ? `⏳ ${t.timeNearEnd}` : running ? '' : elapsed === 0 ? presenterText.notRunning : presenterText.paused}
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
