import type { RecordCodec } from '../../../shared/records/fields';
import {
  COLOUR_FIELDS,
  FORUM_FIELDS,
  GROUND_RULES_FIELDS,
  ITEM_TYPE_FIELDS,
  MEMBER_FIELDS,
  PERSON_FIELDS,
  SAG_FIELDS,
  THEME_FIELDS,
} from '../../../shared/records/forumFields';
import { LISTENING_RECORDS } from './listeningRecords';

/**
 * The forum index's record types: the forum, its people, colours, ground rules, themes and sager. The
 * fields are declared in shared/records/forumFields.ts; here is where their rows are.
 */

export const FORUM: RecordCodec = {
  type: 'forum',
  table: 'forum',
  key: ['id'],
  context: {},
  scope: 'id = @forumId',
  single: true,
  fields: FORUM_FIELDS,
};

/** Everyone the forum's records name: members, participants, approvers, those who consented, added an item, dissented or commented. */
const PEOPLE_OF_FORUM = `id IN (
  SELECT person_id FROM main.forum_member WHERE forum_id = @forumId
  UNION SELECT p.person_id FROM main.meeting_participant p JOIN main.meeting m ON m.id = p.meeting_id WHERE m.forum_id = @forumId
  UNION SELECT a.person_id FROM main.referat_approval a JOIN main.referat_version v ON v.id = a.version_id JOIN main.meeting m ON m.id = v.meeting_id WHERE m.forum_id = @forumId
  UNION SELECT c.person_id FROM main.item_consent c JOIN main.agenda_item i ON i.id = c.item_id JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId
  UNION SELECT i.added_by FROM main.agenda_item i JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId AND i.added_by IS NOT NULL
  UNION SELECT s.person_id FROM main.decision_dissent s JOIN main.decision d ON d.id = s.decision_id JOIN main.agenda_item i ON i.id = d.item_id
        JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId
  UNION SELECT c.author_id FROM main.item_comment c JOIN main.agenda_item i ON i.id = c.item_id JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId)`;

export const PEOPLE: RecordCodec = {
  type: 'personer',
  table: 'person',
  key: ['id'],
  context: {},
  scope: PEOPLE_OF_FORUM,
  keptWhenAbsent: true,
  fields: PERSON_FIELDS,
};

export const MEMBERS: RecordCodec = {
  type: 'medlemmer',
  table: 'forum_member',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: MEMBER_FIELDS,
};

export const COLOURS: RecordCodec = {
  type: 'farver',
  table: 'forum_colour',
  key: ['colour'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: COLOUR_FIELDS,
};

export const GROUND_RULES: RecordCodec = {
  type: 'spilleregler',
  table: 'ground_rules',
  key: ['version'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: GROUND_RULES_FIELDS,
};

export const THEMES: RecordCodec = {
  type: 'temaer',
  table: 'forum_theme',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: THEME_FIELDS,
};

export const SAGER: RecordCodec = {
  type: 'sager',
  table: 'sag',
  key: ['id'],
  context: {},
  scope: 'id IN (SELECT i.sag_id FROM main.agenda_item i JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId)',
  keptWhenAbsent: true,
  fields: SAG_FIELDS,
};

export const ITEM_TYPES: RecordCodec = {
  type: 'punkttyper',
  table: 'item_type',
  key: ['key'],
  context: {},
  scope: '1',
  keptWhenAbsent: true,
  fields: ITEM_TYPE_FIELDS,
};

/** Parents before children: a member names a person; a lyttemøde forum's series follow the forum. */
export const FORUM_RECORDS: readonly RecordCodec[] = [FORUM, PEOPLE, MEMBERS, COLOURS, GROUND_RULES, THEMES, SAGER, ITEM_TYPES, ...LISTENING_RECORDS];
