import * as z from 'zod';
import { DESTINATIONS, LISTENING_LIMITS } from '../domain/listening';
import { entityId, localDate, requiredText } from '../api/fields';
import { LIMITS } from '../api/limits';
import { instant, oneOf as fileOneOf, text as fileText, yesNo } from '../exchange/fileFields';
import { flag, line, oneOf, optionalLine, optionalWhole, requiredReference, text } from './fields';

/**
 * The fields of a lyttemøde series' record types (migrations 008 and 025), each declared once (see
 * meetingFields.ts), in the order the exchange file writes them. A shared lyttemøde forum carries them in its
 * index document; the exchange file carries a series with its meetings, themes and inputs (formatversion 6).
 * No field names a person: an input is the words heard, a meeting counts who took part.
 * The SQL side is in electron/sync/codec/listeningRecords.ts.
 */

export const LISTENING_SERIES_FIELDS = [
  line('title', { file: requiredText('Seriens titel', LIMITS.title) }),
  text('purpose', { file: fileText('Formålet med lyttemøderne', LIMITS.longText, 'many') }),
  line('visitors', { file: fileText('De besøgende', LIMITS.shortText) }),
  flag('demo', { file: yesNo('Demo') }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
] as const;

const startTime = z
  .string({ error: 'Klokkeslættet skal være tekst.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Klokkeslættet skal skrives som tt:mm, fx 14:30.' });

const participantCount = z
  .number({ error: 'Antal deltagere skal være et tal.' })
  .int({ error: 'Antal deltagere skal være et helt tal.' })
  .min(0, { error: 'Antal deltagere kan ikke være negativt.' });

/** A meeting's series is given by its place in the file (under its series). */
export const LISTENING_MEETING_FIELDS = [
  requiredReference('series_id', 'listening_series'),
  line('school', { file: requiredText('Skolen', LIMITS.name) }),
  line('date', { file: localDate('Datoen') }),
  optionalLine('start_time', { file: startTime.nullable() }),
  line('teacher_group', { file: requiredText('Lærergruppen', LIMITS.name) }),
  optionalWhole('participant_count', { file: participantCount.nullable() }),
  optionalLine('held_at', { file: instant('Tidspunktet, lyttemødet blev holdt').nullable() }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
] as const;

/** A theme's folded name (`name_key`) is the archive's, derived from its name when a file is read. */
export const LISTENING_THEME_FIELDS = [
  requiredReference('series_id', 'listening_series'),
  line('name', { file: requiredText('Temaet', LISTENING_LIMITS.theme) }),
  line('name_key'),
] as const;

export const LISTENING_INPUT_FIELDS = [
  requiredReference('meeting_id', 'listening_meeting'),
  text('text', { file: requiredText('Inputtet', LISTENING_LIMITS.input) }),
  flag('is_quote', { file: yesNo('Citat') }),
  oneOf('destination', DESTINATIONS, null, { file: fileOneOf(DESTINATIONS, 'Sorteringen').nullable() }),
  text('destination_note', { file: fileText('Noten', LIMITS.shortText, 'many') }),
  /** Sent to a forum's inbox: by whichever visitor sent it, so the other does not send it again. */
  optionalLine('inbox_forum_name', { file: fileText('Indbakkens forum', LIMITS.name).nullable() }),
  optionalLine('inbox_sent_at', { file: instant('Tidspunktet, inputtet blev sendt').nullable() }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
] as const;

/** An input's theme; the input is given by its place in the file. */
export const LISTENING_INPUT_THEME_FIELDS = [
  requiredReference('input_id', 'listening_input'),
  requiredReference('theme_id', 'listening_theme', { file: entityId('Temaet') }),
] as const;
