import { COLOUR_KEYS } from '../../../shared/domain/colours';
import { flag, line, oneOf, optionalLine, requiredReference, text, whole, type RecordCodec } from './fields';

/** The forum index's record types: the forum, its people, colours, ground rules, themes and sager. */

export const FORUM: RecordCodec = {
  type: 'forum',
  table: 'forum',
  key: ['id'],
  context: {},
  scope: 'id = @forumId',
  single: true,
  fields: [
    line('kind'),
    line('name'),
    line('school'),
    text('purpose'),
    line('created_at'),
    text('mandate'),
    text('understanding'),
    line('cadence'),
    whole('default_minutes', 90),
    line('default_place'),
    flag('demo'),
    line('cycle_json'),
    flag('require_action_due'),
  ],
};

/** Everyone the forum's records name: members, participants, approvers and those who dissented. */
const PEOPLE_OF_FORUM = `id IN (
  SELECT person_id FROM main.forum_member WHERE forum_id = @forumId
  UNION SELECT p.person_id FROM main.meeting_participant p JOIN main.meeting m ON m.id = p.meeting_id WHERE m.forum_id = @forumId
  UNION SELECT a.person_id FROM main.referat_approval a JOIN main.referat_version v ON v.id = a.version_id JOIN main.meeting m ON m.id = v.meeting_id WHERE m.forum_id = @forumId
  UNION SELECT s.person_id FROM main.decision_dissent s JOIN main.decision d ON d.id = s.decision_id JOIN main.agenda_item i ON i.id = d.item_id
        JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId)`;

export const PEOPLE: RecordCodec = {
  type: 'personer',
  table: 'person',
  key: ['id'],
  context: {},
  scope: PEOPLE_OF_FORUM,
  keptWhenAbsent: true,
  fields: [line('name'), line('created_at')],
};

export const MEMBERS: RecordCodec = {
  type: 'medlemmer',
  table: 'forum_member',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: [requiredReference('person_id', 'person'), line('role'), line('from_date'), optionalLine('to_date'), flag('agenda_owner'), flag('chair')],
};

export const COLOURS: RecordCodec = {
  type: 'farver',
  table: 'forum_colour',
  key: ['colour'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: [oneOf('colour', COLOUR_KEYS, 'gul'), line('label'), line('code'), line('shape'), line('meaning'), line('hex'), line('text_hex')],
};

export const GROUND_RULES: RecordCodec = {
  type: 'spilleregler',
  table: 'ground_rules',
  key: ['version'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: [whole('version', 1), text('text'), text('note'), line('changed_at')],
};

export const THEMES: RecordCodec = {
  type: 'temaer',
  table: 'forum_theme',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: [whole('month', 1), line('title')],
};

export const SAGER: RecordCodec = {
  type: 'sager',
  table: 'sag',
  key: ['id'],
  context: {},
  scope: 'id IN (SELECT i.sag_id FROM main.agenda_item i JOIN main.meeting m ON m.id = i.meeting_id WHERE m.forum_id = @forumId)',
  keptWhenAbsent: true,
  fields: [line('title'), line('created_at')],
};

export const ITEM_TYPES: RecordCodec = {
  type: 'punkttyper',
  table: 'item_type',
  key: ['key'],
  context: {},
  scope: '1',
  keptWhenAbsent: true,
  fields: [line('key'), line('label'), line('created_at')],
};

/** Parents before children: a member names a person. */
export const FORUM_RECORDS: readonly RecordCodec[] = [FORUM, PEOPLE, MEMBERS, COLOURS, GROUND_RULES, THEMES, SAGER, ITEM_TYPES];
