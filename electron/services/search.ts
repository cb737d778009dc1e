import { buildSearchQuery, type SearchQuery } from '../../shared/domain/searchQuery';
import type { SqliteDb } from '../archive/open';
import { countSearchHits, searchArchive, type SearchOrder } from '../archive/queries/search';
import { requireForumIfGiven } from './forums';
import type { Handlers } from './handler';

/**
 * Best first weighs every hit, which the search box cannot wait for when a query matches more than
 * this many documents (one or two letters, the most common words); those are answered newest first.
 */
export const MOST_HITS_BEST_FIRST = 2000;

export const searchServiceText = {
  newestFirst: 'Der er mange hits, så de nyeste vises først. Skriv mere af ordet for at få de bedste hits først.',
};

/**
 * Search across the archive. Whatever the user typed becomes a safe MATCH expression first; text with
 * no word in it is answered with a Danish sentence, not an error. Confidential items (and their
 * decisions and actions) are searched only when the user has asked for it.
 */
export const searchHandlers: Handlers<'search.query'> = {
  'search.query': (input, ctx) => {
    const { db } = ctx.archive;
    requireForumIfGiven(db, input.forumId);
    const query = buildSearchQuery(input.text);
    if (!query.ok) return { hits: [], more: false, message: query.message };
    const order = searchOrder(db, query);
    // One row more than asked tells whether there is a next page, without counting every match.
    const rows = searchArchive(db, {
      match: query.match,
      forumId: input.forumId ?? null,
      colour: input.colour ?? null,
      kind: input.kind ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      includeConfidential: input.includeConfidential,
      limit: input.limit + 1,
      offset: input.offset,
      order,
    });
    const hits = rows.slice(0, input.limit);
    const more = rows.length > input.limit;
    const notes = [query.note, order === 'newest' ? searchServiceText.newestFirst : undefined].filter((n) => n !== undefined);
    return notes.length === 0 ? { hits, more } : { hits, more, message: notes.join(' ') };
  },
};

/**
 * Best first when the query has no more than MOST_HITS_BEST_FIRST hits. Counting them is reading
 * every word's list, and a word of four letters or more as a prefix is a list FTS5 first merges from
 * every word it begins ("grad": grad, graden, gradvis …), which the search then does once more. Two
 * cheap counts decide most queries: more than enough hits with every word whole, or few enough with
 * every word cut to the prefixes the index has lists for. Only between the two is the query counted.
 */
function searchOrder(db: SqliteDb, query: Extract<SearchQuery, { ok: true }>): SearchOrder {
  const upTo = MOST_HITS_BEST_FIRST + 1;
  const tooMany = (match: string) => countSearchHits(db, match, upTo) > MOST_HITS_BEST_FIRST;
  if (query.within !== query.match && tooMany(query.within)) return 'newest';
  if (query.around !== query.match && !tooMany(query.around)) return 'best';
  return tooMany(query.match) ? 'newest' : 'best';
}
