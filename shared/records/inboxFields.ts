import { line, oneOf, optionalLine } from './fields';

/**
 * The fields of an inbox document's two record types (shared/sync/inbox.ts), each declared once: the SQL side
 * is in electron/sync/codec/inboxRecords.ts. A submission is written once by its sender and an answer once by
 * the forum, so every field is a scalar (the last write wins). The exchange file does not hold inboxes.
 */
export const SUBMISSION_FIELDS = [line('title'), line('text'), line('origin'), line('sent_at')] as const;

export const ANSWER_OUTCOMES = ['optaget', 'afvist'] as const;

export const ANSWER_FIELDS = [
  oneOf('outcome', ANSWER_OUTCOMES, 'afvist'),
  optionalLine('meeting_id'),
  optionalLine('meeting_starts_at'),
  optionalLine('item_id'),
  line('item_title'),
  line('reason'),
  line('answered_by'),
  line('answered_at'),
] as const;
