import * as z from 'zod';
import type { ColourShape } from '../domain/colours';
import { requiredText, textRules } from '../api/fields';
import { LIMITS } from '../api/limits';
import { normaliseLineEnds, quoteForMessage, type TextLines } from '../api/text';
import { wholeNumber } from '../wholeNumber';

/**
 * How the exchange file checks a value, with the Danish message for each problem. The record declarations
 * (shared/records/) give each field one of these; format.ts builds the file's records from them. Unlike
 * form input, optional text has no default: the file states every value.
 */

export const COLOUR_SHAPES = ['trekant', 'ruder', 'cirkel', 'firkant'] as const satisfies readonly ColourShape[];

/** The same text rules as form input (shared/api/text.ts); `lines` as the field has in the form. */
export function text(label: string, max: number, lines: TextLines = 'one') {
  return z
    .string({ error: `${label} skal være tekst.` })
    .overwrite((value) => normaliseLineEnds(value, lines))
    .superRefine(textRules(label, lines))
    .max(max, { error: `${label} må højst være ${wholeNumber(max)} tegn.` });
}

/** An instant as the archive stores it (ISO 8601, e.g. 2026-12-01T13:00:00.000Z). */
export function instant(label: string) {
  return z.iso.datetime({ offset: true, error: `${label} skal være et tidspunkt som 2026-12-01T13:00:00.000Z.` });
}

export function yesNo(label: string) {
  return z.boolean({ error: `${label} skal være true eller false.` });
}

export function count(label: string, min: number) {
  return z
    .number({ error: `${label} skal være et tal.` })
    .int({ error: `${label} skal være et helt tal.` })
    .min(min, { error: `${label} skal være mindst ${min}.` });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `${label} skal være en af: ${values.join(', ')}.` });
}

export function list<T extends z.ZodType>(label: string, item: T) {
  return z.array(item, { error: `${label} skal være en liste.` });
}

/** Objects reject unknown fields: a field this version does not know would otherwise be lost silently. */
export function record<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, { error: objectError });
}

function objectError(issue: { code?: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `Ukendt felt: ${issue.keys.slice(0, 5).map((key) => quoteForMessage(key)).join(', ')}${issue.keys.length > 5 ? ' m.fl' : ''}. Filen er måske lavet af en anden version af Samtalerum.`;
  }
  return 'Skal være et objekt med de rigtige felter.';
}

export const hex = (label: string) =>
  z.string({ error: `${label} skal være tekst.` }).regex(/^#[0-9A-Fa-f]{6}$/, { error: `${label} skal være en farvekode som #C62828.` });

/** A forum's own multi-phase cycle, as the file holds it (the archive keeps it as JSON text). */
export const exchangeCycle = record({
  name: requiredText('Cyklens navn', LIMITS.name),
  phases: list(
    'Faserne',
    record({ title: requiredText('Fasens titel', LIMITS.title), hint: text('Fasens hjælpetekst', LIMITS.shortText, 'many') }),
  ),
});
