import { ACTION_STATUSES, PROBLEM_RESOLUTIONS } from '../domain/actions';
import { SCALE } from '../domain/checkout';
import { COLOUR_KEYS } from '../domain/colours';
import { COMMENT_KINDS } from '../domain/comments';
import { PROCESS_KINDS } from '../domain/prompts';
import { colourKey, entityId, itemType, localDate, localDateTime, requiredText, wholeMinutes } from '../api/fields';
import { LIMITS } from '../api/limits';
import { CONSENT_KINDS } from '../sync/personKeys';
import { count, instant, list, oneOf as fileOneOf, text as fileText, yesNo } from '../exchange/fileFields';
import { flag, line, oneOf, optionalLine, reference, requiredReference, text, whole } from './fields';

/**
 * The fields of a meeting's record types, each declared once: column, document field, merge kind, the
 * document's check, and the exchange file's name and check (`file`). Declared in the order the exchange
 * file writes them. The SQL side (table, scope, confidentiality) is in electron/sync/codec/meetingRecords.ts.
 * A field without `file` is not in the exchange file: its place in the file gives it (a decision's item,
 * a meeting's actions), or the archive derives it.
 */

const RUN_PHASES = ['ikke_startet', 'saet_scenen', 'punkt', 'checkout', 'afsluttet'] as const;
const RUN_STATES = ['kommende', 'igang', 'faerdig', 'parkeret', 'handling'] as const;
const OUTCOMES = ['beslutning', 'afklaring_uden_enighed'] as const;
const TERMS = ['kort', 'lang'] as const;

export const MEETING_FIELDS = [
  line('title', { file: requiredText('Mødets titel', LIMITS.title) }),
  line('starts_at', { file: localDateTime('Mødets tidspunkt') }),
  whole('duration_minutes', 90, { file: wholeMinutes('Mødets længde', LIMITS.meetingMinutes) }),
  line('place', { file: fileText('Sted', LIMITS.name) }),
  text('purpose', { file: fileText('Mødets formål', LIMITS.longText, 'many') }),
  oneOf('status', ['planlagt', 'afholdt'], 'planlagt', { file: fileOneOf(['planlagt', 'afholdt'], 'Mødets status') }),
  optionalLine('agenda_sent_at', { file: instant('Tidspunktet dagsordenen blev sendt').nullable() }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
  oneOf('run_phase', RUN_PHASES, 'ikke_startet', { file: fileOneOf(RUN_PHASES, 'Mødets fase'), fileName: 'phase', within: 'run' }),
  reference('current_item_id', 'agenda_item', { file: entityId('Det aktuelle punkt').nullable(), within: 'run' }),
  flag('presenter_confidential', { file: yesNo('Vis lukkede punkter på skærmen'), within: 'run' }),
  reference('readback_item_id', 'agenda_item', { file: entityId('Punktet der genlæses').nullable(), within: 'run' }),
] as const;

export const ITEM_FIELDS = [
  line('title', { approved: true, file: requiredText('Punktets titel', LIMITS.title) }),
  line('type', { approved: true, keptWhenClosed: true, file: itemType }),
  // Minutes borrowed during the meeting may take an item past the limit for planning it.
  whole('minutes', 10, { approved: true, keptWhenClosed: true, file: wholeMinutes('Punktets tidsramme', 24 * 60) }),
  oneOf('announced_colour', COLOUR_KEYS, null, { approved: true, file: colourKey.nullable() }),
  line('owner', { approved: true, file: fileText('Ansvarlig', LIMITS.name) }),
  text('background', { approved: true, file: fileText('Baggrund', LIMITS.longText, 'many') }),
  // Files from before items announced them have neither: nothing was announced.
  text('announced_given', { approved: true, file: fileText('Det givne', LIMITS.longText, 'many').default('') }),
  text('announced_open', { approved: true, file: fileText('Det, der er til diskussion', LIMITS.longText, 'many').default('') }),
  flag('confidential', { approved: true, keptWhenClosed: true, file: yesNo('Lukket punkt') }),
  flag('sensitive', { file: yesNo('Kræver forvarsel') }),
  optionalLine('forvarsel_at', { file: instant('Tidspunktet for forvarslet').nullable() }),
  text('forvarsel_note', { file: fileText('Noten om forvarslet', LIMITS.shortText, 'many') }),
  flag('added_late', { file: yesNo('Tilføjet sent') }),
  line('consent_by', { file: fileText('Hvem gav samtykke', LIMITS.name) }),
  optionalLine('consent_at', { file: instant('Tidspunktet for samtykket').nullable() }),
  text('notes', { approved: true, file: fileText('Noterne', LIMITS.longText, 'many') }),
  oneOf('process', PROCESS_KINDS, null, { file: fileOneOf(PROCESS_KINDS, 'Processen').nullable() }),
  // The archive keeps the round as JSON text; the file as a list.
  line('round_done', { file: list('Runden', entityId('Personen i runden')) }),
  whole('cycle_phase', 0, { file: count('Cyklens fase', 0) }),
  whole('timer_elapsed', 0, { file: count('Den brugte tid i sekunder', 0) }),
  optionalLine('timer_started_at', { file: instant('Tidspunktet uret blev startet').nullable() }),
  oneOf('run_state', RUN_STATES, 'kommende', { file: fileOneOf(RUN_STATES, 'Punktets tilstand') }),
  reference('carried_from_item_id', 'agenda_item', { file: entityId('Punktet det er flyttet fra').nullable() }),
  /** The sag the item is part of, one of the file's sager (formatversion 3). */
  reference('sag_id', 'sag', { file: entityId('Sagen').nullable() }),
  /**
   * Who put the item on, where the laptop knows it (a shared forum): they do not consent to it themselves
   * (formatversion 6; a person the archive does not know leaves it empty).
   */
  reference('added_by', 'person', { file: entityId('Hvem der satte punktet på').nullable() }),
] as const;

/**
 * One person's consent to a late item (`sent`) or confirmation of a sensitive item's forvarsel, each given on
 * the person's own laptop; keyed per person so two giving theirs at once both count. In the exchange file
 * under its item (formatversion 6).
 */
export const CONSENT_FIELDS = [
  requiredReference('item_id', 'agenda_item'),
  oneOf('kind', CONSENT_KINDS, 'sent', { file: fileOneOf(CONSENT_KINDS, 'Samtykkets art') }),
  requiredReference('person_id', 'person', { file: entityId('Personen') }),
  line('given_at', { file: instant('Tidspunktet for samtykket') }),
] as const;

export const DECISION_FIELDS = [
  requiredReference('item_id', 'agenda_item'),
  oneOf('outcome', OUTCOMES, 'beslutning', { approved: true, file: fileOneOf(OUTCOMES, 'Udfaldet') }),
  oneOf('colour', COLOUR_KEYS, 'gul', { approved: true, file: colourKey }),
  text('colour_reason', { approved: true, file: fileText('Begrundelsen for farveskiftet', LIMITS.shortText, 'many') }),
  text('text', { approved: true, file: requiredText('Beslutningen', LIMITS.longText, 'many') }),
  line('decided_by', { approved: true, file: fileText('Hvem beslutter', LIMITS.name) }),
  // The dissent records' text, written by the archive; the file holds the records (formatversion 5).
  text('dissent', { approved: true }),
  text('involve_context', { approved: true, file: fileText('Sammenhængen', LIMITS.longText, 'many') }),
  text('involve_need', { approved: true, file: fileText('Behovet for en beslutning', LIMITS.longText, 'many') }),
  text('involve_how', { approved: true, file: fileText('Hvordan andre blev inddraget', LIMITS.longText, 'many') }),
  text('explain_reasoning', { approved: true, file: fileText('Mellemregningerne', LIMITS.longText, 'many') }),
  text('explain_compromises', { approved: true, file: fileText('Kompromiserne', LIMITS.longText, 'many') }),
  text('explain_constraints', { approved: true, file: fileText('Bindingerne', LIMITS.longText, 'many') }),
  text('expect_given', { approved: true, file: fileText('Det givne', LIMITS.longText, 'many') }),
  text('expect_open', { approved: true, file: fileText('Det der er til diskussion', LIMITS.longText, 'many') }),
  text('expect_of_whom', { approved: true, file: fileText('Forventningerne til hvem', LIMITS.longText, 'many') }),
  line('recorded_at', { file: instant('Tidspunktet for beslutningen') }),
  optionalLine('final_at', { file: instant('Tidspunktet for genlæsningen').nullable() }),
] as const;

/** Dissent as records of their own (formatversion 5); the person is kept only when the archive knows them. */
export const DISSENT_FIELDS = [
  requiredReference('decision_id', 'decision'),
  reference('person_id', 'person', { approved: true, file: entityId('Personens id').nullable() }),
  line('name', { approved: true, file: fileText('Navnet', LIMITS.name) }),
  line('role', { approved: true, file: fileText('Rollen', LIMITS.name) }),
  text('text', { approved: true, file: requiredText('Dissensen', LIMITS.longText, 'many') }),
  flag('minority_statement', { approved: true, file: yesNo('Mindretalsudtalelse') }),
] as const;

export const PARTICIPANT_FIELDS = [
  requiredReference('person_id', 'person', { file: entityId('Personen') }),
  line('role', { file: requiredText('Rollen', LIMITS.name) }),
  oneOf('attendance', ['deltager', 'afbud'], 'deltager', { file: fileOneOf(['deltager', 'afbud'], 'Fremmødet') }),
  flag('facilitator', { file: yesNo('Facilitator') }),
  flag('referent', { file: yesNo('Referent') }),
] as const;

export const CHECKOUT_FIELDS = [
  whole('question_index', 0, { file: count('Spørgsmålets nummer', 0) }),
  line('question', { file: fileText('Spørgsmålet', LIMITS.shortText) }),
  oneOf('answer', SCALE, 'ved_ikke', { file: fileOneOf(SCALE, 'Svaret') }),
  whole('count', 0, { file: count('Antallet', 0) }),
] as const;

export const REFERAT_VERSION_FIELDS = [
  whole('version', 1, { file: count('Versionsnummeret', 1) }),
  oneOf('status', ['udkast', 'godkendt'], 'udkast', { file: fileOneOf(['udkast', 'godkendt'], 'Referatets status') }),
  line('change_note', { file: fileText('Begrundelsen for versionen', LIMITS.shortText, 'many') }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
  optionalLine('approved_at', { file: instant('Godkendelsestidspunktet').nullable() }),
  // The archive keeps the changes as JSON text; the file as a list.
  line('changes', { file: list('Ændringerne', fileText('Ændringen', 100_000, 'many')) }),
  /** The meeting as the approved version showed it, as the JSON text the archive keeps; null for a draft. */
  optionalLine('snapshot', { file: fileText('Det låste referat', 50 * 1024 * 1024).nullable() }),
  // Which changes concern closed items: the archive works it out again from the changes and the items.
  line('closed_changes'),
] as const;

export const APPROVAL_FIELDS = [
  requiredReference('version_id', 'referat_version'),
  requiredReference('person_id', 'person', { file: entityId('Personen') }),
  line('role', { file: requiredText('Rollen', LIMITS.name) }),
  line('approved_at', { file: instant('Godkendelsestidspunktet') }),
] as const;

export const ACTION_FIELDS = [
  oneOf('term', TERMS, 'kort', { file: fileOneOf(TERMS, 'Handlingens sigt') }),
  line('what', { approved: true, file: requiredText('Hvad', LIMITS.shortText) }),
  line('who', { approved: true, file: requiredText('Hvem', LIMITS.name) }),
  optionalLine('due', { approved: true, file: localDate('Fristen').nullable() }),
  oneOf('status', ACTION_STATUSES, 'aaben', { file: fileOneOf(ACTION_STATUSES, 'Handlingens status') }),
  line('created_at', { file: instant('Oprettelsestidspunktet') }),
  /** Why it was dropped; null unless the status is droppet (formatversion 2). */
  optionalLine('drop_reason', { file: fileText('Begrundelsen for at droppe handlingen', LIMITS.shortText, 'many').nullable() }),
  /** The action it was split from (formatversion 2). */
  reference('parent_action_id', 'action', { file: entityId('Handlingen, den er delt fra').nullable() }),
  /**
   * Agreed under a closed item, or split from such an action (formatversion 4). It stays closed after the
   * item is removed, so the flag travels with the action instead of being read off its item.
   */
  flag('confidential', { file: yesNo('Handling fra et lukket punkt') }),
  /** A meeting's action names its item, or none; a forum's own action has no item. */
  reference('item_id', 'agenda_item', { file: entityId('Punktet').nullable() }),
  reference('meeting_id', 'meeting'),
] as const;

/** A dated status update between meetings (formatversion 2). */
export const ACTION_NOTE_FIELDS = [
  requiredReference('action_id', 'action'),
  text('note', { file: fileText('Noten', LIMITS.shortText, 'many') }),
  oneOf('status_from', ACTION_STATUSES, 'aaben', { file: fileOneOf(ACTION_STATUSES, 'Status før') }),
  oneOf('status_to', ACTION_STATUSES, 'aaben', { file: fileOneOf(ACTION_STATUSES, 'Status efter') }),
  line('created_at', { file: instant('Tidspunktet for noten') }),
  /** The meeting it was written in under «Opfølgning fra sidst»; null between meetings (formatversion 5). */
  reference('meeting_id', 'meeting', { file: entityId('Mødet, noten blev skrevet på').nullable() }),
  /** Whether the problem was løst or ikke løst when followed up; null when the note says nothing of it (formatversion 5). */
  oneOf('resolution', PROBLEM_RESOLUTIONS, null, { file: fileOneOf(PROBLEM_RESOLUTIONS, 'Løst eller ikke løst').nullable() }),
] as const;

/**
 * A member's comment or question on an item before the meeting (migration 022). The author's comment alone:
 * nobody else edits it, so a last-write-wins text would do; `text` merges anyway, as all free text does. In
 * the exchange file under its item (formatversion 6), so a hand-over keeps the room's preparation; the author
 * stays empty where the archive does not know the person.
 */
export const COMMENT_FIELDS = [
  requiredReference('item_id', 'agenda_item'),
  reference('author_id', 'person', { file: entityId('Forfatteren').nullable() }),
  oneOf('kind', COMMENT_KINDS, 'kommentar', { file: fileOneOf(COMMENT_KINDS, 'Kommentarens art') }),
  text('text', { file: requiredText('Kommentaren', LIMITS.longText, 'many') }),
  line('created_at', { file: instant('Tidspunktet for kommentaren') }),
  line('changed_at', { file: instant('Tidspunktet for seneste rettelse') }),
  optionalLine('answered_at', { file: instant('Tidspunktet, spørgsmålet blev besvaret').nullable() }),
] as const;
