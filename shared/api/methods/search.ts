import * as z from 'zod';
import type { ColourDefinition } from '../../domain/colours';
import { colourKey, entityId, flag, input, localDate, plainText } from '../fields';
import { LIMITS, SEARCH_KINDS, type SearchKind } from '../limits';
import { read } from '../spec';
import { wholeNumber } from '../../wholeNumber';

/** A piece of a title or snippet; `hit` pieces matched the query. Text, never HTML. */
export interface SearchSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** The meeting's, item's, decision's or action's own id. */
  id: string;
  /** Null only for an action whose meeting has been deleted. */
  meetingId: string | null;
  forumId: string;
  forumName: string;
  meetingTitle: string | null;
  startsAt: string | null;
  /** A meeting's or item's title, a decision's item title, an action's "what". */
  title: string;
  titleSegments: SearchSegment[];
  /** The best passage of the text with the hits marked; empty when only the title matched an empty text. */
  snippet: SearchSegment[];
  /** The announced colour of an item, the colour of a decision, in its forum's words. */
  colour: ColourDefinition | null;
  confidential: boolean;
}

export interface SearchResult {
  /** Best first. */
  hits: SearchHit[];
  /** More hits follow; ask again with a larger offset. */
  more: boolean;
  /** A Danish sentence for the user: nothing to search for, or only part of the query was used. */
  message?: string;
}

export const SEARCH_PAGE = { default: 20, max: 100, maxOffset: 10_000 } as const;

export const searchMethods = {
  'search.query': read<SearchResult>()(
    input({
      /** Any text a user typed; it is never FTS5 syntax (see shared/domain/searchQuery.ts). */
      text: plainText('Søgeteksten')
        .max(LIMITS.longText, { error: `Søgeteksten må højst være ${wholeNumber(LIMITS.longText)} tegn.` }),
      forumId: entityId('Forummet').optional(),
      colour: colourKey.optional(),
      kind: z.enum(SEARCH_KINDS, { error: 'Vælg møder, punkter, beslutninger eller handlinger.' }).optional(),
      from: localDate('Fra-datoen').optional(),
      to: localDate('Til-datoen').optional(),
      includeConfidential: flag('Søg også i lukkede punkter'),
      limit: z
        .number({ error: 'Antallet af resultater skal være et tal.' })
        .int({ error: 'Antallet af resultater skal være et helt tal.' })
        .min(1, { error: 'Antallet af resultater skal være mindst 1.' })
        .max(SEARCH_PAGE.max, { error: `Antallet af resultater må højst være ${SEARCH_PAGE.max}.` })
        .default(SEARCH_PAGE.default),
      offset: z
        .number({ error: 'Startpunktet i resultaterne skal være et tal.' })
        .int({ error: 'Startpunktet i resultaterne skal være et helt tal.' })
        .min(0, { error: 'Startpunktet i resultaterne kan ikke være negativt.' })
        .max(SEARCH_PAGE.maxOffset, { error: `Startpunktet i resultaterne må højst være ${wholeNumber(SEARCH_PAGE.maxOffset)}.` })
        .default(0),
    }).refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
      path: ['to'],
      error: 'Til-datoen må ikke ligge før fra-datoen.',
    }),
  ),
} as const;
