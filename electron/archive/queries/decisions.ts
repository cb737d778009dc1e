import type { ColourKey, ColourShape } from '../../../shared/domain/colours';
import type { Decision, RegisteredDecision } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { toColour } from './forums';

/** One decision per item: recording again replaces the wording, the colour and the reason. */
export function upsertDecision(db: SqliteDb, d: Decision): void {
  statement(
    db,
    `INSERT INTO decision (id, item_id, colour, colour_reason, text, dissent, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET colour = excluded.colour, colour_reason = excluded.colour_reason,
       text = excluded.text, dissent = excluded.dissent, recorded_at = excluded.recorded_at`,
  ).run(d.id, d.itemId, d.colour, d.colourReason, d.text, d.dissent, d.recordedAt);
}

export function decisionOfItem(db: SqliteDb, itemId: string): Decision | null {
  const row = statement(db, 'SELECT * FROM decision WHERE item_id = ?').get(itemId) as
    | { id: string; item_id: string; colour: ColourKey; colour_reason: string; text: string; dissent: string; recorded_at: string }
    | undefined;
  return row
    ? {
        id: row.id,
        itemId: row.item_id,
        colour: row.colour,
        colourReason: row.colour_reason,
        text: row.text,
        dissent: row.dissent,
        recordedAt: row.recorded_at,
      }
    : null;
}

interface RegisterRow {
  id: string;
  item_id: string;
  colour: ColourKey;
  colour_reason: string;
  text: string;
  dissent: string;
  recorded_at: string;
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
}

export function listDecisions(db: SqliteDb, forumId: string | undefined): RegisteredDecision[] {
  const sql = `
    SELECT d.*, m.id AS meeting_id, m.title AS meeting_title, m.starts_at AS meeting_starts_at,
           f.id AS forum_id, f.name AS forum_name, i.title AS item_title, i.announced_colour,
           fc.label AS c_label, fc.code AS c_code, fc.shape AS c_shape, fc.meaning AS c_meaning,
           fc.hex AS c_hex, fc.text_hex AS c_text_hex
      FROM decision d
      JOIN agenda_item i ON i.id = d.item_id
      JOIN meeting m ON m.id = i.meeting_id
      JOIN forum f ON f.id = m.forum_id
      JOIN forum_colour fc ON fc.forum_id = f.id AND fc.colour = d.colour
     ${forumId === undefined ? '' : 'WHERE f.id = ?'}
     ORDER BY m.starts_at DESC, i.position`;
  const rows = (forumId === undefined ? statement(db, sql).all() : statement(db, sql).all(forumId)) as RegisterRow[];
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    colour: r.colour,
    colourReason: r.colour_reason,
    text: r.text,
    dissent: r.dissent,
    recordedAt: r.recorded_at,
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
  }));
}
