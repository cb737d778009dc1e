/**
 * How the laptop tries again when the server cannot be reached: the first attempt at once, then after
 * a delay that doubles per failed attempt up to a cap, each delay drawn at random below it ("full
 * jitter"), so a hundred laptops that lost the server together do not come back in the same second.
 * A connection that succeeds starts the series over; a network change starts it at once.
 */
export interface Backoff {
  /** The first delay, in milliseconds. */
  firstDelayMs: number;
  /** No delay is longer than this. */
  maxDelayMs: number;
  /** No delay is shorter than this, jitter or not. */
  minDelayMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstDelayMs: 1000, maxDelayMs: 30_000, minDelayMs: 500 };
