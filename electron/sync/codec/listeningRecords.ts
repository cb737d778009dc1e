import type { RecordCodec } from '../../../shared/records/fields';
import {
  LISTENING_INPUT_FIELDS,
  LISTENING_INPUT_THEME_FIELDS,
  LISTENING_MEETING_FIELDS,
  LISTENING_SERIES_FIELDS,
  LISTENING_THEME_FIELDS,
} from '../../../shared/records/listeningFields';

/**
 * A lyttemøde forum's series, in the forum's index document (one document for the forum and its series: a
 * theme belongs to the series and every input of every meeting names it, so splitting the series over
 * several documents would make each input wait for another document's theme). The fields are declared in
 * shared/records/listeningFields.ts; here is where their rows are.
 */

const SERIES_OF_FORUM = 'SELECT id FROM main.listening_series WHERE forum_id = @forumId';
const MEETINGS_OF_FORUM = `SELECT m.id FROM main.listening_meeting m JOIN main.listening_series s ON s.id = m.series_id WHERE s.forum_id = @forumId`;
const INPUTS_OF_FORUM = `SELECT i.id FROM main.listening_input i WHERE i.meeting_id IN (${MEETINGS_OF_FORUM})`;

export const LISTENING_SERIES: RecordCodec = {
  type: 'lytteserier',
  table: 'listening_series',
  key: ['id'],
  context: { forum_id: 'forum' },
  scope: 'forum_id = @forumId',
  fields: LISTENING_SERIES_FIELDS,
};

export const LISTENING_MEETINGS: RecordCodec = {
  type: 'lyttemoeder',
  table: 'listening_meeting',
  key: ['id'],
  context: {},
  scope: `series_id IN (${SERIES_OF_FORUM})`,
  fields: LISTENING_MEETING_FIELDS,
};

export const LISTENING_THEMES: RecordCodec = {
  type: 'lyttetemaer',
  table: 'listening_theme',
  key: ['id'],
  context: {},
  scope: `series_id IN (${SERIES_OF_FORUM})`,
  fields: LISTENING_THEME_FIELDS,
};

export const LISTENING_INPUTS: RecordCodec = {
  type: 'lytteinput',
  table: 'listening_input',
  key: ['id'],
  context: {},
  scope: `meeting_id IN (${MEETINGS_OF_FORUM})`,
  order: { column: 'position', first: 1, within: 'meeting_id' },
  fields: LISTENING_INPUT_FIELDS,
};

export const LISTENING_INPUT_THEMES: RecordCodec = {
  type: 'lytteinputtemaer',
  table: 'listening_input_theme',
  key: ['input_id', 'theme_id'],
  context: {},
  scope: `input_id IN (${INPUTS_OF_FORUM})`,
  fields: LISTENING_INPUT_THEME_FIELDS,
};

/** Parents before children: a meeting and a theme name their series, an input its meeting, a link both. */
export const LISTENING_RECORDS: readonly RecordCodec[] = [LISTENING_SERIES, LISTENING_MEETINGS, LISTENING_THEMES, LISTENING_INPUTS, LISTENING_INPUT_THEMES];
