/**
 * Order as a sortable key: each record holds a string key, and the list is the records sorted by key
 * (then id). Moving one record changes only its own key, so two laptops that move or add items at the
 * same time converge on one order without duplicates or losses. Keys are digit strings read as a
 * fraction in base 36 (`'h'` is just above one half); a key never ends in the lowest digit, so there is
 * always room between two keys.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(key: string, index: number, fallback: number): number {
  return index < key.length ? DIGITS.indexOf(key.charAt(index)) : fallback;
}

/** A key strictly between `low` and `high` ('' is the very start; null is past the end). */
export function keyBetween(low: string, high: string | null): string {
  if (high !== null && low >= high) throw new Error(`Rækkefølgenøglerne står forkert: «${low}» er ikke før «${high}».`);
  let key = '';
  for (let index = 0; ; index++) {
    const lo = digit(low, index, 0);
    const hi = high === null ? BASE : digit(high, index, BASE);
    if (hi - lo > 1) return key + DIGITS.charAt(Math.floor((lo + hi) / 2));
    // No room at this digit: keep low's digit and look further on (high stops bounding once we are below it).
    key += DIGITS.charAt(lo);
    if (hi > lo) high = null;
  }
}

/**
 * Keys for records given in their wanted order, keeping as many of their present keys as can stay (the
 * longest run already in order), so a move or an insertion changes only the records that moved.
 */
export function orderKeys(present: readonly (string | undefined)[]): string[] {
  const keep = longestIncreasing(present);
  const keys: string[] = [];
  for (let i = 0; i < present.length; i++) {
    const own = present[i];
    if (keep.has(i) && own !== undefined) {
      keys.push(own);
      continue;
    }
    let next: string | null = null;
    for (let j = i + 1; j < present.length; j++) {
      const later = present[j];
      if (keep.has(j) && later !== undefined) {
        next = later;
        break;
      }
    }
    keys.push(keyBetween(keys.at(-1) ?? '', next));
  }
  return keys;
}

/** The indexes of a longest strictly increasing run of the present keys (O(n²): an agenda is short). */
function longestIncreasing(keys: readonly (string | undefined)[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  keys.forEach((key, i) => {
    length[i] = key === undefined || key === '' ? 0 : 1;
    previous[i] = -1;
    if (key === undefined || key === '') return;
    for (let j = 0; j < i; j++) {
      const earlier = keys[j];
      if (earlier !== undefined && earlier !== '' && earlier < key && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
    if (best === -1 || (length[i] ?? 0) > (length[best] ?? 0)) best = i;
  });
  const kept = new Set<number>();
  for (let i = best; i !== -1 && (length[i] ?? 0) > 0; i = previous[i] ?? -1) kept.add(i);
  return kept;
}
