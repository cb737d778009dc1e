import type { ColourKey, ColourShape } from '../../../shared/domain/colours';
import type { Decision, DecisionOutcome, RegisteredDecision } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';
import { toColour } from './forums';

interface DecisionRow {
  id: string;
  item_id: string;
  outcome: DecisionOutcome;
  colour: ColourKey;
  colour_reason: string;
  text: string;
  decided_by: string;
  dissent: string;
  involve_context: string;
  involve_need: string;
  involve_how: string;
  explain_reasoning: string;
  explain_compromises: string;
  explain_constraints: string;
  expect_given: string;
  expect_open: string;
  expect_of_whom: string;
  recorded_at: string;
  final_at: string | null;
}

function toDecision(r: DecisionRow): Decision {
  return {
    id: r.id,
    itemId: r.item_id,
    outcome: r.outcome,
    colour: r.colour,
    colourReason: r.colour_reason,
    text: r.text,
    decidedBy: r.decided_by,
    dissent: r.dissent,
    involveContext: r.involve_context,
    involveNeed: r.involve_need,
    involveHow: r.involve_how,
    explainReasoning: r.explain_reasoning,
    explainCompromises: r.explain_compromises,
    explainConstraints: r.explain_constraints,
    expectGiven: r.expect_given,
    expectOpen: r.expect_open,
    expectOfWhom: r.expect_of_whom,
    recordedAt: r.recorded_at,
    finalAt: r.final_at,
  };
}

/** One decision per item: recording again replaces it, and it must be read back again to be final. */
export function upsertDecision(db: SqliteDb, d: Decision): void {
  statement(
    db,
    `INSERT INTO decision (id, item_id, outcome, colour, colour_reason, text, decided_by, dissent, involve_context,
                           involve_need, involve_how, explain_reasoning, explain_compromises, explain_constraints,
                           expect_given, expect_open, expect_of_whom, recorded_at, final_at)
     VALUES (@id, @itemId, @outcome, @colour, @colourReason, @text, @decidedBy, @dissent, @involveContext,
             @involveNeed, @involveHow, @explainReasoning, @explainCompromises, @explainConstraints,
             @expectGiven, @expectOpen, @expectOfWhom, @recordedAt, @finalAt)
     ON CONFLICT (item_id) DO UPDATE SET outcome = excluded.outcome, colour = excluded.colour,
       colour_reason = excluded.colour_reason, text = excluded.text, decided_by = excluded.decided_by,
       dissent = excluded.dissent, involve_context = excluded.involve_context, involve_need = excluded.involve_need,
       involve_how = excluded.involve_how, explain_reasoning = excluded.explain_reasoning,
       explain_compromises = excluded.explain_compromises, explain_constraints = excluded.explain_constraints,
       expect_given = excluded.expect_given, expect_open = excluded.expect_open,
       expect_of_whom = excluded.expect_of_whom, recorded_at = excluded.recorded_at, final_at = excluded.final_at`,
  ).run(d);
}

export function finalizeDecision(db: SqliteDb, itemId: string, at: string): void {
  statement(db, 'UPDATE decision SET final_at = ? WHERE item_id = ?').run(at, itemId);
}

export function decisionOfItem(db: SqliteDb, itemId: string): Decision | null {
  return decisionsForItems(db, [itemId]).get(itemId) ?? null;
}

export function decisionsForItems(db: SqliteDb, itemIds: readonly string[]): Map<string, Decision> {
  if (itemIds.length === 0) return new Map();
  const rows = statement(db, 'SELECT * FROM decision WHERE item_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(itemIds),
  ) as DecisionRow[];
  return new Map(rows.map((r) => [r.item_id, toDecision(r)]));
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
    ...toDecision(r),
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
