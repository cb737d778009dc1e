/**
 * The redaction boundary's rules for the archive's rows, for what must stay in a shared forum's members-only
 * documents (electron/sync). They are the rules of meeting.ts stated over the tables: an item is confidential
 * by its own flag, and everything it holds (its decision, the decision's dissent, its consents) goes with it; an action is
 * confidential by its own flag (kept when the action is carried or split) or because its item is (sharedMeeting
 * leaves a closed item's actions out); an action's notes go with the action, and a comment with its item. An inbox's
 * answer to its sender names the item the submission was taken onto: closed when that item is (listening.ts says what
 * the sender then receives). Each is SQL over its table's row.
 */

const ITEM_CLOSED = (itemId: string) => `COALESCE((SELECT i.confidential FROM main.agenda_item i WHERE i.id = ${itemId}), 0)`;

/** `prefix` names the action's row ('' for the action table's own query, 'a.' in a subquery). */
const ACTION_CLOSED = (prefix: string) => `(${prefix}confidential = 1 OR ${ITEM_CLOSED(`${prefix}item_id`)} = 1)`;

export const CLOSED_ROW = {
  agenda_item: 'confidential = 1',
  decision: `${ITEM_CLOSED('item_id')} = 1`,
  // Who consented to a closed item, and when, says that there is one and when it came: it goes with the item.
  item_consent: `${ITEM_CLOSED('item_id')} = 1`,
  item_comment: `${ITEM_CLOSED('item_id')} = 1`,
  decision_dissent: `${ITEM_CLOSED('(SELECT d.item_id FROM main.decision d WHERE d.id = decision_id)')} = 1`,
  action: ACTION_CLOSED(''),
  action_note: `EXISTS (SELECT 1 FROM main.action a WHERE a.id = action_id AND ${ACTION_CLOSED('a.')})`,
  inbox_answer: `${ITEM_CLOSED('item_id')} = 1`,
} as const;
