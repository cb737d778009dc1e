import { buildSearchQuery } from '../../shared/domain/searchQuery';
import { searchArchive } from '../archive/queries/search';
import { requireForumIfGiven } from './forums';
import type { Handlers } from './handler';

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
    });
    const hits = rows.slice(0, input.limit);
    const more = rows.length > input.limit;
    return query.note === undefined ? { hits, more } : { hits, more, message: query.note };
  },
};
