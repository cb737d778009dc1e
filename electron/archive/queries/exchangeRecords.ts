import { SCALE } from '../../../shared/domain/checkout';
import { COLOUR_KEYS } from '../../../shared/domain/colours';
import {
  exchangeActionNote,
  exchangeApproval,
  exchangeCheckoutTally,
  exchangeColour,
  exchangeComment,
  exchangeConsent,
  exchangeDecision,
  exchangeDissent,
  exchangeForum,
  exchangeForumAction,
  exchangeGroundRules,
  exchangeItem,
  exchangeItemType,
  exchangeListeningInput,
  exchangeListeningInputTheme,
  exchangeListeningMeeting,
  exchangeListeningSeries,
  exchangeListeningTheme,
  exchangeMeeting,
  exchangeMeetingAction,
  exchangeMember,
  exchangeParticipant,
  exchangePerson,
  exchangeReferatVersion,
  exchangeSag,
  exchangeTheme,
} from '../../../shared/exchange/format';
import { COLOURS, FORUM, GROUND_RULES, ITEM_TYPES, MEMBERS, PEOPLE, SAGER, THEMES } from '../../sync/codec/forumRecords';
import {
  ACTION_NOTES,
  ACTIONS,
  APPROVALS,
  CHECKOUT,
  COMMENTS,
  CONSENTS,
  DECISIONS,
  DISSENTS,
  ITEMS,
  MEETING,
  PARTICIPANTS,
  REFERAT_VERSIONS,
} from '../../sync/codec/meetingRecords';
import { LISTENING_INPUTS, LISTENING_INPUT_THEMES, LISTENING_MEETINGS, LISTENING_SERIES, LISTENING_THEMES } from '../../sync/codec/listeningRecords';
import type { FileRecordLayout } from './exchangeRows';

/**
 * Where each record type stands in the exchange file and what the file adds around its declared fields.
 * The fields themselves come from the declarations (shared/records/); a new field needs no line here.
 */

/** Sorts by the place of a column's value in a fixed list of words (colours, check-out answers), as the app shows them. */
function rankOf(column: string, words: readonly string[]): string {
  return `CASE "${column}" ${words.map((word, index) => `WHEN '${word}' THEN ${index}`).join(' ')} END`;
}

const ID = { id: 'id' } as const;

export const FILE_ITEM_TYPES = { codec: ITEM_TYPES, schema: exchangeItemType, order: 'key' } satisfies FileRecordLayout;

export const FILE_PERSONS = { codec: PEOPLE, schema: exchangePerson, around: ID, order: 'id' } satisfies FileRecordLayout;

export const FILE_SAGER = { codec: SAGER, schema: exchangeSag, around: ID, order: 'id' } satisfies FileRecordLayout;

export const FILE_FORUMS = { codec: FORUM, schema: exchangeForum, around: ID, order: 'id' } satisfies FileRecordLayout;

export const FILE_COLOURS = {
  codec: COLOURS,
  schema: exchangeColour,
  given: ['forum_id'],
  order: rankOf('colour', COLOUR_KEYS),
} satisfies FileRecordLayout;

export const FILE_GROUND_RULES = { codec: GROUND_RULES, schema: exchangeGroundRules, given: ['forum_id'], order: 'version' } satisfies FileRecordLayout;

export const FILE_MEMBERS = { codec: MEMBERS, schema: exchangeMember, around: ID, given: ['forum_id'], order: 'from_date, id' } satisfies FileRecordLayout;

export const FILE_THEMES = { codec: THEMES, schema: exchangeTheme, around: ID, given: ['forum_id'], order: 'month, id' } satisfies FileRecordLayout;

/**
 * An action: a file never opens an action the archive holds as closed (an older file knows no flag);
 * opening an item in the file opens its actions through the item's own trigger. The action it was split
 * from is linked once every action of the file exists.
 */
const ACTION = {
  codec: ACTIONS,
  around: ID,
  order: 'created_at, id',
  keepsClosed: 'confidential',
  linkedLater: ['parent_action_id'],
} as const;

/** A forum's own action: its meeting is gone, so it names neither meeting nor item. */
export const FILE_FORUM_ACTIONS = {
  ...ACTION,
  schema: exchangeForumAction,
  given: ['forum_id', 'meeting_id', 'item_id'],
} satisfies FileRecordLayout;

export const FILE_MEETING_ACTIONS = { ...ACTION, schema: exchangeMeetingAction, given: ['forum_id', 'meeting_id'] } satisfies FileRecordLayout;

/** A note names the meeting it was written in when that meeting is in the archive (a forum's actions come before the meetings). */
export const FILE_ACTION_NOTES = {
  codec: ACTION_NOTES,
  schema: exchangeActionNote,
  around: ID,
  given: ['action_id'],
  order: 'created_at, id',
  linkedLater: ['meeting_id'],
} satisfies FileRecordLayout;

/** The run's items are set once the meeting's items exist. */
export const FILE_MEETINGS = {
  codec: MEETING,
  schema: exchangeMeeting,
  around: { id: 'id', forum_id: 'forumId' },
  order: 'starts_at, id',
  linkedLater: ['current_item_id', 'readback_item_id'],
} satisfies FileRecordLayout;

export const FILE_PARTICIPANTS = {
  codec: PARTICIPANTS,
  schema: exchangeParticipant,
  around: { position: 'position' },
  given: ['meeting_id'],
  order: 'position, person_id',
} satisfies FileRecordLayout;

/**
 * An item: a file from before the item was closed here (or written to open it) never opens it again; an
 * item the file has outside any sag (as every item of a file from before sager) keeps the sag it has
 * here; the item it was carried from is linked when that item is in the file or the archive.
 */
export const FILE_ITEMS = {
  codec: ITEMS,
  schema: exchangeItem,
  around: { id: 'id', position: 'position' },
  given: ['meeting_id'],
  order: 'position, id',
  keepsClosed: 'confidential',
  keepsWhenAbsent: ['sag_id'],
  linkedLater: ['carried_from_item_id', 'added_by'],
} satisfies FileRecordLayout;

/** A person's consent to the item: the file adds and updates consents, and takes none away (formatversion 6). */
export const FILE_CONSENTS = { codec: CONSENTS, schema: exchangeConsent, given: ['item_id'], order: 'kind, person_id' } satisfies FileRecordLayout;

/** A comment on the item; an author the archive does not know leaves it without one (formatversion 6). */
export const FILE_COMMENTS = {
  codec: COMMENTS,
  schema: exchangeComment,
  around: ID,
  given: ['item_id'],
  order: 'created_at, id',
  linkedLater: ['author_id'],
} satisfies FileRecordLayout;

/** A decision: its dissents' text (`dissent`) is written by the archive from the dissent records. */
export const FILE_DECISIONS = { codec: DECISIONS, schema: exchangeDecision, around: ID, given: ['item_id'], order: 'item_id' } satisfies FileRecordLayout;

/** A person the archive does not know (not in the file, or removed) leaves the name and role standing. */
export const FILE_DISSENTS = {
  codec: DISSENTS,
  schema: exchangeDissent,
  around: ID,
  given: ['decision_id', 'position'],
  order: 'decision_id, position',
  linkedLater: ['person_id'],
} satisfies FileRecordLayout;

export const FILE_CHECKOUT = {
  codec: CHECKOUT,
  schema: exchangeCheckoutTally,
  given: ['meeting_id'],
  order: `question_index, ${rankOf('answer', SCALE)}`,
} satisfies FileRecordLayout;

export const FILE_REFERAT_VERSIONS = {
  codec: REFERAT_VERSIONS,
  schema: exchangeReferatVersion,
  around: ID,
  given: ['meeting_id'],
  order: 'version',
} satisfies FileRecordLayout;

export const FILE_APPROVALS = { codec: APPROVALS, schema: exchangeApproval, given: ['version_id'], order: 'person_id' } satisfies FileRecordLayout;

/**
 * A lyttemøde series: its forum, or none for a series kept on one laptop. A file with a series outside any forum
 * never takes the series out of the forum it belongs to here.
 */
export const FILE_LISTENING_SERIES = {
  codec: LISTENING_SERIES,
  schema: exchangeListeningSeries,
  around: { id: 'id', forum_id: 'forumId' },
  order: 'created_at, id',
  keepsWhenAbsent: ['forum_id'],
} satisfies FileRecordLayout;

/** A series' theme: its folded name is the archive's own, derived from the name as the import writes it. */
export const FILE_LISTENING_THEMES = {
  codec: LISTENING_THEMES,
  schema: exchangeListeningTheme,
  around: ID,
  given: ['series_id', 'name_key'],
  order: 'name_key, id',
} satisfies FileRecordLayout;

export const FILE_LISTENING_MEETINGS = {
  codec: LISTENING_MEETINGS,
  schema: exchangeListeningMeeting,
  around: ID,
  given: ['series_id'],
  order: "date, COALESCE(start_time, ''), created_at, id",
} satisfies FileRecordLayout;

/**
 * An input, numbered within its meeting. The agenda item it was sent to on this laptop (`sent_item_id`) is not in
 * the file, as it is not in the shared documents: an import keeps the link the archive has.
 */
export const FILE_LISTENING_INPUTS = {
  codec: LISTENING_INPUTS,
  schema: exchangeListeningInput,
  around: { id: 'id', position: 'position' },
  given: ['meeting_id'],
  order: 'position, id',
} satisfies FileRecordLayout;

/** An input's themes: the file adds and keeps them, and takes none away. */
export const FILE_LISTENING_INPUT_THEMES = {
  codec: LISTENING_INPUT_THEMES,
  schema: exchangeListeningInputTheme,
  given: ['input_id'],
  order: 'theme_id',
} satisfies FileRecordLayout;

/** Every record type of the file, in the order an import writes them (parents before children). */
export const FILE_RECORD_LAYOUTS: readonly FileRecordLayout[] = [
  FILE_ITEM_TYPES,
  FILE_PERSONS,
  FILE_FORUMS,
  FILE_COLOURS,
  FILE_GROUND_RULES,
  FILE_MEMBERS,
  FILE_THEMES,
  FILE_SAGER,
  FILE_MEETINGS,
  FILE_PARTICIPANTS,
  FILE_ITEMS,
  FILE_CONSENTS,
  FILE_COMMENTS,
  FILE_DECISIONS,
  FILE_DISSENTS,
  FILE_FORUM_ACTIONS,
  FILE_MEETING_ACTIONS,
  FILE_ACTION_NOTES,
  FILE_CHECKOUT,
  FILE_REFERAT_VERSIONS,
  FILE_APPROVALS,
  FILE_LISTENING_SERIES,
  FILE_LISTENING_THEMES,
  FILE_LISTENING_MEETINGS,
  FILE_LISTENING_INPUTS,
  FILE_LISTENING_INPUT_THEMES,
];
