import { ANSWER_FIELDS, SUBMISSION_FIELDS } from '../../../shared/records/inboxFields';
import type { RecordCodec } from '../../../shared/records/fields';
import { INBOX_ANSWERS, INBOX_SUBMISSIONS } from '../../../shared/sync/inbox';
import { CLOSED_ROW } from '../../services/redaction';

/**
 * The SQL side of an inbox document's record types (shared/records/inboxFields.ts). Both are keyed by the
 * submission's id: an answer belongs to exactly one submission. `scope` selects a document's rows by @document.
 */
export const SUBMISSION_CODEC: RecordCodec = {
  type: INBOX_SUBMISSIONS,
  table: 'inbox_submission',
  key: ['id'],
  context: {},
  scope: 'document = @document',
  fields: SUBMISSION_FIELDS,
};

/** An answer is closed when the item it names is: its sender then receives it as the redaction boundary says. */
export const ANSWER_CODEC: RecordCodec = {
  type: INBOX_ANSWERS,
  table: 'inbox_answer',
  key: ['submission_id'],
  context: {},
  scope: 'submission_id IN (SELECT id FROM main.inbox_submission WHERE document = @document)',
  closed: CLOSED_ROW.inbox_answer,
  fields: ANSWER_FIELDS,
};
