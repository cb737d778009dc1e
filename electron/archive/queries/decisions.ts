import type { ColourKey } from '../../../shared/domain/colours';
import type { Decision, DecisionDraft, DecisionOutcome, Dissent } from '../../../shared/api/types';
import { dissentText } from '../../../shared/domain/dissent';
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

interface DissentRow {
  id: string;
  decision_id: string;
  person_id: string | null;
  name: string;
  role: string;
  text: string;
  minority_statement: 0 | 1;
}

function toDissent(r: DissentRow): Dissent {
  return { id: r.id, personId: r.person_id, name: r.name, role: r.role, text: r.text, minorityStatement: r.minority_statement === 1 };
}

/** The dissents of each decision, in their order. */
export function dissentsOfDecisions(db: SqliteDb, decisionIds: readonly string[]): Map<string, Dissent[]> {
  const byDecision = new Map<string, Dissent[]>();
  if (decisionIds.length === 0) return byDecision;
  const rows = statement(
    db,
    'SELECT * FROM decision_dissent WHERE decision_id IN (SELECT value FROM json_each(?)) ORDER BY decision_id, position',
  ).all(JSON.stringify(decisionIds)) as DissentRow[];
  for (const row of rows) byDecision.set(row.decision_id, [...(byDecision.get(row.decision_id) ?? []), toDissent(row)]);
  return byDecision;
}

/**
 * Replaces a decision's dissents, and keeps `decision.dissent` as their words in one text for search.
 * Call inside the write's transaction, after the decision row exists.
 */
export function replaceDissents(db: SqliteDb, decisionId: string, dissents: readonly Dissent[]): void {
  statement(db, 'DELETE FROM decision_dissent WHERE decision_id = ?').run(decisionId);
  const insert = statement(
    db,
    `INSERT INTO decision_dissent (id, decision_id, position, person_id, name, role, text, minority_statement)
     VALUES (@id, @decisionId, @position, @personId, @name, @role, @text, @minority)`,
  );
  dissents.forEach((d, position) =>
    insert.run({ ...d, decisionId, position, minority: d.minorityStatement ? 1 : 0 }),
  );
  statement(db, 'UPDATE decision SET dissent = ? WHERE id = ?').run(dissentText(dissents), decisionId);
}

export function toDecision(r: DecisionRow, dissents: Dissent[] = []): Decision {
  return {
    id: r.id,
    itemId: r.item_id,
    outcome: r.outcome,
    colour: r.colour,
    colourReason: r.colour_reason,
    text: r.text,
    decidedBy: r.decided_by,
    dissents,
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
export function upsertDecision(db: SqliteDb, decision: Decision): void {
  const { dissents, ...d } = decision;
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
  ).run({ ...d, dissent: dissentText(dissents) });
  const stored = statement(db, 'SELECT id FROM decision WHERE item_id = ?').get(d.itemId) as { id: string };
  replaceDissents(db, stored.id, dissents);
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
  const dissents = dissentsOfDecisions(db, rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.item_id, toDecision(r, dissents.get(r.id))]));
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
