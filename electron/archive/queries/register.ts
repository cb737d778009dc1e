import type { ColourKey, ColourShape } from '../../../shared/domain/colours';
import type { RegisteredDecision } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { dissentsOfDecisions, toDecision, type DecisionRow } from './decisions';
import { toColour } from './forums';

export interface RegisterFilter {
  forumId?: string;
  colour?: ColourKey;
  /** 'YYYY-MM-DD', inclusive. */
  from?: string;
  /** 'YYYY-MM-DD', inclusive. */
  to?: string;
  /** A MATCH expression built by buildSearchQuery; never raw user text. */
  match?: string;
  includeConfidential: boolean;
}

export interface RegisterPageFilter extends RegisterFilter {
  limit: number;
  offset: number;
}

interface RegisterRow extends DecisionRow {
  meeting_id: string;
  meeting_title: string;
  meeting_starts_at: string;
  forum_id: string;
  forum_name: string;
  item_title: string;
  announced_colour: ColourKey | null;
  c_label: string;
  c_code: string;
  c_shape: ColourShape;
  c_meaning: string;
  c_hex: string;
  c_text_hex: string;
  sag_ref_id: string | null;
  sag_title: string | null;
}

/**
 * The register's statement, built from the filters actually given, so each combination gets a plan
 * that uses its index (meeting_forum_starts for a forum, meeting_starts for a period or none) instead of
 * `@x IS NULL OR …`, which SQLite cannot use an index for. Without free text, meetings are forced to be
 * the outer loop (CROSS JOIN) and read newest first along the index, items by (meeting_id, position),
 * so the order needs no sort and the first page reads only the newest meetings. Ties on the date are
 * broken by the meeting's rowid (the index's own tail), then item position, so pages never overlap or
 * skip a row. With free text, see textMatches: few matches drive the query themselves and only they are
 * sorted; with many, the meetings are walked as without text, down to the page's last date.
 */
/**
 * How free text is asked: `index` lists every decision the FTS index matches; `probe` asks it of each
 * decision on the way down the newest meetings (the matches are listed once); `listed` takes the
 * decisions textMatches already found (@matched, a JSON array of ids).
 */
type TextMode = 'index' | 'probe' | 'listed';

function registerWhere(filter: RegisterFilter, text: TextMode = 'index'): string[] {
  const where: string[] = [];
  if (filter.forumId !== undefined) where.push('m.forum_id = @forumId');
  if (filter.from !== undefined) where.push('m.starts_at >= @from');
  // starts_at is 'YYYY-MM-DDTHH:mm'; every time on the last day sorts before 'YYYY-MM-DDU'.
  if (filter.to !== undefined) where.push("m.starts_at < @to || 'U'");
  if (filter.colour !== undefined) where.push('d.colour = @colour');
  if (!filter.includeConfidential) where.push('i.confidential = 0');
  if (filter.match === undefined) return where;
  if (text === 'probe') {
    where.push(`EXISTS (SELECT 1 FROM search_doc sd
                         WHERE sd.kind = 'decision' AND sd.ref_id = d.id AND sd.doc IN (SELECT rowid FROM search WHERE search MATCH @match))`);
  } else if (text === 'listed') {
    where.push('d.id IN (SELECT value FROM json_each(@matched))');
  } else {
    where.push(`d.id IN (SELECT sd.ref_id FROM search_doc sd
                          WHERE sd.kind = 'decision' AND sd.doc IN (SELECT rowid FROM search WHERE search MATCH @match))`);
  }
  return where;
}

/**
 * Free text, read from the decisions' search documents, which hold the meeting's date, forum, colour
 * and confidentiality (kept equal to them by the search triggers), newest first through
 * search_doc_register (migration 012), without reading a decision, an item or a meeting, and only as
 * far as the page reaches. If more decisions match than the page reaches: the date of the last one
 * it needs (every decision from that date on is then walked, so ties are all there). Otherwise the
 * matching decisions themselves, which are few.
 */
function textMatches(db: SqliteDb, filter: RegisterPageFilter): { boundary: string } | { matched: string[] } {
  const where = ["sd.kind = 'decision'", 'sd.doc IN (SELECT rowid FROM search WHERE search MATCH @match)'];
  if (filter.forumId !== undefined) where.push('sd.forum_id = @forumId');
  if (filter.from !== undefined) where.push('sd.starts_at >= @from');
  if (filter.to !== undefined) where.push("sd.starts_at < @to || 'U'");
  if (filter.colour !== undefined) where.push('sd.colour = @colour');
  if (!filter.includeConfidential) where.push('sd.confidential = 0');
  const reach = filter.limit + filter.offset;
  const rows = statement(
    db,
    `SELECT sd.ref_id, sd.starts_at FROM search_doc sd INDEXED BY search_doc_register
      WHERE ${where.join(' AND ')}
      ORDER BY sd.starts_at DESC LIMIT @reach`,
  ).all({ ...filterParams(filter), reach }) as { ref_id: string; starts_at: string | null }[];
  const last = rows[reach - 1];
  if (last !== undefined && last.starts_at !== null) return { boundary: last.starts_at };
  return { matched: rows.map((r) => r.ref_id) };
}

/**
 * The page's statement. `probe`: free text with a known boundary (textMatches); the query then walks
 * the meetings newest first, as without text, down to that date only, and asks of each decision whether
 * it matches, so the page costs the same however many decisions in the archive match.
 */
export function registerSql(filter: RegisterPageFilter, text: TextMode = 'index'): string {
  const where = registerWhere(filter, text);
  if (text === 'probe' && filter.match !== undefined) where.push('m.starts_at >= @boundary');
  // CROSS JOIN fixes the join order in SQLite; a plain JOIN lets the planner start from the text matches.
  const join = filter.match === undefined || text === 'probe' ? 'CROSS JOIN' : 'JOIN';
  return `
    SELECT d.*, m.id AS meeting_id, m.title AS meeting_title, m.starts_at AS meeting_starts_at,
           f.id AS forum_id, f.name AS forum_name, i.title AS item_title, i.announced_colour,
           fc.label AS c_label, fc.code AS c_code, fc.shape AS c_shape, fc.meaning AS c_meaning,
           fc.hex AS c_hex, fc.text_hex AS c_text_hex, s.id AS sag_ref_id, s.title AS sag_title
      FROM meeting m
      ${join} agenda_item i ON i.meeting_id = m.id
      ${join} decision d ON d.item_id = i.id
      JOIN forum f ON f.id = m.forum_id
      JOIN forum_colour fc ON fc.forum_id = m.forum_id AND fc.colour = d.colour
      LEFT JOIN sag s ON s.id = i.sag_id
     ${where.length === 0 ? '' : `WHERE ${where.join('\n       AND ')}`}
     ORDER BY m.starts_at DESC, m.rowid DESC, i.position
     LIMIT @limit OFFSET @offset`;
}

function filterParams(filter: RegisterFilter): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const key of ['forumId', 'colour', 'from', 'to', 'match'] as const) {
    if (filter[key] !== undefined) params[key] = filter[key];
  }
  return params;
}

/**
 * How many decisions the filters find. With a forum or a period the planner starts from those meetings;
 * otherwise every decision is counted, and it reaches its item through agenda_item_register (migration
 * 010), which holds the item's confidentiality, so counting never reads the items' notes.
 */
export function registerCount(db: SqliteDb, filter: RegisterFilter): number {
  const where = registerWhere(filter);
  const byMeeting = filter.forumId !== undefined || filter.from !== undefined || filter.to !== undefined;
  const sql = `SELECT COUNT(*) AS n FROM decision d
                 JOIN agenda_item i ${byMeeting ? '' : 'INDEXED BY agenda_item_register'} ON i.id = d.item_id
                 ${byMeeting ? 'JOIN meeting m ON m.id = i.meeting_id' : ''}
                ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}`;
  return (statement(db, sql).get(filterParams(filter)) as { n: number }).n;
}

export function registerPage(db: SqliteDb, filter: RegisterPageFilter): RegisteredDecision[] {
  const params: Record<string, unknown> = { ...filterParams(filter), limit: filter.limit, offset: filter.offset };
  let sql = registerSql(filter);
  if (filter.match !== undefined) {
    const matches = textMatches(db, filter);
    if ('boundary' in matches) {
      sql = registerSql(filter, 'probe');
      params['boundary'] = matches.boundary;
    } else {
      sql = registerSql(filter, 'listed');
      params['matched'] = JSON.stringify(matches.matched);
    }
  }
  const rows = statement(db, sql).all(params) as RegisterRow[];
  const dissents = dissentsOfDecisions(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    ...toDecision(r, dissents.get(r.id)),
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingStartsAt: r.meeting_starts_at,
    forumId: r.forum_id,
    forumName: r.forum_name,
    itemTitle: r.item_title,
    announcedColour: r.announced_colour,
    colourDefinition: toColour({
      colour: r.colour,
      label: r.c_label,
      code: r.c_code,
      shape: r.c_shape,
      meaning: r.c_meaning,
      hex: r.c_hex,
      text_hex: r.c_text_hex,
    }),
    sag: r.sag_ref_id === null || r.sag_title === null ? null : { id: r.sag_ref_id, title: r.sag_title },
  }));
}

export interface ChartCountRow {
  month: string;
  outcome: 'beslutning' | 'afklaring_uden_enighed';
  colour: ColourKey;
  n: number;
}

/** Decisions of one forum's meetings in [from, to), counted by month ('YYYY-MM'), outcome and colour. */
export function chartCounts(db: SqliteDb, forumId: string, from: string, to: string): ChartCountRow[] {
  return statement(
    db,
    `SELECT substr(m.starts_at, 1, 7) AS month, d.outcome, d.colour, COUNT(*) AS n
       FROM meeting m
       JOIN agenda_item i ON i.meeting_id = m.id
       JOIN decision d ON d.item_id = i.id
      WHERE m.forum_id = ? AND m.starts_at >= ? AND m.starts_at < ?
      GROUP BY month, d.outcome, d.colour`,
  ).all(forumId, from, to) as ChartCountRow[];
}
