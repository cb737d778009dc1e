import * as z from 'zod';
import { COLOUR_KEYS } from '../domain/colours';
import { FORUM_KINDS } from '../domain/forums';
import { CADENCES } from '../domain/cadence';
import { COLOUR_REQUIRED } from './limits';
import { normaliseLineEnds, quoteForMessage, textProblem, type TextLines } from './text';
import { wholeNumber } from '../wholeNumber';

/**
 * Field schemas with Danish messages that name the field, so a form can show the message at the
 * field and an IPC or import error still tells a person what to fix.
 */

/** The text rules of shared/api/text.ts as a check, for every free-text schema here and in the exchange file. */
export function textRules(label: string, lines: TextLines) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    const problem = textProblem(label, value, lines);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/** The base of every free-text field: line ends normalised, trimmed, and the text rules checked before any other check. */
export function plainText(label: string, lines: TextLines = 'one') {
  return z
    .string({ error: `${label} skal være tekst.` })
    .overwrite((value) => normaliseLineEnds(value, lines))
    .trim()
    .superRefine(textRules(label, lines));
}

/** Text that must be filled in; one line unless `lines` is 'many' (notes, background, reasons). */
export function requiredText(label: string, max: number, lines: TextLines = 'one') {
  return plainText(label, lines)
    .min(1, { error: `${label} skal udfyldes.` })
    .max(max, { error: `${label} må højst være ${wholeNumber(max)} tegn.` });
}

export function optionalText(label: string, max: number, lines: TextLines = 'one') {
  return plainText(label, lines)
    .max(max, { error: `${label} må højst være ${wholeNumber(max)} tegn.` })
    .default('');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function entityId(label: string) {
  return z.string({ error: `${label} mangler.` }).regex(UUID, { error: `${label} er ikke et gyldigt id.` });
}

export function wholeMinutes(label: string, max: number) {
  return z
    .number({ error: `${label} skal være et antal minutter.` })
    .int({ error: `${label} skal være et helt antal minutter.` })
    .min(1, { error: `${label} skal være mindst 1 minut.` })
    .max(max, { error: `${label} må højst være ${max} minutter.` });
}

/** A local wall-clock time, 'YYYY-MM-DDTHH:mm'. Meetings happen where the school is; no time zone. */
export function localDateTime(label: string) {
  return z
    .string({ error: `${label} skal være et tidspunkt.` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: `${label} skal skrives som dato og klokkeslæt.` })
    .refine(isRealDateTime, { error: `${label} er ikke en gyldig dato.` });
}

/** A calendar date, 'YYYY-MM-DD'. */
export function localDate(label: string) {
  return z
    .string({ error: `${label} skal være en dato.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} skal skrives som en dato.` })
    .refine((value) => isRealDateTime(`${value}T00:00`), { error: `${label} er ikke en gyldig dato.` });
}

function isRealDateTime(value: string): boolean {
  const [datePart = '', timePart = ''] = value.split('T');
  const [y, m, d] = datePart.split('-').map(Number);
  const [hh, mm] = timePart.split(':').map(Number);
  if (y === undefined || m === undefined || d === undefined || hh === undefined || mm === undefined) return false;
  if (y < 2000 || y > 2200 || hh > 23 || mm > 59) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const colourKey = z.enum(COLOUR_KEYS, { error: COLOUR_REQUIRED });
export const forumKind = z.enum(FORUM_KINDS, { error: 'Vælg en mødetype fra listen.' });
/** Built-in or user-defined; the service checks that a user-defined key exists. */
export const itemType = z
  .string({ error: 'Vælg en punkttype fra listen.' })
  .regex(/^[a-z0-9_]{1,40}$/, { error: 'Vælg en punkttype fra listen.' });
export const cadence = z.enum(CADENCES, { error: 'Vælg en mødekadence fra listen.' });

export function flag(label: string) {
  return z.boolean({ error: `${label} skal være ja eller nej.` }).default(false);
}

export const hexColour = z
  .string({ error: 'Farven skal skrives som en farvekode.' })
  .regex(/^#[0-9A-Fa-f]{6}$/, { error: 'Farven skal skrives som en farvekode som #C62828.' })
  .transform((value) => value.toUpperCase());

export function month(label: string) {
  return z
    .number({ error: `${label} skal være en måned.` })
    .int({ error: `${label} skal være en måned.` })
    .min(1, { error: `${label} skal være en måned fra 1 til 12.` })
    .max(12, { error: `${label} skal være en måned fra 1 til 12.` });
}

/** Input objects reject unknown fields, so a typo in a caller is found rather than silently ignored. */
export function input<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, { error: inputObjectError });
}

function inputObjectError(issue: { code?: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `Ukendt felt i forespørgslen: ${issue.keys.slice(0, 5).map((key) => `«${quoteForMessage(key)}»`).join(', ')}${issue.keys.length > 5 ? ' m.fl' : ''}.`;
  }
  return 'Forespørgslen skal være et objekt med de rigtige felter.';
}
