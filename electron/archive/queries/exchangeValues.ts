import type { z } from 'zod';
import type { FieldCodec, Scalar } from '../../../shared/records/fields';

/**
 * A declared field's value as the archive keeps it and as the exchange file holds it. The form follows
 * from the field's check in the file (its zod schema), so a new field needs nothing here: a flag (0/1) is
 * true/false in the file, a list or an object is JSON text in the archive, and everything else is the same
 * on both sides.
 */
export interface FileValue {
  toFile(stored: Scalar): unknown;
  toColumn(value: unknown): Scalar;
}

const same: FileValue = {
  toFile: (stored) => stored,
  toColumn: (value) => value as Scalar,
};

const flag: FileValue = {
  toFile: (stored) => stored === 1,
  toColumn: (value) => (value === true ? 1 : 0),
};

/** A list (a round, a version's changes) kept as JSON text; the archive wrote it from a checked list. */
const list: FileValue = {
  toFile: (stored) => JSON.parse(String(stored)) as unknown,
  toColumn: (value) => JSON.stringify(value),
};

/**
 * An object (a forum's own cycle) kept as JSON text, '' when there is none. A stored object the file's
 * check would refuse is written as none: the file must stay readable by the import that checks it.
 */
function object(schema: z.ZodType): FileValue {
  return {
    toFile: (stored) => {
      if (typeof stored !== 'string' || stored === '') return null;
      try {
        const parsed = schema.safeParse(JSON.parse(stored));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    toColumn: (value) => (value === null || value === undefined ? '' : JSON.stringify(value)),
  };
}

/** The check without what only says whether a value may be left out or be null. */
function bare(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'nullable' || def.type === 'default' || def.type === 'optional') && def.innerType) current = def.innerType;
    else return current;
  }
}

export function fileValue(field: FieldCodec): FileValue {
  if (!field.file) return same;
  const check = bare(field.file.schema);
  switch (check.def.type) {
    case 'boolean':
      return flag;
    case 'array':
      return list;
    case 'object':
      return object(field.file.schema);
    default:
      return same;
  }
}
