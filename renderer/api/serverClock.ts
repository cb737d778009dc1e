/**
 * How far the services' clock is ahead of this window's, estimated from the answers that carry the
 * services' time. An answer is read some milliseconds after the services stamped it, so each one
 * gives the offset minus that delay: the largest seen is the closest. Keeping the best estimate also
 * keeps a running timer steady, instead of jumping by each answer's delay when a write is refetched.
 */
let best = Number.NEGATIVE_INFINITY;

/** The offset in milliseconds to add to Date.now(), given one answer's `serverNow` and when it arrived. */
export function serverClockOffset(serverNow: string, receivedAt: number): number {
  const sample = Date.parse(serverNow) - receivedAt;
  if (Number.isFinite(sample) && sample > best) best = sample;
  return Number.isFinite(best) ? best : 0;
}
