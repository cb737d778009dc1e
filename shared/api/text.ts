/**
 * The rules for text a person types (or an exchange file brings): the same for every text field of
 * the contract and of the exchange file, so nothing invisible reaches the archive, a Word document or
 * a terminal. Invisible control characters could hide content or break a document; bidirectional
 * overrides can make a title read differently from what it says ("Trojan source"); a lone surrogate
 * is half a character and would be silently turned into "�" on the way to disk.
 */

/** A one-line field (titles, names, roles) or a multi-line one (notes, background, reasons). */
export type TextLines = 'one' | 'many';

/** C0 controls, DEL and C1 controls; tab and newline are allowed in multi-line fields only. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
/** Embeddings, overrides and isolates that change the direction text is shown in. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
/** Every control character in a text (String.match with a global pattern starts from the beginning each time). */
const CONTROLS = new RegExp(CONTROL.source, 'gu');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every code unit any of the three rules above could object to, in one class, per kind of field: any
 * surrogate (a whole emoji too, which the exact rules then accept), the direction marks, and the
 * controls, with tab and newline left out for multi-line text. Nearly all text has none of them, and
 * one scan says so: an exchange file of a whole archive checks a hundred thousand texts.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_INVISIBLE_ONE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_INVISIBLE_MANY = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

/** Line ends as one '\n' in multi-line text (Windows pastes '\r\n'); one-line text is left as typed. */
export function normaliseLineEnds(value: string, lines: TextLines): string {
  return lines === 'many' && value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

/** "U+0007" */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with a text for a field, as a Danish sentence that names the field; null when it is
 * fine. Expects line ends already normalised (normaliseLineEnds).
 */
export function textProblem(label: string, value: string, lines: TextLines): string | null {
  if (!(lines === 'many' ? MAYBE_INVISIBLE_MANY : MAYBE_INVISIBLE_ONE).test(value)) return null;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    return `${label} indeholder et ødelagt tegn (${codePoint(surrogate[0])}), fx en halv emoji. Fjern det og prøv igen.`;
  }
  const bidi = BIDI.exec(value);
  if (bidi) {
    return `${label} indeholder et usynligt tegn, der vender skriftretningen (${codePoint(bidi[0])}). Fjern det og prøv igen.`;
  }
  for (const char of value.match(CONTROLS) ?? []) {
    if (lines === 'many' && (char === '\n' || char === '\t')) continue;
    if (char === '\n' || char === '\r') return `${label} skal stå på én linje. Fjern linjeskiftet og prøv igen.`;
    return `${label} indeholder et usynligt styretegn (${codePoint(char)}). Fjern det og prøv igen.`;
  }
  return null;
}

const INVISIBLE = new RegExp(`${CONTROL.source}|${BIDI.source}|[\\u2028\\u2029]|${LONE_SURROGATE.source}`, 'gu');

/**
 * The text with every control character, direction override, line separator and lone surrogate
 * written visibly as \uXXXX: for a terminal, or for a message that repeats what someone sent.
 */
export function escapeInvisible(value: string): string {
  return value.replace(INVISIBLE, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A key or value from a request, fit to quote in a message: escaped and at most `max` characters. */
export function quoteForMessage(value: string, max = 60): string {
  const chars = Array.from(value);
  const short = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return escapeInvisible(short);
}
