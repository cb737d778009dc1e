import { DESTINATIONS } from '../domain/listening';
import { flag, line, oneOf, optionalLine, optionalWhole, requiredReference, text } from './fields';

/**
 * The fields of a lyttemøde series' record types (migrations 008 and 025), each declared once (see
 * meetingFields.ts). A shared lyttemøde forum carries them in its index document; the exchange file does not
 * hold them. No field names a person: an input is the words heard, a meeting counts who took part.
 * The SQL side is in electron/sync/codec/listeningRecords.ts.
 */

export const LISTENING_SERIES_FIELDS = [
  line('title'),
  text('purpose'),
  line('visitors'),
  flag('demo'),
  line('created_at'),
] as const;

export const LISTENING_MEETING_FIELDS = [
  requiredReference('series_id', 'listening_series'),
  line('school'),
  line('date'),
  optionalLine('start_time'),
  line('teacher_group'),
  optionalWhole('participant_count'),
  optionalLine('held_at'),
  line('created_at'),
] as const;

export const LISTENING_THEME_FIELDS = [requiredReference('series_id', 'listening_series'), line('name'), line('name_key')] as const;

export const LISTENING_INPUT_FIELDS = [
  requiredReference('meeting_id', 'listening_meeting'),
  text('text'),
  flag('is_quote'),
  oneOf('destination', DESTINATIONS, null),
  text('destination_note'),
  /** Sent to a forum's inbox: by whichever visitor sent it, so the other does not send it again. */
  optionalLine('inbox_forum_name'),
  optionalLine('inbox_sent_at'),
  line('created_at'),
] as const;

export const LISTENING_INPUT_THEME_FIELDS = [requiredReference('input_id', 'listening_input'), requiredReference('theme_id', 'listening_theme')] as const;
