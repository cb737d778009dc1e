import { z } from 'zod';
import { ACTION_STATUSES, PROBLEM_RESOLUTIONS } from '../domain/actions';
import { SCALE } from '../domain/checkout';
import { COLOUR_KEYS, type ColourShape } from '../domain/colours';
import { PROCESS_KINDS } from '../domain/prompts';
import {
  cadence,
  colourKey,
  entityId,
  forumKind,
  itemType,
  localDate,
  localDateTime,
  month,
  requiredText,
  textRules,
  wholeMinutes,
} from '../api/fields';
import { LIMITS } from '../api/limits';
import { normaliseLineEnds, quoteForMessage, type TextLines } from '../api/text';
import { wholeNumber } from '../wholeNumber';

/**
 * The exchange file ("udvekslingsfil"): one meeting, one forum with its meetings, or the whole archive
 * as JSON, for a successor or for moving meetings between laptops. Documented in docs/udveksling.md;
 * docs/udveksling.schema.json is generated from these schemas (a test keeps the two equal).
 *
 * Every field is required and written in a fixed order, and the file holds no export time, so
 * exporting, importing and exporting again gives the same bytes. Ids are the archive's own, so an
 * import finds the rows it wrote before. formatVersion goes up on any change an older Samtalerum
 * could not read without losing something, including a new field.
 */
export const EXCHANGE_FORMAT = 'samtalerum-udveksling';
export const EXCHANGE_FORMAT_VERSION = 5;
export const EXCHANGE_SCOPES = ['moede', 'forum', 'arkiv'] as const;
export type ExchangeScope = (typeof EXCHANGE_SCOPES)[number];

const COLOUR_SHAPES = ['trekant', 'ruder', 'cirkel', 'firkant'] as const satisfies readonly ColourShape[];

// ---------------------------------------------------------------------------------------------
// Field helpers for the file. Unlike form input, optional text has no default: the file states every value.

/** The same text rules as form input (shared/api/text.ts); `lines` as the field has in the form. */
function text(label: string, max: number, lines: TextLines = 'one') {
  return z
    .string({ error: `${label} skal være tekst.` })
    .overwrite((value) => normaliseLineEnds(value, lines))
    .superRefine(textRules(label, lines))
    .max(max, { error: `${label} må højst være ${wholeNumber(max)} tegn.` });
}

/** An instant as the archive stores it (ISO 8601, e.g. 2026-12-01T13:00:00.000Z). */
function instant(label: string) {
  return z.iso.datetime({ offset: true, error: `${label} skal være et tidspunkt som 2026-12-01T13:00:00.000Z.` });
}

function yesNo(label: string) {
  return z.boolean({ error: `${label} skal være true eller false.` });
}

function count(label: string, min: number) {
  return z
    .number({ error: `${label} skal være et tal.` })
    .int({ error: `${label} skal være et helt tal.` })
    .min(min, { error: `${label} skal være mindst ${min}.` });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `${label} skal være en af: ${values.join(', ')}.` });
}

function list<T extends z.ZodType>(label: string, item: T) {
  return z.array(item, { error: `${label} skal være en liste.` });
}

/** Objects reject unknown fields: a field this version does not know would otherwise be lost silently. */
function record<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, { error: objectError });
}

function objectError(issue: { code?: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `Ukendt felt: ${issue.keys.slice(0, 5).map((key) => quoteForMessage(key)).join(', ')}${issue.keys.length > 5 ? ' m.fl' : ''}. Filen er måske lavet af en anden version af Samtalerum.`;
  }
  return 'Skal være et objekt med de rigtige felter.';
}

const hex = (label: string) =>
  z.string({ error: `${label} skal være tekst.` }).regex(/^#[0-9A-Fa-f]{6}$/, { error: `${label} skal være en farvekode som #C62828.` });

// ---------------------------------------------------------------------------------------------

export const exchangeItemType = record({
  key: itemType,
  label: requiredText('Punkttypens navn', 40),
  createdAt: instant('Oprettelsestidspunktet'),
});

export const exchangePerson = record({
  id: entityId('Personens id'),
  name: requiredText('Personens navn', LIMITS.name),
  createdAt: instant('Oprettelsestidspunktet'),
});

export const exchangeColour = record({
  key: colourKey,
  label: requiredText('Farvens navn', 30),
  code: z.string({ error: 'Koden skal være tekst.' }).regex(/^\p{L}{2}$/u, { error: 'Koden skal være præcis to bogstaver, fx GU.' }),
  shape: oneOf(COLOUR_SHAPES, 'Figuren'),
  meaning: requiredText('Farvens betydning', LIMITS.shortText, 'many'),
  hex: hex('Farven'),
  textHex: hex('Tekstfarven'),
});

export const exchangeGroundRules = record({
  version: count('Versionsnummeret', 1),
  text: text('Spillereglerne', LIMITS.longText, 'many'),
  note: text('Begrundelsen for ændringen', LIMITS.shortText, 'many'),
  changedAt: instant('Ændringstidspunktet'),
});

export const exchangeMember = record({
  id: entityId('Rollens id'),
  personId: entityId('Personen'),
  role: requiredText('Rollen', LIMITS.name),
  fromDate: localDate('Fra-datoen'),
  toDate: localDate('Til-datoen').nullable(),
  agendaOwner: yesNo('Dagsordensejer'),
  chair: yesNo('Mødeleder'),
});

export const exchangeTheme = record({
  id: entityId('Temaets id'),
  month: month('Måneden'),
  title: requiredText('Temaet', LIMITS.title),
});

/** A dated status update between meetings (formatversion 2). */
export const exchangeActionNote = record({
  id: entityId('Notens id'),
  note: text('Noten', LIMITS.shortText, 'many'),
  statusFrom: oneOf(ACTION_STATUSES, 'Status før'),
  statusTo: oneOf(ACTION_STATUSES, 'Status efter'),
  createdAt: instant('Tidspunktet for noten'),
  /** The meeting it was written in under «Opfølgning fra sidst»; null between meetings (formatversion 5). */
  meetingId: entityId('Mødet, noten blev skrevet på').nullable(),
  /** Whether the problem was løst or ikke løst when followed up; null when the note says nothing of it (formatversion 5). */
  resolution: oneOf(PROBLEM_RESOLUTIONS, 'Løst eller ikke løst').nullable(),
});

const actionFields = {
  id: entityId('Handlingens id'),
  term: oneOf(['kort', 'lang'], 'Handlingens sigt'),
  what: requiredText('Hvad', LIMITS.shortText),
  who: requiredText('Hvem', LIMITS.name),
  due: localDate('Fristen').nullable(),
  status: oneOf(ACTION_STATUSES, 'Handlingens status'),
  createdAt: instant('Oprettelsestidspunktet'),
  /** Why it was dropped; null unless the status is droppet (formatversion 2). */
  dropReason: text('Begrundelsen for at droppe handlingen', LIMITS.shortText, 'many').nullable(),
  /** The action it was split from (formatversion 2). */
  parentActionId: entityId('Handlingen, den er delt fra').nullable(),
  /** Status updates between meetings, oldest first (formatversion 2). */
  notes: list('Noterne', exchangeActionNote),
  /**
   * Agreed under a closed item, or split from such an action (formatversion 4). It stays closed after the
   * item is removed, so the flag travels with the action instead of being read off its item.
   */
  confidential: yesNo('Handling fra et lukket punkt'),
};

/** An action whose meeting no longer exists; it stays with the forum. */
export const exchangeForumAction = record(actionFields);

/** An action agreed in a meeting, on one of its items or on none. */
export const exchangeMeetingAction = record({ ...actionFields, itemId: entityId('Punktet').nullable() });

export const exchangeCycle = record({
  name: requiredText('Cyklens navn', LIMITS.name),
  phases: list(
    'Faserne',
    record({ title: requiredText('Fasens titel', LIMITS.title), hint: text('Fasens hjælpetekst', LIMITS.shortText, 'many') }),
  ),
});

export const exchangeForum = record({
  id: entityId('Forummets id'),
  kind: forumKind,
  name: requiredText('Forummets navn', LIMITS.name),
  school: requiredText('Skole eller kommune', LIMITS.name),
  purpose: text('Formål', LIMITS.longText, 'many'),
  mandate: text('Kommissorium', LIMITS.longText, 'many'),
  understanding: text('Forståelsespapir', LIMITS.longText, 'many'),
  cadence,
  defaultMinutes: wholeMinutes('Mødernes længde', LIMITS.meetingMinutes),
  defaultPlace: text('Fast mødested', LIMITS.name),
  requireActionDue: yesNo('Frist på alle handlinger'),
  demo: yesNo('Demo'),
  /** The forum's own multi-phase cycle; null when it uses the default. */
  cycle: exchangeCycle.nullable(),
  createdAt: instant('Oprettelsestidspunktet'),
  colours: list('Farverne', exchangeColour),
  groundRules: list('Spillereglerne', exchangeGroundRules),
  members: list('Rollerne', exchangeMember),
  themes: list('Temaerne', exchangeTheme),
  actions: list('Handlingerne', exchangeForumAction),
});

/** Dissent as records of their own (formatversion 5); the person is kept only when the archive knows them. */
export const exchangeDissent = record({
  id: entityId('Dissensens id'),
  personId: entityId('Personens id').nullable(),
  name: text('Navnet', LIMITS.name),
  role: text('Rollen', LIMITS.name),
  text: requiredText('Dissensen', LIMITS.longText, 'many'),
  minorityStatement: yesNo('Mindretalsudtalelse'),
});

export const exchangeDecision = record({
  id: entityId('Beslutningens id'),
  outcome: oneOf(['beslutning', 'afklaring_uden_enighed'], 'Udfaldet'),
  colour: colourKey,
  colourReason: text('Begrundelsen for farveskiftet', LIMITS.shortText, 'many'),
  text: requiredText('Beslutningen', LIMITS.longText, 'many'),
  decidedBy: text('Hvem beslutter', LIMITS.name),
  dissents: list('Dissenserne', exchangeDissent),
  involveContext: text('Sammenhængen', LIMITS.longText, 'many'),
  involveNeed: text('Behovet for en beslutning', LIMITS.longText, 'many'),
  involveHow: text('Hvordan andre blev inddraget', LIMITS.longText, 'many'),
  explainReasoning: text('Mellemregningerne', LIMITS.longText, 'many'),
  explainCompromises: text('Kompromiserne', LIMITS.longText, 'many'),
  explainConstraints: text('Bindingerne', LIMITS.longText, 'many'),
  expectGiven: text('Det givne', LIMITS.longText, 'many'),
  expectOpen: text('Det der er til diskussion', LIMITS.longText, 'many'),
  expectOfWhom: text('Forventningerne til hvem', LIMITS.longText, 'many'),
  recordedAt: instant('Tidspunktet for beslutningen'),
  finalAt: instant('Tidspunktet for genlæsningen').nullable(),
});

export const exchangeItem = record({
  id: entityId('Punktets id'),
  position: count('Punktets nummer', 1),
  title: requiredText('Punktets titel', LIMITS.title),
  type: itemType,
  // Minutes borrowed during the meeting may take an item past the limit for planning it.
  minutes: wholeMinutes('Punktets tidsramme', 24 * 60),
  announcedColour: colourKey.nullable(),
  owner: text('Ansvarlig', LIMITS.name),
  background: text('Baggrund', LIMITS.longText, 'many'),
  // Files from before items announced them have neither: nothing was announced.
  announcedGiven: text('Det givne', LIMITS.longText, 'many').default(''),
  announcedOpen: text('Det, der er til diskussion', LIMITS.longText, 'many').default(''),
  confidential: yesNo('Lukket punkt'),
  sensitive: yesNo('Kræver forvarsel'),
  forvarselAt: instant('Tidspunktet for forvarslet').nullable(),
  forvarselNote: text('Noten om forvarslet', LIMITS.shortText, 'many'),
  addedLate: yesNo('Tilføjet sent'),
  consentBy: text('Hvem gav samtykke', LIMITS.name),
  consentAt: instant('Tidspunktet for samtykket').nullable(),
  notes: text('Noterne', LIMITS.longText, 'many'),
  process: oneOf(PROCESS_KINDS, 'Processen').nullable(),
  roundDone: list('Runden', entityId('Personen i runden')),
  cyclePhase: count('Cyklens fase', 0),
  timerElapsed: count('Den brugte tid i sekunder', 0),
  timerStartedAt: instant('Tidspunktet uret blev startet').nullable(),
  runState: oneOf(['kommende', 'igang', 'faerdig', 'parkeret', 'handling'], 'Punktets tilstand'),
  carriedFromItemId: entityId('Punktet det er flyttet fra').nullable(),
  /** The sag the item is part of, one of the file's sager (formatversion 3). */
  sagId: entityId('Sagen').nullable(),
  decision: exchangeDecision.nullable(),
});

/** A matter followed across meetings and forums; its items name it by id (formatversion 3). */
export const exchangeSag = record({
  id: entityId('Sagens id'),
  title: requiredText('Sagens titel', LIMITS.title),
  createdAt: instant('Oprettelsestidspunktet'),
});

export const exchangeParticipant = record({
  personId: entityId('Personen'),
  role: requiredText('Rollen', LIMITS.name),
  attendance: oneOf(['deltager', 'afbud'], 'Fremmødet'),
  facilitator: yesNo('Facilitator'),
  referent: yesNo('Referent'),
  position: count('Pladsen på listen', 0),
});

export const exchangeCheckoutTally = record({
  questionIndex: count('Spørgsmålets nummer', 0),
  question: text('Spørgsmålet', LIMITS.shortText),
  answer: oneOf(SCALE, 'Svaret'),
  count: count('Antallet', 0),
});

export const exchangeApproval = record({
  personId: entityId('Personen'),
  role: requiredText('Rollen', LIMITS.name),
  approvedAt: instant('Godkendelsestidspunktet'),
});

export const exchangeReferatVersion = record({
  id: entityId('Referatversionens id'),
  version: count('Versionsnummeret', 1),
  status: oneOf(['udkast', 'godkendt'], 'Referatets status'),
  changeNote: text('Begrundelsen for versionen', LIMITS.shortText, 'many'),
  createdAt: instant('Oprettelsestidspunktet'),
  approvedAt: instant('Godkendelsestidspunktet').nullable(),
  changes: list('Ændringerne', text('Ændringen', 100_000, 'many')),
  /** The meeting as the approved version showed it, as the JSON text the archive keeps; null for a draft. */
  snapshot: text('Det låste referat', 50 * 1024 * 1024).nullable(),
  approvals: list('Godkendelserne', exchangeApproval),
});

export const exchangeMeeting = record({
  id: entityId('Mødets id'),
  forumId: entityId('Forummet'),
  title: requiredText('Mødets titel', LIMITS.title),
  startsAt: localDateTime('Mødets tidspunkt'),
  durationMinutes: wholeMinutes('Mødets længde', LIMITS.meetingMinutes),
  place: text('Sted', LIMITS.name),
  purpose: text('Mødets formål', LIMITS.longText, 'many'),
  status: oneOf(['planlagt', 'afholdt'], 'Mødets status'),
  agendaSentAt: instant('Tidspunktet dagsordenen blev sendt').nullable(),
  createdAt: instant('Oprettelsestidspunktet'),
  run: record({
    phase: oneOf(['ikke_startet', 'saet_scenen', 'punkt', 'checkout', 'afsluttet'], 'Mødets fase'),
    currentItemId: entityId('Det aktuelle punkt').nullable(),
    presenterConfidential: yesNo('Vis lukkede punkter på skærmen'),
    readbackItemId: entityId('Punktet der genlæses').nullable(),
  }),
  participants: list('Deltagerne', exchangeParticipant),
  items: list('Punkterne', exchangeItem),
  actions: list('Handlingerne', exchangeMeetingAction),
  checkout: list('Check-out', exchangeCheckoutTally),
  referat: list('Referatversionerne', exchangeReferatVersion),
});

const fileShape = record({
  format: z.literal(EXCHANGE_FORMAT, { error: `Filen er ikke en udvekslingsfil fra Samtalerum (format skal være «${EXCHANGE_FORMAT}»).` }),
  formatVersion: z.literal(EXCHANGE_FORMAT_VERSION, { error: `Formatversionen skal være ${EXCHANGE_FORMAT_VERSION}.` }),
  scope: oneOf(EXCHANGE_SCOPES, 'Omfanget'),
  /** The users' own agenda item types the file uses (the built-in ones are never listed). */
  itemTypes: list('Punkttyperne', exchangeItemType),
  persons: list('Personerne', exchangePerson),
  forums: list('Forummerne', exchangeForum),
  meetings: list('Møderne', exchangeMeeting),
  /** The sager the file's items are part of (formatversion 3). */
  sager: list('Sagerne', exchangeSag),
});

export const exchangeFile = fileShape
  .superRefine(checkInsideFile)
  .meta({
    title: 'Samtalerum udvekslingsfil',
    description:
      'Et møde, et forum med dets møder eller hele arkivet fra Samtalerum. Se docs/udveksling.md. ' +
      'formatVersion stiger ved enhver ændring, som en ældre version af Samtalerum ikke kan læse.',
  });

export type ExchangeFile = z.output<typeof fileShape>;
export type ExchangeForum = ExchangeFile['forums'][number];
export type ExchangeMeeting = ExchangeFile['meetings'][number];
export type ExchangeItem = ExchangeMeeting['items'][number];

// ---------------------------------------------------------------------------------------------
// What the schemas cannot say field by field: ids are unique, numbers within a meeting do not
// repeat, and a meeting's references to items point inside the meeting.

type Path = (string | number)[];

function checkInsideFile(file: ExchangeFile, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
  const firstSeen = new Map<string, Map<string, Path>>();
  /** Ids are unique across the file per kind of row, as they are in the archive. The place is named only for a repeat. */
  const unique = (kind: string, id: string, path: Path, what: string) => {
    let ofKind = firstSeen.get(kind);
    if (ofKind === undefined) firstSeen.set(kind, (ofKind = new Map()));
    const earlier = ofKind.get(id);
    if (earlier === undefined) ofKind.set(id, path);
    else issue(path, `${what} står to gange i filen (også ved ${describePath(earlier)}).`);
  };
  const labels = new Map<string, number>();
  file.itemTypes.forEach((t, i) => {
    unique('itemType', t.key, ['itemTypes', i, 'key'], `Punkttypen «${t.key}»`);
    const folded = asciiFold(t.label);
    if (labels.has(folded)) issue(['itemTypes', i, 'label'], `Punkttypen «${t.label}» står to gange i filen.`);
    labels.set(folded, i);
  });
  file.persons.forEach((p, i) => unique('person', p.id, ['persons', i, 'id'], `Personen «${p.name}»`));
  const names = new Set<string>();
  file.forums.forEach((f, i) => {
    const at = (...rest: Path): Path => ['forums', i, ...rest];
    unique('forum', f.id, at('id'), `Forummet «${f.name}»`);
    const nameKey = `${asciiFold(f.name)}\u0000${asciiFold(f.school)}`;
    if (names.has(nameKey)) issue(at('name'), `Der står to forummer med navnet «${f.name}» på ${f.school} i filen.`);
    names.add(nameKey);
    const colours = f.colours.map((c) => c.key);
    f.colours.forEach((c, j) => {
      if (colours.indexOf(c.key) !== j) issue(at('colours', j, 'key'), `Farven ${c.key} står to gange i forummet.`);
    });
    const missing = COLOUR_KEYS.filter((key) => !colours.includes(key));
    if (missing.length > 0) issue(at('colours'), `Forummet mangler farverne ${missing.join(', ')}.`);
    const versions = new Set<number>();
    f.groundRules.forEach((g, j) => {
      if (versions.has(g.version)) issue(at('groundRules', j, 'version'), `Spilleregler version ${g.version} står to gange i forummet.`);
      versions.add(g.version);
    });
    f.members.forEach((m, j) => {
      unique('member', m.id, at('members', j, 'id'), 'Rollen');
      if (m.toDate !== null && m.toDate < m.fromDate) issue(at('members', j, 'toDate'), 'Til-datoen ligger før fra-datoen.');
    });
    f.themes.forEach((t, j) => unique('theme', t.id, at('themes', j, 'id'), `Temaet «${t.title}»`));
    f.actions.forEach((a, j) => {
      unique('action', a.id, at('actions', j, 'id'), `Handlingen «${a.what}»`);
      checkAction(a, at('actions', j), issue, unique);
    });
  });
  file.meetings.forEach((m, i) => checkMeeting(m, ['meetings', i], issue, unique));
  checkSager(file, issue, unique);
}

/** Every sag an item names is in the file, and every sag in the file has an item in it. */
function checkSager(
  file: ExchangeFile,
  issue: (path: Path, message: string) => void,
  unique: (kind: string, id: string, path: Path, what: string) => void,
): void {
  const sagIds = new Set(file.sager.map((sag) => sag.id));
  const used = new Set<string>();
  file.meetings.forEach((m, i) =>
    m.items.forEach((item, j) => {
      if (item.sagId === null) return;
      used.add(item.sagId);
      if (!sagIds.has(item.sagId)) issue(['meetings', i, 'items', j, 'sagId'], 'Sagen findes ikke blandt filens sager.');
    }),
  );
  file.sager.forEach((sag, i) => {
    unique('sag', sag.id, ['sager', i, 'id'], `Sagen «${sag.title}»`);
    if (!used.has(sag.id)) issue(['sager', i, 'id'], `Sagen «${sag.title}» bruges ikke af noget punkt i filen.`);
  });
}

function checkMeeting(
  m: ExchangeMeeting,
  base: Path,
  issue: (path: Path, message: string) => void,
  unique: (kind: string, id: string, path: Path, what: string) => void,
): void {
  const at = (...rest: Path): Path => [...base, ...rest];
  unique('meeting', m.id, at('id'), `Mødet «${m.title}»`);
  const itemIds = new Set(m.items.map((item) => item.id));
  const positions = new Set<number>();
  m.items.forEach((item, j) => {
    unique('item', item.id, at('items', j, 'id'), `Punktet «${item.title}»`);
    if (positions.has(item.position)) issue(at('items', j, 'position'), `Punkt nummer ${item.position} står to gange i mødet.`);
    positions.add(item.position);
    if (item.decision) unique('decision', item.decision.id, at('items', j, 'decision', 'id'), 'Beslutningen');
  });
  for (const field of ['currentItemId', 'readbackItemId'] as const) {
    const ref = m.run[field];
    if (ref !== null && !itemIds.has(ref)) issue(at('run', field), 'Punktet findes ikke blandt mødets punkter.');
  }
  const people = new Set<string>();
  m.participants.forEach((p, j) => {
    if (people.has(p.personId)) issue(at('participants', j, 'personId'), 'Personen står to gange blandt deltagerne.');
    people.add(p.personId);
  });
  m.actions.forEach((a, j) => {
    unique('action', a.id, at('actions', j, 'id'), `Handlingen «${a.what}»`);
    checkAction(a, at('actions', j), issue, unique);
    if (a.itemId !== null && !itemIds.has(a.itemId)) issue(at('actions', j, 'itemId'), 'Punktet findes ikke blandt mødets punkter.');
  });
  const answers = new Set<string>();
  m.checkout.forEach((t, j) => {
    const key = `${t.questionIndex}:${t.answer}`;
    if (answers.has(key)) issue(at('checkout', j, 'answer'), `Svaret ${t.answer} på spørgsmål ${t.questionIndex} står to gange.`);
    answers.add(key);
  });
  const numbers = new Set<number>();
  m.referat.forEach((v, j) => {
    unique('referat', v.id, at('referat', j, 'id'), `Referatversion ${v.version}`);
    if (numbers.has(v.version)) issue(at('referat', j, 'version'), `Referatversion ${v.version} står to gange i mødet.`);
    numbers.add(v.version);
    const approvers = new Set<string>();
    v.approvals.forEach((a, k) => {
      if (approvers.has(a.personId)) issue(at('referat', j, 'approvals', k, 'personId'), 'Personen har godkendt versionen to gange.');
      approvers.add(a.personId);
    });
  });
}

function checkAction(
  a: ExchangeForum['actions'][number],
  at: Path,
  issue: (path: Path, message: string) => void,
  unique: (kind: string, id: string, path: Path, what: string) => void,
): void {
  if (a.status === 'droppet' && (a.dropReason ?? '').trim() === '') {
    issue([...at, 'dropReason'], 'En droppet handling skal have en begrundelse.');
  }
  a.notes.forEach((n, k) => unique('actionNote', n.id, [...at, 'notes', k, 'id'], 'Noten'));
}

/** SQLite's NOCASE folds ASCII letters only; uniqueness in the file is checked the same way. */
function asciiFold(value: string): string {
  return value.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

// ---------------------------------------------------------------------------------------------

/** "meetings[2].items[0].title": how a place in the file is named in messages. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/** The same place as a dotted path ("meetings.2.items.0.title"), like every other field in an error envelope. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The file's text: two-space indentation and a final newline, so equal content gives equal bytes. */
export function serializeExchange(file: ExchangeFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ExchangeParse = { ok: true; file: ExchangeFile } | { ok: false; message: string; field?: string };

const danishLocale = z.locales.da().localeError;

/**
 * Reads a parsed JSON value as an exchange file. The format and version are checked first, so a
 * file from a newer Samtalerum gets that message rather than a list of fields it does not know.
 * Any problem gives one Danish sentence that says where in the file it is.
 */
export function parseExchange(input: unknown): ExchangeParse {
  const header = checkHeader(input);
  if (header) return header;
  const raw = upgradeFromVersion4(upgradeFromVersion3(upgradeFromVersion2(upgradeFromVersion1(input))));
  const parsed = exchangeFile.safeParse(raw, { error: danishLocale });
  if (parsed.success) return { ok: true, file: parsed.data };
  const first = parsed.error.issues[0];
  if (!first) return { ok: false, message: 'Filen kunne ikke læses som en udvekslingsfil.' };
  // A field left out gets the schema's "skal være tekst"; saying that it is missing is clearer.
  const missing = first.code === 'invalid_type' && valueAt(raw, first.path) === undefined;
  return fieldProblem(raw, first.path, missing ? 'Feltet mangler.' : first.message);
}

/** One message for a problem at a place in the file, with what the place is about in words when known. */
export function fieldProblem(raw: unknown, path: readonly PropertyKey[], message: string): { ok: false; message: string; field?: string } {
  const where = describePath(path);
  const about = locate(raw, path);
  const sentence = message.endsWith('.') ? message : `${message}.`;
  const text = `${where === '' ? '' : `${where}: `}${sentence}${about ? ` Det drejer sig om ${about}.` : ''} Intet blev indlæst.`;
  return where === '' ? { ok: false, message: text } : { ok: false, message: text, field: dottedPath(path) };
}

function checkHeader(raw: unknown): ExchangeParse | null {
  if (!isObject(raw)) return { ok: false, message: 'Filen er ikke en udvekslingsfil fra Samtalerum. Intet blev indlæst.' };
  if (raw['format'] !== EXCHANGE_FORMAT) {
    return {
      ok: false,
      message: `Filen er ikke en udvekslingsfil fra Samtalerum: feltet format skal være «${EXCHANGE_FORMAT}». Intet blev indlæst.`,
      field: 'format',
    };
  }
  const version = raw['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'Filens formatversion mangler eller er ugyldig. Intet blev indlæst.', field: 'formatVersion' };
  }
  if (version > EXCHANGE_FORMAT_VERSION) {
    return {
      ok: false,
      message:
        `Filen er lavet af en nyere version af Samtalerum (formatversion ${version}); denne version kan læse formatversion ${EXCHANGE_FORMAT_VERSION}. ` +
        'Opdater Samtalerum, og prøv igen. Intet blev indlæst.',
      field: 'formatVersion',
    };
  }
  return null;
}

/**
 * Formatversion 1 knew two action statuses and no drop reasons, splits or notes; such a file is read as
 * version 2 with those fields empty. Anything else in it is checked as usual.
 */
function upgradeFromVersion1(raw: unknown): unknown {
  if (!isObject(raw) || raw['formatVersion'] !== 1) return raw;
  const upgradeActions = (owner: unknown) => {
    if (!isObject(owner) || !Array.isArray(owner['actions'])) return owner;
    const actions = owner['actions'].map((a: unknown) =>
      isObject(a) && !('notes' in a) ? { ...a, dropReason: null, parentActionId: null, notes: [] } : a,
    );
    return { ...owner, actions };
  };
  return {
    ...raw,
    formatVersion: 2,
    forums: Array.isArray(raw['forums']) ? raw['forums'].map(upgradeActions) : raw['forums'],
    meetings: Array.isArray(raw['meetings']) ? raw['meetings'].map(upgradeActions) : raw['meetings'],
  };
}

/** Formatversion 2 knew no sager; such a file is read as version 3 with every item outside a sag. */
function upgradeFromVersion2(raw: unknown): unknown {
  if (!isObject(raw) || raw['formatVersion'] !== 2) return raw;
  const upgradeItems = (meeting: unknown) => {
    if (!isObject(meeting) || !Array.isArray(meeting['items'])) return meeting;
    const items = meeting['items'].map((item: unknown) => (isObject(item) && !('sagId' in item) ? { ...item, sagId: null } : item));
    return { ...meeting, items };
  };
  return {
    ...raw,
    formatVersion: 3,
    meetings: Array.isArray(raw['meetings']) ? raw['meetings'].map(upgradeItems) : raw['meetings'],
    sager: [],
  };
}

/**
 * Formatversion 3 did not carry an action's own confidentiality; such a file is read as version 4 with every
 * action open, and the archive marks an action closed when its item in the archive is (migration 009's trigger).
 * An import never opens an action the archive already holds as closed.
 */
function upgradeFromVersion3(raw: unknown): unknown {
  if (!isObject(raw) || raw['formatVersion'] !== 3) return raw;
  const upgradeActions = (owner: unknown) => {
    if (!isObject(owner) || !Array.isArray(owner['actions'])) return owner;
    const actions = owner['actions'].map((a: unknown) => (isObject(a) && !('confidential' in a) ? { ...a, confidential: false } : a));
    return { ...owner, actions };
  };
  return {
    ...raw,
    formatVersion: 4,
    forums: Array.isArray(raw['forums']) ? raw['forums'].map(upgradeActions) : raw['forums'],
    meetings: Array.isArray(raw['meetings']) ? raw['meetings'].map(upgradeActions) : raw['meetings'],
  };
}

/**
 * Formatversion 4 is read as version 5:
 * - it did not say in which meeting an action's note was written, nor whether the problem was løst: every
 *   note reads as written between meetings and saying neither;
 * - it wrote dissent as one free text per decision: that text, word for word, becomes one record naming no
 *   one (as migration 015 does in the archive). The record's id comes from the decision's, so importing the
 *   same file twice finds the same record.
 */
function upgradeFromVersion4(raw: unknown): unknown {
  if (!isObject(raw) || raw['formatVersion'] !== 4) return raw;
  const upgradeNote = (n: unknown) => (isObject(n) && !('resolution' in n) ? { ...n, meetingId: null, resolution: null } : n);
  const upgradeActions = (owner: unknown) => {
    if (!isObject(owner) || !Array.isArray(owner['actions'])) return owner;
    const actions = owner['actions'].map((a: unknown) =>
      isObject(a) && Array.isArray(a['notes']) ? { ...a, notes: a['notes'].map(upgradeNote) } : a,
    );
    return { ...owner, actions };
  };
  const upgradeDecision = (decision: unknown) => {
    if (!isObject(decision) || typeof decision['dissent'] !== 'string' || 'dissents' in decision) return decision;
    const { dissent, ...rest } = decision;
    const id = typeof rest['id'] === 'string' ? rest['id'] : '';
    const dissents = dissent.trim() === '' ? [] : [{ id: dissentIdFrom(id), personId: null, name: '', role: '', text: dissent, minorityStatement: false }];
    return { ...rest, dissents };
  };
  const upgradeMeeting = (meeting: unknown) => {
    const withActions = upgradeActions(meeting);
    if (!isObject(withActions) || !Array.isArray(withActions['items'])) return withActions;
    const items = withActions['items'].map((item: unknown) => (isObject(item) ? { ...item, decision: upgradeDecision(item['decision']) } : item));
    return { ...withActions, items };
  };
  return {
    ...raw,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    forums: Array.isArray(raw['forums']) ? raw['forums'].map(upgradeActions) : raw['forums'],
    meetings: Array.isArray(raw['meetings']) ? raw['meetings'].map(upgradeMeeting) : raw['meetings'],
  };
}

/** A stable id for the one dissent record made from a decision's old free text: the decision's id with its last digit turned. */
function dissentIdFrom(decisionId: string): string {
  const last = decisionId.at(-1);
  if (last === undefined) return decisionId;
  const turned = ((Number.parseInt(last, 16) + 1) % 16).toString(16);
  return `${decisionId.slice(0, -1)}${turned}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: unknown, key: PropertyKey | undefined): unknown {
  if (isObject(node) && typeof key === 'string') return node[key];
  if (Array.isArray(node) && typeof key === 'number') return node[key];
  return undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(child, raw);
}

const NAMED: Record<string, { what: string; numbered: string; name: string }> = {
  forums: { what: 'forummet', numbered: 'forum', name: 'name' },
  meetings: { what: 'mødet', numbered: 'møde', name: 'title' },
  items: { what: 'punktet', numbered: 'punkt', name: 'title' },
  persons: { what: 'personen', numbered: 'person', name: 'name' },
  sager: { what: 'sagen', numbered: 'sag', name: 'title' },
};

/** Names the forum, meeting, item or person a path points into, read from the raw file. */
function locate(raw: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  path.forEach((key, i) => {
    node = child(node, key);
    const kind = NAMED[String(path[i - 1])];
    if (typeof key !== 'number' || !kind || !isObject(node)) return;
    const name = node[kind.name];
    const when = kind.numbered === 'møde' && typeof node['startsAt'] === 'string' ? ` (${node['startsAt']})` : '';
    parts.push(typeof name === 'string' && name.trim() !== '' ? `${kind.what} «${name}»${when}` : `${kind.numbered} nr. ${key + 1}${when}`);
  });
  return parts.join(', ');
}
