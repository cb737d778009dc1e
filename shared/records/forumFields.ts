import { COLOUR_KEYS } from '../domain/colours';
import { cadence, colourKey, entityId, forumKind, itemType, localDate, month, requiredText, wholeMinutes } from '../api/fields';
import { LIMITS } from '../api/limits';
import * as z from 'zod';
import { COLOUR_SHAPES, count, exchangeCycle, hex, instant, oneOf as fileOneOf, text as fileText, yesNo } from '../exchange/fileFields';
import { flag, line, oneOf, optionalLine, requiredReference, text, whole } from './fields';

/**
 * The fields of a forum index's record types, each declared once (see meetingFields.ts), in the order the
 * exchange file writes them. The SQL side is in electron/sync/codec/forumRecords.ts.
 */

export const FORUM_FIELDS = [
  line('kind', { file: forumKind }),
  line('name', { file: requiredText('Forummets navn', LIMITS.name) }),
  line('school', { file: requiredText('Skole eller kommune', LIMITS.name) }),
  text('purpose', { file: fileText('Formål', LIMITS.longText, 'many') }),
  text('mandate', { file: fileText('Kommissorium', LIMITS.longText, 'many') }),
  text('understanding', { file: fileText('Forståelsespapir', LIMITS.longText, 'many') }),
  line('cadence', { file: cadence }),
  whole('default_minutes', 90, { file: wholeMinutes('Mødernes længde', LIMITS.meetingMinutes) }),
  line('default_place', { file: fileText('Fast mødested', LIMITS.name) }),
  flag('require_action_due', { file: yesNo('Frist på alle handlinger') }),
  flag('demo', { file: yesNo('Demo') }),
  /** The forum's own multi-phase cycle, kept as JSON text; the file holds it as an object, null when it uses the default. */
  line('cycle_json', { file: exchangeCycle.nullable(), fileName: 'cycle' }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
] as const;

export const PERSON_FIELDS = [
  line('name', { file: requiredText('Personens navn', LIMITS.name) }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
] as const;

export const MEMBER_FIELDS = [
  requiredReference('person_id', 'person', { file: entityId('Personen') }),
  line('role', { file: requiredText('Rollen', LIMITS.name) }),
  line('from_date', { file: localDate('Fra-datoen') }),
  optionalLine('to_date', { file: localDate('Til-datoen').nullable() }),
  flag('agenda_owner', { file: yesNo('Dagsordensejer') }),
  flag('chair', { file: yesNo('Mødeleder') }),
] as const;

export const COLOUR_FIELDS = [
  oneOf('colour', COLOUR_KEYS, 'gul', { file: colourKey, fileName: 'key' }),
  line('label', { file: requiredText('Farvens navn', 30) }),
  line('code', {
    file: z.string({ error: 'Koden skal være tekst.' }).regex(/^\p{L}{2}$/u, { error: 'Koden skal være præcis to bogstaver, fx GU.' }),
  }),
  line('shape', { file: fileOneOf(COLOUR_SHAPES, 'Figuren') }),
  line('meaning', { file: requiredText('Farvens betydning', LIMITS.shortText, 'many') }),
  line('hex', { file: hex('Farven') }),
  line('text_hex', { file: hex('Tekstfarven') }),
] as const;

export const GROUND_RULES_FIELDS = [
  whole('version', 1, { file: count('Versionsnummeret', 1) }),
  text('text', { file: fileText('Spillereglerne', LIMITS.longText, 'many') }),
  text('note', { file: fileText('Begrundelsen for ændringen', LIMITS.shortText, 'many') }),
  line('changed_at', { file: instant('Ændringstidspunktet') }),
] as const;

export const THEME_FIELDS = [
  whole('month', 1, { file: month('Måneden') }),
  line('title', { file: requiredText('Temaet', LIMITS.title) }),
] as const;

/** A matter followed across meetings and forums; its items name it by id (formatversion 3). */
export const SAG_FIELDS = [
  line('title', { file: requiredText('Sagens titel', LIMITS.title) }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
] as const;

/** The users' own agenda item types (the built-in ones are never listed). */
export const ITEM_TYPE_FIELDS = [
  line('key', { file: itemType }),
  line('label', { file: requiredText('Punkttypens navn', 40) }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
] as const;
