import type { ColourDefinition, ColourKey, ColourShape } from '../../../shared/domain/colours';
import type { ForumKind } from '../../../shared/domain/forums';
import type { Forum, ForumSummary } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

interface ForumRow {
  id: string;
  kind: ForumKind;
  name: string;
  school: string;
  purpose: string;
  created_at: string;
}

interface ColourRow {
  colour: ColourKey;
  label: string;
  code: string;
  shape: ColourShape;
  meaning: string;
  hex: string;
  text_hex: string;
}

export function insertForum(db: SqliteDb, forum: Omit<Forum, 'colours'>, colours: readonly ColourDefinition[]): void {
  statement(db, 'INSERT INTO forum (id, kind, name, school, purpose, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    forum.id,
    forum.kind,
    forum.name,
    forum.school,
    forum.purpose,
    forum.createdAt,
  );
  const insertColour = statement(
    db,
    'INSERT INTO forum_colour (forum_id, colour, label, code, shape, meaning, hex, text_hex) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of colours) insertColour.run(forum.id, c.key, c.label, c.code, c.shape, c.meaning, c.hex, c.textHex);
}

export function forumNameTaken(db: SqliteDb, name: string, school: string): boolean {
  return (
    statement(db, 'SELECT 1 FROM forum WHERE name = ? COLLATE NOCASE AND school = ? COLLATE NOCASE').get(name, school) !==
    undefined
  );
}

export function findForum(db: SqliteDb, id: string): Forum | null {
  const row = statement(db, 'SELECT * FROM forum WHERE id = ?').get(id) as ForumRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    school: row.school,
    purpose: row.purpose,
    createdAt: row.created_at,
    colours: forumColours(db, row.id),
  };
}

const COLOUR_ORDER = "CASE colour WHEN 'roed' THEN 1 WHEN 'gul' THEN 2 WHEN 'groen' THEN 3 ELSE 4 END";

export function forumColours(db: SqliteDb, forumId: string): ColourDefinition[] {
  const rows = statement(db, `SELECT * FROM forum_colour WHERE forum_id = ? ORDER BY ${COLOUR_ORDER}`).all(
    forumId,
  ) as ColourRow[];
  return rows.map((r) => ({
    key: r.colour,
    label: r.label,
    code: r.code,
    shape: r.shape,
    meaning: r.meaning,
    hex: r.hex,
    textHex: r.text_hex,
  }));
}

export function listForums(db: SqliteDb, today: string): ForumSummary[] {
  const rows = statement(
    db,
    `SELECT f.id, f.kind, f.name, f.school,
            (SELECT COUNT(*) FROM meeting m WHERE m.forum_id = f.id) AS meeting_count,
            (SELECT MIN(m.starts_at) FROM meeting m WHERE m.forum_id = f.id AND m.starts_at >= ?) AS next_meeting_at
       FROM forum f
      ORDER BY f.name COLLATE NOCASE, f.school COLLATE NOCASE`,
  ).all(today) as (Omit<ForumRow, 'purpose' | 'created_at'> & { meeting_count: number; next_meeting_at: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    school: r.school,
    meetingCount: r.meeting_count,
    nextMeetingAt: r.next_meeting_at,
  }));
}
