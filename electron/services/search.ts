import { buildSearchQuery } from '../../shared/domain/searchQuery';
import { countSearchHits, searchArchive } from '../archive/queries/search';
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
    const order = countSearchHits(db, query.match, MOST_HITS_BEST_FIRST + 1) > MOST_HITS_BEST_FIRST ? 'newest' : 'best';
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
