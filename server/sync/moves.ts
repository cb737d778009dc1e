/**
 * Entries a laptop moves between a meeting's two documents when an item becomes, or stops being, confidential:
 * its comments (and who put it on) go with it into the fortroligt document and back. A move is two updates, one
 * per document, and each adds an entry that may be someone else's. Its author's own words, not the mover's:
 * the server lets the entry arrive only exactly as the other document holds it, or as it just left it.
 *
 * The laptop sends the fortroligt update first, so an entry moving in there is still in the meeting document;
 * one moving back has already left the fortroligt document, and is remembered here when it leaves. Memory of
 * this server instance, for a while: a move is finished within seconds of its first half.
 */
export interface Moves {
  /** An entry that left a document together with its item. */
  left(meeting: string, entry: string, print: string): void;
  /** Whether an entry arriving is one that left the meeting's other document as it is now; it counts once. */
  arrived(meeting: string, entry: string, print: string): boolean;
}

/** How long an entry that left waits for its other half. */
const KEPT_MS = 10 * 60 * 1000;
/** At most this many are remembered; the oldest are forgotten first. */
const KEPT_MAX = 10_000;

export function createMoves(now: () => number = Date.now): Moves {
  const held = new Map<string, { print: string; until: number }>();
  const keyOf = (meeting: string, entry: string) => `${meeting} ${entry}`;
  return {
    left(meeting, entry, print) {
      const key = keyOf(meeting, entry);
      held.delete(key);
      held.set(key, { print, until: now() + KEPT_MS });
      for (const [old, { until }] of held) {
        if (held.size <= KEPT_MAX && until > now()) break;
        held.delete(old);
      }
    },
    arrived(meeting, entry, print) {
      const key = keyOf(meeting, entry);
      const found = held.get(key);
      if (!found || found.until <= now() || found.print !== print) return false;
      held.delete(key);
      return true;
    },
  };
}
