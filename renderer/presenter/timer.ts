/** The item clock as the room sees it. Pure, so that the stages can be tested without a browser. */
import { presenterText } from '../text/presenter';

/** The last stretch before time runs out, in seconds: the bar changes pattern and says so. */
export const WARNING_SECONDS = 120;

export type TimerStage = 'normal' | 'snart' | 'over';

export interface TimerReading {
  elapsed: number;
  /** Seconds left of the planned minutes; negative when over time. */
  remaining: number;
  stage: TimerStage;
  running: boolean;
  /** How much of the planned time is used, 0..1, for the bar. */
  used: number;
}

interface ItemClock {
  minutes: number;
  timerElapsed: number;
  timerStartedAt: string | null;
}

/**
 * Reads the clock at serverNowMs (the local clock corrected by the offset to the server), so that the
 * projector and the facilitator's window show the same second.
 */
export function readTimer(item: ItemClock, serverNowMs: number): TimerReading {
  const running = item.timerStartedAt !== null;
  const stretch = running ? Math.max(0, Math.floor((serverNowMs - Date.parse(item.timerStartedAt ?? '')) / 1000)) : 0;
  return readElapsed(item.minutes, item.timerElapsed + stretch, running);
}

/** The reading for seconds already counted, as the facilitator's screen has them. */
export function readElapsed(minutes: number, elapsed: number, running: boolean): TimerReading {
  const planned = minutes * 60;
  const remaining = planned - elapsed;
  const stage: TimerStage = remaining < 0 ? 'over' : remaining <= WARNING_SECONDS ? 'snart' : 'normal';
  return { elapsed, remaining, stage, running, used: planned > 0 ? Math.min(1, elapsed / planned) : 1 };
}

/**
 * The clock's big figure and its line of words. The projector and the facilitator's screen both show
 * these, so "07:05 tilbage af 15 min." on the wall is what the facilitator sees too.
 */
export function timerWords(reading: TimerReading, minutes: number): { clock: string; status: string } {
  const clock = reading.stage === 'over' ? `+${clockText(reading.remaining)}` : clockText(reading.remaining);
  if (reading.stage === 'over') return { clock, status: presenterText.overTime(shortClockText(reading.remaining)) };
  if (reading.stage === 'snart') return { clock, status: presenterText.minutesLeft(minutesLeft(reading.remaining)) };
  return { clock, status: presenterText.planned(minutes) };
}

/** "07:05" */
export function clockText(seconds: number): string {
  const whole = Math.abs(seconds);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** "1:30", for the over-time line where a leading zero only gets in the way. */
export function shortClockText(seconds: number): string {
  const whole = Math.abs(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Whole minutes left, rounded up: 1:30 left reads "2 min. tilbage". */
export function minutesLeft(remaining: number): number {
  return Math.max(0, Math.ceil(remaining / 60));
}
