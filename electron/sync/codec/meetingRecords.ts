import type { RecordCodec } from '../../../shared/records/fields';
import {
  ACTION_FIELDS,
  ACTION_NOTE_FIELDS,
  APPROVAL_FIELDS,
  CHECKOUT_FIELDS,
  CONSENT_FIELDS,
  COMMENT_FIELDS,
  DECISION_FIELDS,
  DISSENT_FIELDS,
  ITEM_FIELDS,
  MEETING_FIELDS,
  PARTICIPANT_FIELDS,
  REFERAT_VERSION_FIELDS,
} from '../../../shared/records/meetingFields';
import { CONSENT_RECORDS } from '../../../shared/sync/personKeys';
import { CLOSED_ROW } from '../../services/redaction';

/**
 * The meeting document's record types (and, for confidential content, the members-only `fortroligt`
 * document's). A decision's draft is not among them: it is what the typist has not yet read back or
 * saved, and sharing it would put half-written words on the others' screens as if decided. The fields are
 * declared in shared/records/meetingFields.ts; here is where their rows are.
 */

const ofMeeting = 'meeting_id = @meetingId';
const itemsOfMeeting = '(SELECT id FROM main.agenda_item WHERE meeting_id = @meetingId)';
/** An action belongs to the meeting that agreed it: its own meeting, or its item's. */
const actionsOfMeeting = `COALESCE(meeting_id, (SELECT i.meeting_id FROM main.agenda_item i WHERE i.id = item_id)) = @meetingId`;

export const MEETING: RecordCodec = {
  type: 'moede',
  table: 'meeting',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: 'id = @meetingId',
  single: true,
  fields: MEETING_FIELDS,
};

export const ITEMS: RecordCodec = {
  type: 'punkter',
  table: 'agenda_item',
  key: ['id'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  closed: CLOSED_ROW.agenda_item,
  order: { column: 'position', first: 1 },
  fields: ITEM_FIELDS,
};

export const DECISIONS: RecordCodec = {
  type: 'beslutninger',
  table: 'decision',
  key: ['id'],
  context: {},
  scope: `item_id IN ${itemsOfMeeting}`,
  closed: CLOSED_ROW.decision,
  fields: DECISION_FIELDS,
};

export const DISSENTS: RecordCodec = {
  type: 'dissenser',
  table: 'decision_dissent',
  key: ['id'],
  context: {},
  scope: `decision_id IN (SELECT id FROM main.decision WHERE item_id IN ${itemsOfMeeting})`,
  closed: CLOSED_ROW.decision_dissent,
  order: { column: 'position', first: 0, within: 'decision_id' },
  fields: DISSENT_FIELDS,
};

export const PARTICIPANTS: RecordCodec = {
  type: 'deltagere',
  table: 'meeting_participant',
  key: ['person_id'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  order: { column: 'position', first: 1 },
  fields: PARTICIPANT_FIELDS,
};

export const CHECKOUT: RecordCodec = {
  type: 'checkout',
  table: 'checkout_tally',
  key: ['question_index', 'answer'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  fields: CHECKOUT_FIELDS,
};

export const REFERAT_VERSIONS: RecordCodec = {
  type: 'referatversioner',
  table: 'referat_version',
  key: ['id'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  fields: REFERAT_VERSION_FIELDS,
};

export const APPROVALS: RecordCodec = {
  type: 'godkendelser',
  table: 'referat_approval',
  key: ['version_id', 'person_id'],
  context: {},
  scope: 'version_id IN (SELECT id FROM main.referat_version WHERE meeting_id = @meetingId)',
  fields: APPROVAL_FIELDS,
};

/** Consents and forvarsel confirmations, keyed `<itemId>|<art>|<personId>`: each person writes only their own. */
export const CONSENTS: RecordCodec = {
  type: CONSENT_RECORDS,
  table: 'item_consent',
  key: ['item_id', 'kind', 'person_id'],
  context: {},
  scope: `item_id IN ${itemsOfMeeting}`,
  closed: CLOSED_ROW.item_consent,
  fields: CONSENT_FIELDS,
};

export const ACTIONS: RecordCodec = {
  type: 'handlinger',
  table: 'action',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: actionsOfMeeting,
  // The meeting that agreed it places it; its item (which may have moved on since) is one of the forum's.
  placed: 'item_id IS NULL OR item_id IN (SELECT i.id FROM main.agenda_item i JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId)',
  closed: CLOSED_ROW.action,
  fields: ACTION_FIELDS,
};

export const ACTION_NOTES: RecordCodec = {
  type: 'handlingsnoter',
  table: 'action_note',
  key: ['id'],
  context: {},
  scope: `action_id IN (SELECT id FROM main.action WHERE ${actionsOfMeeting})`,
  closed: CLOSED_ROW.action_note,
  fields: ACTION_NOTE_FIELDS,
};

/** A comment on a confidential item is as confidential as the item: it lives in the fortroligt document only. */
export const COMMENTS: RecordCodec = {
  type: 'kommentarer',
  table: 'item_comment',
  key: ['id'],
  context: {},
  scope: `item_id IN ${itemsOfMeeting}`,
  closed: CLOSED_ROW.item_comment,
  fields: COMMENT_FIELDS,
};

/** In the order the projection writes them, parents before children. */
export const MEETING_RECORDS: readonly RecordCodec[] = [MEETING, ITEMS, CONSENTS, DECISIONS, DISSENTS, PARTICIPANTS, CHECKOUT, REFERAT_VERSIONS, APPROVALS, ACTIONS, ACTION_NOTES, COMMENTS];
