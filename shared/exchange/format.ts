import * as z from 'zod';
// The Danish messages alone: through z.locales every language zod has would be bundled and evaluated at start.
import danish from 'zod/v4/locales/da.js';
import { COLOUR_KEYS } from '../domain/colours';
import { entityId } from '../api/fields';
import {
  ITEM_TYPE_FIELDS,
  COLOUR_FIELDS,
  FORUM_FIELDS,
  GROUND_RULES_FIELDS,
  MEMBER_FIELDS,
  PERSON_FIELDS,
  SAG_FIELDS,
  THEME_FIELDS,
} from '../records/forumFields';
import {
  ACTION_FIELDS,
  ACTION_NOTE_FIELDS,
  APPROVAL_FIELDS,
  CHECKOUT_FIELDS,
  COMMENT_FIELDS,
  CONSENT_FIELDS,
  DECISION_FIELDS,
  DISSENT_FIELDS,
  ITEM_FIELDS,
  MEETING_FIELDS,
  PARTICIPANT_FIELDS,
  REFERAT_VERSION_FIELDS,
} from '../records/meetingFields';
import {
  LISTENING_INPUT_FIELDS,
  LISTENING_INPUT_THEME_FIELDS,
  LISTENING_MEETING_FIELDS,
  LISTENING_SERIES_FIELDS,
  LISTENING_THEME_FIELDS,
} from '../records/listeningFields';
import { themeKey } from '../domain/listening';
import { count, list, oneOf, record } from './fileFields';
import { declaredShape } from './recordShape';

export { exchangeCycle } from './fileFields';

/**
 * The exchange file ("udvekslingsfil"): one meeting, one forum with its meetings, or the whole archive
 * as JSON, for a successor or for moving meetings between laptops. Documented in docs/udveksling.md;
 * docs/udveksling.schema.json is generated from these schemas (a test keeps the two equal).
 *
 * Each record's fields, their names in the file and their checks come from the record type's one
 * declaration (shared/records/), which the shared documents and the merge of a shared forum use too.
 * Every field is required and written in a fixed order, and the file holds no export time, so
 * exporting, importing and exporting again gives the same bytes. Ids are the archive's own, so an
 * import finds the rows it wrote before. formatVersion goes up on any change an older Samtalerum
 * could not read without losing something, including a new field.
 */
export const EXCHANGE_FORMAT = 'samtalerum-udveksling';
export const EXCHANGE_FORMAT_VERSION = 6;
export const EXCHANGE_SCOPES = ['moede', 'forum', 'arkiv'] as const;
export type ExchangeScope = (typeof EXCHANGE_SCOPES)[number];

// ---------------------------------------------------------------------------------------------
// The records: the declared fields (recordShape.ts) with the record's id and its nested lists around them.

export const exchangeItemType = record(declaredShape(ITEM_TYPE_FIELDS));

export const exchangePerson = record(declaredShape(PERSON_FIELDS, { first: { id: entityId('Personens id') } }));

export const exchangeColour = record(declaredShape(COLOUR_FIELDS));

export const exchangeGroundRules = record(declaredShape(GROUND_RULES_FIELDS));

export const exchangeMember = record(declaredShape(MEMBER_FIELDS, { first: { id: entityId('Rollens id') } }));

export const exchangeTheme = record(declaredShape(THEME_FIELDS, { first: { id: entityId('Temaets id') } }));

/** A dated status update between meetings (formatversion 2). */
export const exchangeActionNote = record(declaredShape(ACTION_NOTE_FIELDS, { first: { id: entityId('Notens id') } }));

/** Status updates between meetings, oldest first (formatversion 2), where the file has them: after the action's parent. */
const actionNotes = { parentActionId: { notes: list('Noterne', exchangeActionNote) } };

/** An action whose meeting no longer exists; it stays with the forum. */
export const exchangeForumAction = record(
  declaredShape(ACTION_FIELDS, { first: { id: entityId('Handlingens id') }, after: actionNotes, leaveOut: ['itemId'] }),
);

/** An action agreed in a meeting, on one of its items or on none. */
export const exchangeMeetingAction = record(declaredShape(ACTION_FIELDS, { first: { id: entityId('Handlingens id') }, after: actionNotes }));

export const exchangeForum = record(
  declaredShape(FORUM_FIELDS, {
    first: { id: entityId('Forummets id') },
    last: {
      colours: list('Farverne', exchangeColour),
      groundRules: list('Spillereglerne', exchangeGroundRules),
      members: list('Rollerne', exchangeMember),
      themes: list('Temaerne', exchangeTheme),
      actions: list('Handlingerne', exchangeForumAction),
    },
  }),
);

/** Dissent as records of their own (formatversion 5); the person is kept only when the archive knows them. */
export const exchangeDissent = record(declaredShape(DISSENT_FIELDS, { first: { id: entityId('Dissensens id') } }));

export const exchangeDecision = record(
  declaredShape(DECISION_FIELDS, {
    first: { id: entityId('Beslutningens id') },
    after: { decidedBy: { dissents: list('Dissenserne', exchangeDissent) } },
  }),
);

/** One person's consent to a late item or confirmation of its forvarsel (formatversion 6). */
export const exchangeConsent = record(declaredShape(CONSENT_FIELDS));

/** A comment or question on the item before the meeting (formatversion 6). */
export const exchangeComment = record(declaredShape(COMMENT_FIELDS, { first: { id: entityId('Kommentarens id') } }));

export const exchangeItem = record(
  declaredShape(ITEM_FIELDS, {
    first: { id: entityId('Punktets id'), position: count('Punktets nummer', 1) },
    last: {
      decision: exchangeDecision.nullable(),
      consents: list('Samtykkerne', exchangeConsent),
      comments: list('Kommentarerne', exchangeComment),
    },
  }),
);

/** A matter followed across meetings and forums; its items name it by id (formatversion 3). */
export const exchangeSag = record(declaredShape(SAG_FIELDS, { first: { id: entityId('Sagens id') } }));

export const exchangeParticipant = record(declaredShape(PARTICIPANT_FIELDS, { last: { position: count('Pladsen på listen', 0) } }));

export const exchangeCheckoutTally = record(declaredShape(CHECKOUT_FIELDS));

export const exchangeApproval = record(declaredShape(APPROVAL_FIELDS));

export const exchangeReferatVersion = record(
  declaredShape(REFERAT_VERSION_FIELDS, {
    first: { id: entityId('Referatversionens id') },
    last: { approvals: list('Godkendelserne', exchangeApproval) },
  }),
);

export const exchangeMeeting = record(
  declaredShape(MEETING_FIELDS, {
    first: { id: entityId('Mødets id'), forumId: entityId('Forummet') },
    last: {
      participants: list('Deltagerne', exchangeParticipant),
      items: list('Punkterne', exchangeItem),
      actions: list('Handlingerne', exchangeMeetingAction),
      checkout: list('Check-out', exchangeCheckoutTally),
      referat: list('Referatversionerne', exchangeReferatVersion),
    },
  }),
);

/** An input's theme, by the id of one of its series' themes (formatversion 6). */
export const exchangeListeningInputTheme = record(declaredShape(LISTENING_INPUT_THEME_FIELDS));

/** What was heard, in the meeting's order; no field names a person. */
export const exchangeListeningInput = record(
  declaredShape(LISTENING_INPUT_FIELDS, {
    first: { id: entityId('Inputtets id'), position: count('Inputtets nummer', 1) },
    last: { themes: list('Inputtets temaer', exchangeListeningInputTheme) },
  }),
);

export const exchangeListeningMeeting = record(
  declaredShape(LISTENING_MEETING_FIELDS, {
    first: { id: entityId('Lyttemødets id') },
    last: { inputs: list('Inputtene', exchangeListeningInput) },
  }),
);

export const exchangeListeningTheme = record(declaredShape(LISTENING_THEME_FIELDS, { first: { id: entityId('Temaets id') } }));

/** A lyttemøde series with its themes and meetings; `forumId` is its lyttemøde forum, `null` for a series kept on this laptop alone. */
export const exchangeListeningSeries = record(
  declaredShape(LISTENING_SERIES_FIELDS, {
    first: { id: entityId('Seriens id'), forumId: entityId('Forummet').nullable() },
    last: {
      themes: list('Seriens temaer', exchangeListeningTheme),
      meetings: list('Lyttemøderne', exchangeListeningMeeting),
    },
  }),
);

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
  /** Lyttemøde series: a forum's own, or every series of the archive (formatversion 6). */
  listeningSeries: list('Lyttemødeserierne', exchangeListeningSeries),
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
  file.listeningSeries.forEach((s, i) => checkListeningSeries(s, ['listeningSeries', i], issue, unique));
}

/** A series' themes have different names (as the archive folds them), and every input's theme is one of them. */
function checkListeningSeries(
  s: ExchangeFile['listeningSeries'][number],
  at: Path,
  issue: (path: Path, message: string) => void,
  unique: (kind: string, id: string, path: Path, what: string) => void,
): void {
  unique('listeningSeries', s.id, [...at, 'id'], `Serien «${s.title}»`);
  const names = new Set<string>();
  const themeIds = new Set<string>();
  s.themes.forEach((t, j) => {
    unique('listeningTheme', t.id, [...at, 'themes', j, 'id'], `Temaet «${t.name}»`);
    const key = themeKey(t.name);
    if (names.has(key)) issue([...at, 'themes', j, 'name'], `Temaet «${t.name}» står to gange i serien.`);
    names.add(key);
    themeIds.add(t.id);
  });
  s.meetings.forEach((m, j) => {
    unique('listeningMeeting', m.id, [...at, 'meetings', j, 'id'], `Lyttemødet på ${m.school}`);
    const positions = new Set<number>();
    m.inputs.forEach((input, k) => {
      const here: Path = [...at, 'meetings', j, 'inputs', k];
      unique('listeningInput', input.id, [...here, 'id'], 'Inputtet');
      if (positions.has(input.position)) issue([...here, 'position'], `Input nummer ${input.position} står to gange i lyttemødet.`);
      positions.add(input.position);
      const themes = new Set<string>();
      input.themes.forEach((t, l) => {
        if (!themeIds.has(t.themeId)) issue([...here, 'themes', l, 'themeId'], 'Temaet findes ikke blandt seriens temaer.');
        if (themes.has(t.themeId)) issue([...here, 'themes', l, 'themeId'], 'Temaet står to gange ved inputtet.');
        themes.add(t.themeId);
      });
    });
  });
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
    const consents = new Set<string>();
    item.consents.forEach((c, k) => {
      const key = `${c.kind} ${c.personId}`;
      if (consents.has(key)) issue(at('items', j, 'consents', k, 'personId'), 'Personen har givet samme samtykke to gange til punktet.');
      consents.add(key);
    });
    item.comments.forEach((c, k) => unique('comment', c.id, at('items', j, 'comments', k, 'id'), 'Kommentaren'));
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

const danishLocale = danish().localeError;

/**
 * Reads a parsed JSON value as an exchange file. The format and version are checked first, so a
 * file from a newer Samtalerum gets that message rather than a list of fields it does not know.
 * Any problem gives one Danish sentence that says where in the file it is.
 */
export function parseExchange(input: unknown): ExchangeParse {
  const header = checkHeader(input);
  if (header) return header;
  const raw = upgradeFromVersion5(upgradeFromVersion4(upgradeFromVersion3(upgradeFromVersion2(upgradeFromVersion1(input)))));
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
    formatVersion: 5,
    forums: Array.isArray(raw['forums']) ? raw['forums'].map(upgradeActions) : raw['forums'],
    meetings: Array.isArray(raw['meetings']) ? raw['meetings'].map(upgradeMeeting) : raw['meetings'],
  };
}

/**
 * Formatversion 5 did not carry who put an item on, nor the per-person consents and the comments: it is read
 * as version 6 with every item saying neither (the consent it names by `consentBy` stays as it was). Nor did it
 * carry lyttemøde series: it is read with none.
 */
function upgradeFromVersion5(raw: unknown): unknown {
  if (!isObject(raw) || raw['formatVersion'] !== 5) return raw;
  const upgradeItem = (item: unknown) => (isObject(item) && !('consents' in item) ? { ...item, addedBy: null, consents: [], comments: [] } : item);
  const upgradeMeeting = (meeting: unknown) =>
    isObject(meeting) && Array.isArray(meeting['items']) ? { ...meeting, items: meeting['items'].map(upgradeItem) } : meeting;
  return {
    ...raw,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    meetings: Array.isArray(raw['meetings']) ? raw['meetings'].map(upgradeMeeting) : raw['meetings'],
    listeningSeries: [],
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
  listeningSeries: { what: 'serien', numbered: 'serie', name: 'title' },
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
