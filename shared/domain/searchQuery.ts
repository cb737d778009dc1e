/**
 * Turns whatever a user types into the search field into an FTS5 MATCH expression that cannot be a
 * syntax error. Users do not write FTS5: every word becomes a quoted string with a prefix star, so a
 * typed `-`, `*`, `:`, `(`, `NEAR` or a stray quote is just a separator, and the words are all required.
 *
 * - A word is a run of letters and digits (æ, ø and å included): the characters FTS5's unicode61
 *   tokenizer keeps. Everything else separates words.
 * - Every word is a prefix, because Danish writes compounds as one word: "forberedelse" finds
 *   "forberedelsestid", "fravær" finds "fraværstal".
 * - Words joined without a space ("co-teaching", "14.15") and words inside a pair of double quotes
 *   ("fælles forberedelse") must stand next to each other, in that order.
 * - AND, OR, NOT and NEAR typed in capitals are FTS5 operators, not Danish words; they are left out.
 */

export type SearchQuery =
  | {
      ok: true;
      /** The FTS5 MATCH expression. */
      match: string;
      /**
       * Two cheaper expressions around it, for telling how many hits there are without reading them
       * all (services/search.ts): `within` finds only hits of `match` (every word whole, not as the
       * beginning of longer words), `around` finds every hit of `match` and possibly more (every
       * word cut to the prefix the index holds a list for).
       */
      within: string;
      around: string;
      /** Set when the query was too long and only its first words were used. */
      note?: string;
    }
  | { ok: false; message: string };

export const MAX_SEARCH_WORDS = 12;
/** The longest prefix the search index keeps its own list for (migration 010: prefix = '1 2 3'). */
export const INDEXED_PREFIX_LETTERS = 3;
/** Longer words are cut; as prefixes they still find the same documents in practice. */
export const MAX_WORD_LENGTH = 60;

export const searchQueryText = {
  empty: 'Skriv mindst ét ord at søge efter.',
  tooMany: `Der søges kun efter de første ${MAX_SEARCH_WORDS} ord.`,
};

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
/** Letters (with their combining marks) and digits: what unicode61 keeps inside a token. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

export function buildSearchQuery(text: string): SearchQuery {
  const groups = wordGroups(text);
  const words = groups.flat();
  if (words.length === 0) return { ok: false, message: searchQueryText.empty };
  let remaining = MAX_SEARCH_WORDS;
  const used: string[][] = [];
  for (const group of groups) {
    if (remaining === 0) break;
    const taken = group.slice(0, remaining);
    used.push(taken);
    remaining -= taken.length;
  }
  // A string holds letters and digits only, so it never needs escaping; the star makes it a prefix.
  const expression = (term: (word: string) => string) => used.map((group) => group.map(term).join(' + ')).join(' AND ');
  const short = (word: string) => Array.from(word).length <= INDEXED_PREFIX_LETTERS;
  const query = {
    ok: true as const,
    match: expression((word) => `"${word}"*`),
    // A short word stays a prefix in both: its list is as cheap to read as a whole word's.
    within: expression((word) => (short(word) ? `"${word}"*` : `"${word}"`)),
    around: expression((word) => `"${Array.from(word).slice(0, INDEXED_PREFIX_LETTERS).join('')}"*`),
  };
  return words.length > MAX_SEARCH_WORDS ? { ...query, note: searchQueryText.tooMany } : query;
}

/** Groups of words that must stand together: a quoted phrase, or words joined by `-`, `.`, `/` and the like. */
function wordGroups(text: string): string[][] {
  const groups: string[][] = [];
  const parts = text.split('"');
  // With an odd number of quotes the last one has no partner and counts as a separator.
  const balanced = parts.length % 2 === 1;
  parts.forEach((part, index) => {
    const quoted = balanced && index % 2 === 1;
    if (quoted) {
      const words = wordsOf(part, false);
      if (words.length > 0) groups.push(words);
      return;
    }
    for (const chunk of part.split(/\s+/u)) {
      const words = wordsOf(chunk, true);
      if (words.length > 0) groups.push(words);
    }
  });
  return groups;
}

function wordsOf(chunk: string, dropOperators: boolean): string[] {
  // Cut by code points, so a letter outside the Basic Multilingual Plane is never split in half.
  const words = (chunk.match(WORD) ?? []).map((word) => Array.from(word).slice(0, MAX_WORD_LENGTH).join(''));
  return dropOperators ? words.filter((word) => !OPERATORS.has(word)) : words;
}
