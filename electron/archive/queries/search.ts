import type { ColourKey, ColourShape } from '../../../shared/domain/colours';
import type { SearchKind } from '../../../shared/api/limits';
import type { SearchHit, SearchSegment } from '../../../shared/api/methods/search';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { toColour } from './forums';

/** A title hit weighs five times a hit in the text (bm25 column weights: title, body). */
const RANKING = 'bm25(5.0, 1.0)';
/** Hit markers from snippet()/highlight(): control characters that typed text does not contain. */
const OPEN = '\u0002';
const CLOSE = '\u0003';
const SNIPPET_TOKENS = 24;

/**
 * Best first (bm25) reads and weighs every hit before it can answer, so it is kept for queries with few
 * hits; newest first reads the index backwards (documents are numbered in meeting order, see migration
 * 010) and stops when the page is full, whatever the number of hits.
 */
export type SearchOrder = 'best' | 'newest';

export interface SearchFilter {
  /** A MATCH expression built by buildSearchQuery; never raw user text. */
  match: string;
  forumId: string | null;
  colour: ColourKey | null;
  kind: SearchKind | null;
  from: string | null;
  to: string | null;
  includeConfidential: boolean;
  limit: number;
  offset: number;
  order: SearchOrder;
}

interface HitRow {
  kind: SearchKind;
  ref_id: string;
  meeting_id: string | null;
  forum_id: string;
  starts_at: string | null;
  confidential: 0 | 1;
  title: string;
  title_marked: string;
  snippet: string;
  forum_name: string;
  meeting_title: string | null;
  colour: ColourKey | null;
  c_label: string | null;
  c_code: string;
  c_shape: ColourShape;
  c_meaning: string;
  c_hex: string;
  c_text_hex: string;
}

/**
 * One statement per order. FTS5 is the outer loop and orders the hits itself (by rank, or by document
 * number read backwards), so the joins, the filters and snippet() run only for the rows read until the
 * page is full, not for every match. The filters are on the index's unindexed columns (read from
 * search_doc by its primary key); a filter left out is NULL and always true.
 */
function searchSql(order: SearchOrder): string {
  return `
  SELECT s.kind, s.ref_id, s.meeting_id, s.forum_id, s.starts_at, s.confidential, s.title,
         highlight(search, 0, '${OPEN}', '${CLOSE}') AS title_marked,
         snippet(search, 1, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet,
         f.name AS forum_name, m.title AS meeting_title,
         fc.colour, fc.label AS c_label, fc.code AS c_code, fc.shape AS c_shape, fc.meaning AS c_meaning,
         fc.hex AS c_hex, fc.text_hex AS c_text_hex
    FROM search s
    LEFT JOIN forum f ON f.id = s.forum_id
    LEFT JOIN meeting m ON m.id = s.meeting_id
    LEFT JOIN forum_colour fc ON fc.forum_id = s.forum_id AND fc.colour = s.colour
   WHERE search MATCH @match ${order === 'best' ? `AND rank MATCH '${RANKING}'` : ''}
     AND (@includeConfidential = 1 OR s.confidential = 0)
     AND (@forumId IS NULL OR s.forum_id = @forumId)
     AND (@colour IS NULL OR s.colour = @colour)
     AND (@kind IS NULL OR s.kind = @kind)
     AND (@from IS NULL OR s.starts_at >= @from)
     AND (@to IS NULL OR substr(s.starts_at, 1, 10) <= @to)
   ORDER BY ${order === 'best' ? 'rank' : 's.rowid DESC'}
   LIMIT @limit OFFSET @offset`;
}

const SEARCH_SQL: Record<SearchOrder, string> = { best: searchSql('best'), newest: searchSql('newest') };

/**
 * How many documents match, counted no further than `upTo`: the index is read in document order and
 * the count stops there, so it costs the same for «f» as for a rare word.
 */
export function countSearchHits(db: SqliteDb, match: string, upTo: number): number {
  const row = statement(db, 'SELECT COUNT(*) AS n FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)').get(match, upTo) as {
    n: number;
  };
  return row.n;
}

export function searchArchive(db: SqliteDb, filter: SearchFilter): SearchHit[] {
  const { order, ...parameters } = filter;
  const rows = statement(db, SEARCH_SQL[order]).all({
    ...parameters,
    includeConfidential: filter.includeConfidential ? 1 : 0,
  }) as HitRow[];
  return rows.map((r) => ({
    kind: r.kind,
    id: r.ref_id,
    meetingId: r.meeting_id,
    forumId: r.forum_id,
    forumName: r.forum_name,
    meetingTitle: r.meeting_title,
    startsAt: r.starts_at,
    title: r.title,
    titleSegments: segments(r.title_marked),
    snippet: segments(r.snippet),
    colour:
      r.colour === null || r.c_label === null
        ? null
        : toColour({
            colour: r.colour,
            label: r.c_label,
            code: r.c_code,
            shape: r.c_shape,
            meaning: r.c_meaning,
            hex: r.c_hex,
            text_hex: r.c_text_hex,
          }),
    confidential: r.confidential === 1,
  }));
}

/** "a\u0002b\u0003c" → a, b (hit), c. Empty pieces are dropped. */
export function segments(marked: string): SearchSegment[] {
  const result: SearchSegment[] = [];
  for (const [index, piece] of marked.split(OPEN).entries()) {
    const [hit, rest] = index === 0 ? ['', piece] : splitOnce(piece, CLOSE);
    if (hit !== '') result.push({ text: hit, hit: true });
    if (rest !== '') result.push({ text: rest, hit: false });
  }
  return result;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
