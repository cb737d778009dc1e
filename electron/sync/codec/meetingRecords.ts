import { ACTION_STATUSES, PROBLEM_RESOLUTIONS } from '../../../shared/domain/actions';
import { SCALE } from '../../../shared/domain/checkout';
import { COLOUR_KEYS } from '../../../shared/domain/colours';
import { PROCESS_KINDS } from '../../../shared/domain/prompts';
import { CLOSED_ROW } from '../../services/redaction';
import { flag, line, oneOf, optionalLine, reference, requiredReference, text, whole, type RecordCodec } from './fields';

/**
 * The meeting document's record types (and, for confidential content, the members-only `fortroligt`
 * document's). A decision's draft is not among them: it is what the typist has not yet read back or
 * saved, and sharing it would put half-written words on the others' screens as if decided.
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
  fields: [
    line('title'),
    line('starts_at'),
    whole('duration_minutes', 90, { field: 'durationMinutes' }),
    line('place'),
    oneOf('status', ['planlagt', 'afholdt'], 'planlagt'),
    line('created_at'),
    text('purpose'),
    optionalLine('agenda_sent_at'),
    oneOf('run_phase', ['ikke_startet', 'saet_scenen', 'punkt', 'checkout', 'afsluttet'], 'ikke_startet'),
    reference('current_item_id', 'agenda_item'),
    flag('presenter_confidential'),
    reference('readback_item_id', 'agenda_item'),
  ],
};

export const ITEMS: RecordCodec = {
  type: 'punkter',
  table: 'agenda_item',
  key: ['id'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  closed: CLOSED_ROW.agenda_item,
  order: { column: 'position', first: 1 },
  fields: [
    line('title', { approved: true }),
    line('type', { approved: true, keptWhenClosed: true }),
    whole('minutes', 10, { approved: true, keptWhenClosed: true }),
    oneOf('announced_colour', COLOUR_KEYS, null, { approved: true }),
    line('owner', { approved: true }),
    text('background', { approved: true }),
    flag('confidential', { approved: true, keptWhenClosed: true }),
    flag('sensitive'),
    optionalLine('forvarsel_at'),
    text('forvarsel_note'),
    flag('added_late'),
    line('consent_by'),
    optionalLine('consent_at'),
    text('notes', { approved: true }),
    oneOf('process', PROCESS_KINDS, null),
    line('round_done'),
    whole('cycle_phase', 0),
    whole('timer_elapsed', 0),
    optionalLine('timer_started_at'),
    oneOf('run_state', ['kommende', 'igang', 'faerdig', 'parkeret', 'handling'], 'kommende'),
    reference('carried_from_item_id', 'agenda_item'),
    reference('sag_id', 'sag'),
    text('announced_given', { approved: true }),
    text('announced_open', { approved: true }),
  ],
};

export const DECISIONS: RecordCodec = {
  type: 'beslutninger',
  table: 'decision',
  key: ['id'],
  context: {},
  scope: `item_id IN ${itemsOfMeeting}`,
  closed: CLOSED_ROW.decision,
  fields: [
    requiredReference('item_id', 'agenda_item'),
    oneOf('colour', COLOUR_KEYS, 'gul', { approved: true }),
    text('colour_reason', { approved: true }),
    text('text', { approved: true }),
    line('recorded_at'),
    text('dissent', { approved: true }),
    oneOf('outcome', ['beslutning', 'afklaring_uden_enighed'], 'beslutning', { approved: true }),
    line('decided_by', { approved: true }),
    text('involve_context', { approved: true }),
    text('involve_need', { approved: true }),
    text('involve_how', { approved: true }),
    text('explain_reasoning', { approved: true }),
    text('explain_compromises', { approved: true }),
    text('explain_constraints', { approved: true }),
    text('expect_given', { approved: true }),
    text('expect_open', { approved: true }),
    text('expect_of_whom', { approved: true }),
    optionalLine('final_at'),
  ],
};

export const DISSENTS: RecordCodec = {
  type: 'dissenser',
  table: 'decision_dissent',
  key: ['id'],
  context: {},
  scope: `decision_id IN (SELECT id FROM main.decision WHERE item_id IN ${itemsOfMeeting})`,
  closed: CLOSED_ROW.decision_dissent,
  order: { column: 'position', first: 0, within: 'decision_id' },
  fields: [
    requiredReference('decision_id', 'decision'),
    reference('person_id', 'person', { approved: true }),
    line('name', { approved: true }),
    line('role', { approved: true }),
    text('text', { approved: true }),
    flag('minority_statement', { approved: true }),
  ],
};

export const PARTICIPANTS: RecordCodec = {
  type: 'deltagere',
  table: 'meeting_participant',
  key: ['person_id'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  order: { column: 'position', first: 1 },
  fields: [
    requiredReference('person_id', 'person'),
    line('role'),
    oneOf('attendance', ['deltager', 'afbud'], 'deltager'),
    flag('facilitator'),
    flag('referent'),
  ],
};

export const CHECKOUT: RecordCodec = {
  type: 'checkout',
  table: 'checkout_tally',
  key: ['question_index', 'answer'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  fields: [whole('question_index', 0), line('question'), oneOf('answer', SCALE, 'ved_ikke'), whole('count', 0)],
};

export const REFERAT_VERSIONS: RecordCodec = {
  type: 'referatversioner',
  table: 'referat_version',
  key: ['id'],
  context: { meeting_id: 'meeting' },
  scope: ofMeeting,
  fields: [
    whole('version', 1),
    oneOf('status', ['udkast', 'godkendt'], 'udkast'),
    line('change_note'),
    line('created_at'),
    optionalLine('approved_at'),
    optionalLine('snapshot'),
    line('changes'),
    line('closed_changes'),
  ],
};

export const APPROVALS: RecordCodec = {
  type: 'godkendelser',
  table: 'referat_approval',
  key: ['version_id', 'person_id'],
  context: {},
  scope: 'version_id IN (SELECT id FROM main.referat_version WHERE meeting_id = @meetingId)',
  fields: [requiredReference('version_id', 'referat_version'), requiredReference('person_id', 'person'), line('role'), line('approved_at')],
};

export const ACTIONS: RecordCodec = {
  type: 'handlinger',
  table: 'action',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: actionsOfMeeting,
  closed: CLOSED_ROW.action,
  fields: [
    reference('item_id', 'agenda_item'),
    reference('meeting_id', 'meeting'),
    line('what', { approved: true }),
    line('who', { approved: true }),
    optionalLine('due', { approved: true }),
    oneOf('status', ACTION_STATUSES, 'aaben'),
    line('created_at'),
    oneOf('term', ['kort', 'lang'], 'kort'),
    optionalLine('drop_reason'),
    reference('parent_action_id', 'action'),
    flag('confidential'),
  ],
};

export const ACTION_NOTES: RecordCodec = {
  type: 'handlingsnoter',
  table: 'action_note',
  key: ['id'],
  context: {},
  scope: `action_id IN (SELECT id FROM main.action WHERE ${actionsOfMeeting})`,
  closed: CLOSED_ROW.action_note,
  fields: [
    requiredReference('action_id', 'action'),
    text('note'),
    oneOf('status_from', ACTION_STATUSES, 'aaben'),
    oneOf('status_to', ACTION_STATUSES, 'aaben'),
    line('created_at'),
    reference('meeting_id', 'meeting'),
    oneOf('resolution', PROBLEM_RESOLUTIONS, null),
  ],
};

/** In the order the projection writes them, parents before children. */
export const MEETING_RECORDS: readonly RecordCodec[] = [MEETING, ITEMS, DECISIONS, DISSENTS, PARTICIPANTS, CHECKOUT, REFERAT_VERSIONS, APPROVALS, ACTIONS, ACTION_NOTES];
