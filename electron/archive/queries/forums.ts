import type { Cadence } from '../../../shared/domain/cadence';
import type { ColourDefinition, ColourKey, ColourShape } from '../../../shared/domain/colours';
import type { ForumKind } from '../../../shared/domain/forums';
import type { Forum, ForumSummary } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { groundRulesOf } from './groundRules';
import { membersOf } from './members';
import { themesOf } from './themes';

interface ForumRow {
  id: string;
  kind: ForumKind;
  name: string;
  school: string;
  purpose: string;
  mandate: string;
  understanding: string;
  cadence: Cadence;
  default_minutes: number;
  default_place: string;
  require_action_due: 0 | 1;
  demo: 0 | 1;
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

export type ForumFields = Pick<
  Forum,
  'name' | 'school' | 'purpose' | 'mandate' | 'understanding' | 'cadence' | 'defaultMinutes' | 'defaultPlace' | 'requireActionDue'
>;

export function insertForum(
  db: SqliteDb,
  forum: ForumFields & Pick<Forum, 'id' | 'kind' | 'demo' | 'createdAt'>,
  colours: readonly ColourDefinition[],
): void {
  statement(
    db,
    `INSERT INTO forum (id, kind, name, school, purpose, mandate, understanding, cadence, default_minutes, default_place,
                        require_action_due, demo, created_at)
     VALUES (@id, @kind, @name, @school, @purpose, @mandate, @understanding, @cadence, @defaultMinutes, @defaultPlace,
             @requireActionDue, @demo, @createdAt)`,
  ).run({ ...forum, demo: forum.demo ? 1 : 0, requireActionDue: forum.requireActionDue ? 1 : 0 });
  for (const colour of colours) upsertColour(db, forum.id, colour);
}

export function updateForum(db: SqliteDb, id: string, fields: ForumFields): void {
  statement(
    db,
    `UPDATE forum SET name = @name, school = @school, purpose = @purpose, mandate = @mandate, understanding = @understanding,
            cadence = @cadence, default_minutes = @defaultMinutes, default_place = @defaultPlace,
            require_action_due = @requireActionDue
      WHERE id = @id`,
  ).run({ ...fields, requireActionDue: fields.requireActionDue ? 1 : 0, id });
}

export function upsertColour(db: SqliteDb, forumId: string, c: ColourDefinition): void {
  statement(
    db,
    `INSERT INTO forum_colour (forum_id, colour, label, code, shape, meaning, hex, text_hex) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (forum_id, colour) DO UPDATE SET label = excluded.label, code = excluded.code, shape = excluded.shape,
       meaning = excluded.meaning, hex = excluded.hex, text_hex = excluded.text_hex`,
  ).run(forumId, c.key, c.label, c.code, c.shape, c.meaning, c.hex, c.textHex);
}

/** Another forum with the same name at the same school (case does not matter, æøå included). */
export function forumNameTaken(db: SqliteDb, name: string, school: string, exceptId = ''): boolean {
  const rows = statement(db, 'SELECT id, name, school FROM forum WHERE id <> ?').all(exceptId) as Pick<
    ForumRow,
    'id' | 'name' | 'school'
  >[];
  const same = (a: string, b: string) => a.localeCompare(b, 'da', { sensitivity: 'accent' }) === 0;
  return rows.some((row) => same(row.name, name) && same(row.school, school));
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
    mandate: row.mandate,
    understanding: row.understanding,
    cadence: row.cadence,
    defaultMinutes: row.default_minutes,
    defaultPlace: row.default_place,
    requireActionDue: row.require_action_due === 1,
    demo: row.demo === 1,
    createdAt: row.created_at,
    colours: forumColours(db, row.id),
    groundRules: groundRulesOf(db, row.id),
    members: membersOf(db, row.id),
    themes: themesOf(db, row.id),
  };
}

const COLOUR_ORDER = "CASE colour WHEN 'roed' THEN 1 WHEN 'gul' THEN 2 WHEN 'groen' THEN 3 ELSE 4 END";

export function toColour(r: ColourRow): ColourDefinition {
  return { key: r.colour, label: r.label, code: r.code, shape: r.shape, meaning: r.meaning, hex: r.hex, textHex: r.text_hex };
}

export function forumColours(db: SqliteDb, forumId: string): ColourDefinition[] {
  const rows = statement(db, `SELECT * FROM forum_colour WHERE forum_id = ? ORDER BY ${COLOUR_ORDER}`).all(forumId) as ColourRow[];
  return rows.map(toColour);
}

export function listForums(db: SqliteDb, now: string): ForumSummary[] {
  const rows = statement(
    db,
    `SELECT f.id, f.kind, f.name, f.school, f.demo,
            (SELECT COUNT(*) FROM meeting m WHERE m.forum_id = f.id) AS meeting_count,
            (SELECT MIN(m.starts_at) FROM meeting m WHERE m.forum_id = f.id AND m.starts_at >= ?) AS next_meeting_at
       FROM forum f
      ORDER BY f.demo, f.name COLLATE NOCASE, f.school COLLATE NOCASE`,
  ).all(now) as (Pick<ForumRow, 'id' | 'kind' | 'name' | 'school' | 'demo'> & { meeting_count: number; next_meeting_at: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    school: r.school,
    demo: r.demo === 1,
    meetingCount: r.meeting_count,
    nextMeetingAt: r.next_meeting_at,
  }));
}

export function demoForumIds(db: SqliteDb): string[] {
  return (statement(db, 'SELECT id FROM forum WHERE demo = 1').all() as { id: string }[]).map((r) => r.id);
}

export function deleteForum(db: SqliteDb, id: string): void {
  statement(db, 'DELETE FROM forum WHERE id = ?').run(id);
}

/** The forum's own multi-phase cycle as stored (JSON), or '' when it uses the default. */
export function forumCycleJson(db: SqliteDb, forumId: string): string {
  const row = statement(db, 'SELECT cycle_json FROM forum WHERE id = ?').get(forumId) as { cycle_json: string } | undefined;
  return row?.cycle_json ?? '';
}
