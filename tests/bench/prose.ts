/**
 * Text for the benchmark archive, drawn from the seed model: each word with the probability it has in the
 * source documents, each sentence as long as a sentence drawn from theirs. The words are real and in real
 * proportions (so the search index has the postings of a real archive); their order is random. Real text
 * is bursty: a word a note has used once it tends to use again, so a word is in fewer documents than
 * scattering it evenly would put it in. A quarter of the words of a text repeat one it already has.
 */
import type { SeedModel } from './seedModel';

export type Random = () => number;

/** The share of a text's words that repeat a word the same text already has. */
const REPEAT = 0.25;

/** mulberry32: small, fast and good enough to make the same archive every time. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws indexes in proportion to their weights, by binary search over the running totals. */
function weighted(weights: readonly number[], next: Random): () => number {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    totals[i] = sum;
  });
  return () => {
    const target = next() * sum;
    let low = 0;
    let high = totals.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((totals[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

export interface Prose {
  /** One sentence of a drawn length; `include` (a topic as the meeting calls it) is woven in when given. */
  sentence(include?: string): string;
  /** Sentences until the text is at least `chars` long; the first mentions `include`. */
  text(chars: number, include?: string): string;
  /** A few words without a full stop, as an action's «what» is written. */
  phrase(words: number, include?: string): string;
}

export function createProse(model: SeedModel, next: Random): Prose {
  const forms = model.words.map(([form]) => form);
  const drawWord = weighted(
    model.words.map(([, count]) => count),
    next,
  );
  const drawLength = weighted(model.sentenceLengths, next);
  /** The words of the text being written, for repeats; a new text starts empty. */
  let used: string[] = [];
  const word = () => {
    const repeat = used.length > 0 && next() < REPEAT;
    const drawn = repeat ? (used[Math.floor(next() * used.length)] as string) : (forms[drawWord()] as string);
    used.push(drawn);
    return drawn;
  };
  const words = (n: number, include?: string) => {
    const list = Array.from({ length: n }, word);
    if (include !== undefined) list.splice(Math.floor(next() * (list.length + 1)), 0, include);
    return list;
  };
  const sentence = (include?: string) => {
    const list = words(Math.max(1, drawLength()), include);
    // Long sentences get a comma, as the sources' do.
    if (list.length > 12) list[Math.floor(list.length / 2)] += ',';
    const joined = list.join(' ');
    return `${joined.charAt(0).toLocaleUpperCase('da-DK')}${joined.slice(1)}.`;
  };
  return {
    sentence(include) {
      used = [];
      return sentence(include);
    },
    text(chars, include) {
      used = [];
      const parts = [sentence(include)];
      let length = parts[0]?.length ?? 0;
      while (length < chars) {
        const more = sentence();
        parts.push(more);
        length += more.length + 1;
      }
      return parts.join(' ');
    },
    phrase(n, include) {
      used = [];
      const joined = words(n, include).join(' ');
      return `${joined.charAt(0).toLocaleUpperCase('da-DK')}${joined.slice(1)}`;
    },
  };
}
