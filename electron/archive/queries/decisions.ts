import type { ColourKey } from '../../../shared/domain/colours';
import type { Decision, DecisionDraft, DecisionOutcome } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

export interface DecisionRow {
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

export function toDecision(r: DecisionRow): Decision {
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

/** The fields of a draft as stored: everything but the item and the time, which have their own columns. */
type DraftFields = Omit<DecisionDraft, 'itemId' | 'savedAt'>;

export function saveDecisionDraft(db: SqliteDb, draft: DecisionDraft): void {
  const { itemId, savedAt, ...fields } = draft;
  statement(
    db,
    `INSERT INTO decision_draft (item_id, fields, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET fields = excluded.fields, saved_at = excluded.saved_at`,
  ).run(itemId, JSON.stringify(fields satisfies DraftFields), savedAt);
}

export function decisionDraftOfItem(db: SqliteDb, itemId: string): DecisionDraft | null {
  const row = statement(db, 'SELECT fields, saved_at FROM decision_draft WHERE item_id = ?').get(itemId) as
    | { fields: string; saved_at: string }
    | undefined;
  if (!row) return null;
  // Written only by saveDecisionDraft from a checked draft.
  const fields = JSON.parse(row.fields) as DraftFields;
  return { ...fields, itemId, savedAt: row.saved_at };
}

export function removeDecisionDraft(db: SqliteDb, itemId: string): void {
  statement(db, 'DELETE FROM decision_draft WHERE item_id = ?').run(itemId);
}
