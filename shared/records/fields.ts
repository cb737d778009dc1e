import type { z } from 'zod';

/**
 * The building blocks of a record type's one declaration (meetingFields.ts, forumFields.ts): each field's
 * column in the archive, how it lives in a shared document, its name there, its check and its value when a
 * document does not hold it, and how the exchange file holds and checks it. The mirror (rows → documents),
 * the projection (documents → rows), the approval hash, the merge of an imported file and the exchange
 * file's records (shared/exchange/recordShape.ts) are all derived from these declarations, so adding a
 * field is one line.
 */

/** A column's value as the archive stores it: text, a number (flags are 0/1) or nothing. */
export type Scalar = string | number | null;

/**
 * - `skalar`: one value, the last write wins (a date, a colour, a flag, a title)
 * - `tekst`: a Y.Text changed by the smallest diff, so two people typing in it both keep their words
 */
export type FieldKind = 'skalar' | 'tekst';

export type Check = (value: unknown) => value is Scalar;

/** How the exchange file holds a field: its name there, its check (with Danish messages), and the object it sits in. */
export interface FileField<N extends string = string, S extends z.ZodType = z.ZodType, W extends string | undefined = string | undefined> {
  readonly name: N;
  readonly schema: S;
  /** The file groups it in a nested object of the record (a meeting's `run`). */
  readonly within: W;
}

export interface FieldCodec<N extends string = string, S extends z.ZodType = z.ZodType, W extends string | undefined = string | undefined> {
  readonly column: string;
  /** The field's name in the documents. */
  readonly field: string;
  readonly kind: FieldKind;
  /** What a document from another laptop must hold here; anything else is refused with a logged reason. */
  readonly check: Check;
  /** The column's value when the document holds none (a confidential record's placeholder, a field added later). */
  readonly fallback: Scalar;
  /**
   * How the exchange file holds it; absent when the file does not (the record's place in the file gives it,
   * as an item gives its decision's item, or the archive derives it).
   */
  readonly file?: FileField<N, S, W>;
  /** The table whose `id` this refers to; that row may come later through another document. */
  readonly ref?: string;
  /** Part of what a referat approval approves: changing it makes an approval given before it stale. */
  readonly approved?: true;
  /** Kept in the meeting document's placeholder for a confidential record (the room must know the time is taken). */
  readonly keptWhenClosed?: true;
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
  /** SQL a row written from the document must also meet: a reference its scope does not bind to the document. */
  placed?: string;
}

/** The field that holds a record's sortable key. */
export const ORDER_FIELD = 'orden';

/** snake_case to camelCase, in values and in types: `announced_colour` → `announcedColour`. */
export type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

function camel<C extends string>(column: C): Camel<C> {
  return column.replace(/_([a-z])/g, (_match: string, letter: string) => letter.toUpperCase()) as Camel<C>;
}

interface Options<S extends z.ZodType, N extends string, W extends string | undefined> {
  /** The field's name in the documents when it is not the column's camelCase. */
  field?: string;
  /** The exchange file's check of the value; without it the file does not hold the field. */
  file?: S;
  /** The file's name for it when it is not the document's. */
  fileName?: N;
  within?: W;
  ref?: string;
  approved?: true;
  keptWhenClosed?: true;
}

function declare<C extends string, S extends z.ZodType, N extends string, W extends string | undefined>(
  column: C,
  kind: FieldKind,
  check: Check,
  fallback: Scalar,
  options: Options<S, N, W>,
): FieldCodec<N, S, W> {
  const { field, file, fileName, within, ...flags } = options;
  const name = field ?? camel(column);
  return {
    column,
    field: name,
    kind,
    check,
    fallback,
    ...flags,
    ...(file ? { file: { name: (fileName ?? name) as N, schema: file, within: within as W } } : {}),
  };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isFlag = (value: unknown): value is number => value === 0 || value === 1;

/**
 * The builders. Each takes the column, and in its options the file's check; the name the file uses is
 * the column's camelCase unless `fileName` says otherwise.
 */
type Builder = <C extends string, S extends z.ZodType = never, N extends string = Camel<C>, W extends string | undefined = undefined>(
  column: C,
  options?: Options<S, N, W>,
) => FieldCodec<N, S, W>;

/** Free text that merges character by character. */
export const text: Builder = (column, options = {}) => declare(column, 'tekst', isText, '', options);
/** One line of text (a title, a name, a time); the last write wins. */
export const line: Builder = (column, options = {}) => declare(column, 'skalar', isText, '', options);
export const optionalLine: Builder = (column, options = {}) => declare(column, 'skalar', isOptionalText, null, options);
export const flag: Builder = (column, options = {}) => declare(column, 'skalar', isFlag, 0, options);

export function whole<C extends string, S extends z.ZodType = never, N extends string = Camel<C>, W extends string | undefined = undefined>(
  column: C,
  fallback: number,
  options: Options<S, N, W> = {},
): FieldCodec<N, S, W> {
  return declare(column, 'skalar', isWhole, fallback, options);
}

/** A whole number that may be absent (how many took part, before it is known). */
export const optionalWhole: Builder = (column, options = {}) => declare(column, 'skalar', (value: unknown): value is number | null => value === null || isWhole(value), null, options);

/** One of a fixed set of words (a status, a colour); `null` allowed when the column allows it. */
export function oneOf<C extends string, S extends z.ZodType = never, N extends string = Camel<C>, W extends string | undefined = undefined>(
  column: C,
  words: readonly string[],
  fallback: string | null,
  options: Options<S, N, W> = {},
): FieldCodec<N, S, W> {
  const allowed = new Set<unknown>(fallback === null ? [...words, null] : words);
  const check = (value: unknown): value is Scalar => allowed.has(value);
  return declare(column, 'skalar', check, fallback, options);
}

/** A reference to another row by its id; `null` when it refers to nothing. */
export function reference<C extends string, S extends z.ZodType = never, N extends string = Camel<C>, W extends string | undefined = undefined>(
  column: C,
  table: string,
  options: Options<S, N, W> = {},
): FieldCodec<N, S, W> {
  return declare(column, 'skalar', isOptionalText, null, { ...options, ref: table });
}

/** A reference that must be there (a member's person): a row whose reference is missing waits for it. */
export function requiredReference<C extends string, S extends z.ZodType = never, N extends string = Camel<C>, W extends string | undefined = undefined>(
  column: C,
  table: string,
  options: Options<S, N, W> = {},
): FieldCodec<N, S, W> {
  return declare(column, 'skalar', isText, '', { ...options, ref: table });
}
