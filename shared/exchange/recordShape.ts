import type { z } from 'zod';
import type { FieldCodec } from '../records/fields';
import { record } from './fileFields';

/**
 * An exchange file record's fields, derived from the record type's declaration (shared/records/): every
 * declared field that the file holds, under its file name, with its check, in the declared order, the
 * grouped ones (`within`) as one nested object where the first of them stands. What the declaration cannot
 * say (the record's id, nested lists of child records) the format adds around them.
 */

type Declared = readonly FieldCodec[];

type FileName<F> = F extends FieldCodec<infer N, infer S, infer W> ? ([S] extends [never] ? never : [W] extends [undefined] ? N : never) : never;
type SchemaOf<F> = F extends FieldCodec<string, infer S> ? S : never;
type Withins<Fs extends Declared> = Fs[number] extends infer F ? (F extends FieldCodec<string, infer S, infer W> ? ([S] extends [never] ? never : W extends string ? W : never) : never) : never;
type GroupName<F, G extends string> = F extends FieldCodec<infer N, infer S, infer W> ? ([S] extends [never] ? never : [W] extends [G] ? N : never) : never;

type Flat<Fs extends Declared, Left extends string> = { [F in Fs[number] as Exclude<FileName<F>, Left>]: SchemaOf<F> };
type Group<Fs extends Declared, G extends string> = { [F in Fs[number] as GroupName<F, G>]: SchemaOf<F> };
type Grouped<Fs extends Declared> = { [G in Withins<Fs>]: z.ZodObject<Group<Fs, G>, z.core.$strict> };

export type FileShape<Fs extends Declared, Left extends string = never> = Flat<Fs, Left> & Grouped<Fs>;

type Shape = Readonly<Record<string, z.ZodType>>;

export interface ShapeExtras<Left extends string, First extends Shape, After extends Readonly<Record<string, Shape>>, Last extends Shape> {
  /** Fields before the declared ones (the record's id). */
  first?: First;
  /** Fields right after the declared field with this file name (a nested list that stands there in the file). */
  after?: After;
  /** Fields after the declared ones. */
  last?: Last;
  /** Declared fields this record leaves out of the file (a forum's own action has no item). */
  leaveOut?: readonly Left[];
}

type Merged<After extends Readonly<Record<string, Shape>>> = { [K in keyof After as keyof After[K]]: After[K][keyof After[K]] };

export function declaredShape<
  const Fs extends Declared,
  Left extends string = never,
  First extends Shape = Record<never, never>,
  After extends Readonly<Record<string, Shape>> = Record<never, never>,
  Last extends Shape = Record<never, never>,
>(fields: Fs, extras: ShapeExtras<Left, First, After, Last> = {}): First & FileShape<Fs, Left> & Merged<After> & Last {
  const shape: Record<string, z.ZodType | null> = { ...extras.first };
  const groups = new Map<string, Record<string, z.ZodType>>();
  for (const { file } of fields) {
    if (!file || (extras.leaveOut as readonly string[] | undefined)?.includes(file.name)) continue;
    if (file.within === undefined) {
      shape[file.name] = file.schema;
    } else {
      let group = groups.get(file.within);
      // The group's place in the record is where its first field is declared.
      if (!group) groups.set(file.within, (group = {}));
      shape[file.within] = null;
      group[file.name] = file.schema;
    }
    Object.assign(shape, extras.after?.[file.name]);
  }
  for (const [name, group] of groups) shape[name] = record(group);
  Object.assign(shape, extras.last);
  // The types above say what this loop builds: one entry per declared file field, keyed by its file name.
  return shape as unknown as First & FileShape<Fs, Left> & Merged<After> & Last;
}
