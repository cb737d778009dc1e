/**
 * The building blocks of a record type's one declaration (records.ts): each field's column, how it lives
 * in a shared document, its name there (the exchange file's camelCase name), its check, and its value
 * when a document does not hold it. The mirror (rows → documents) and the projection (documents → rows)
 * are both derived from these declarations, so adding a field is one line.
 */

/** A column's value as the archive stores it: text, a number (flags are 0/1) or nothing. */
export type Scalar = string | number | null;

/**
 * - `skalar`: one value, the last write wins (a date, a colour, a flag, a title)
 * - `tekst`: a Y.Text changed by the smallest diff, so two people typing in it both keep their words
 */
export type FieldKind = 'skalar' | 'tekst';

export type Check = (value: unknown) => value is Scalar;

export interface FieldCodec {
  column: string;
  /** The field's name in the documents; the exchange file's name for it where it has one. */
  field: string;
  kind: FieldKind;
  /** What a document from another laptop must hold here; anything else is refused with a logged reason. */
  check: Check;
  /** The column's value when the document holds none (a confidential record's placeholder, a field added later). */
  fallback: Scalar;
  /** The table whose `id` this refers to; that row may come later through another document. */
  ref?: string;
  /** Part of what a referat approval approves: changing it makes an approval given before it stale. */
  approved?: true;
  /** Kept in the meeting document's placeholder for a confidential record (the room must know the time is taken). */
  keptWhenClosed?: true;
}

export interface RecordCodec {
  /** The record type's map in the document. */
  type: string;
  table: string;
  /** The columns that make a record's key in its document; all but `id` are fields too. */
  key: readonly string[];
  /** Columns the document's name gives (its meeting or its forum), set when a row is added. */
  context: Readonly<Record<string, 'meeting' | 'forum'>>;
  /** The rows that belong in the document, as SQL over the table with @meetingId and @forumId. */
  scope: string;
  fields: readonly FieldCodec[];
  /** SQL giving 1 for a row whose content is confidential (electron/services/redaction/records.ts). */
  closed?: string;
  /** An integer position column kept as a sortable key (`orden`) in the document, counted from `first` within `within`. */
  order?: { column: string; first: number; within?: string };
  /** The record is the document's root map itself, not one entry of a map (the forum, the meeting). */
  single?: true;
  /** Rows other forums may use as well (persons, sager, item types): added and updated, never removed. */
  keptWhenAbsent?: true;
}

/** The field that holds a record's sortable key. */
export const ORDER_FIELD = 'orden';

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_match: string, letter: string) => letter.toUpperCase());
}

type Options = Partial<Pick<FieldCodec, 'ref' | 'approved' | 'keptWhenClosed' | 'field'>>;

function field(column: string, kind: FieldKind, check: Check, fallback: Scalar, options: Options = {}): FieldCodec {
  return { column, field: options.field ?? camel(column), kind, check, fallback, ...options };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isFlag = (value: unknown): value is number => value === 0 || value === 1;

/** Free text that merges character by character. */
export const text = (column: string, options?: Options) => field(column, 'tekst', isText, '', options);
/** One line of text (a title, a name, a time); the last write wins. */
export const line = (column: string, options?: Options) => field(column, 'skalar', isText, '', options);
export const optionalLine = (column: string, options?: Options) => field(column, 'skalar', isOptionalText, null, options);
export const whole = (column: string, fallback: number, options?: Options) => field(column, 'skalar', isWhole, fallback, options);
export const flag = (column: string, options?: Options) => field(column, 'skalar', isFlag, 0, options);

/** One of a fixed set of words (a status, a colour); `null` allowed when the column allows it. */
export function oneOf(column: string, words: readonly string[], fallback: string | null, options?: Options): FieldCodec {
  const allowed = new Set<unknown>(fallback === null ? [...words, null] : words);
  const check = (value: unknown): value is Scalar => allowed.has(value);
  return field(column, 'skalar', check, fallback, options);
}

/** A reference to another row by its id; `null` when it refers to nothing. */
export const reference = (column: string, table: string, options?: Options) => field(column, 'skalar', isOptionalText, null, { ...options, ref: table });
/** A reference that must be there (a member's person): a row whose reference is missing waits for it. */
export const requiredReference = (column: string, table: string, options?: Options) => field(column, 'skalar', isText, '', { ...options, ref: table });
