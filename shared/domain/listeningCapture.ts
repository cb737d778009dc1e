import { LISTENING_LIMITS } from './listening';

/**
 * The capture line of a lyttemøde: one line per input, typed while people talk. `#ord` marks a theme,
 * and a line that opens with a quotation mark is a quote. Pure, so the listening screen and the tests
 * read a line the same way.
 */

export type CaptureResult =
  | { ok: true; text: string; themes: string[]; isQuote: boolean }
  | { ok: false; message: string };

/** Marks that open a quote in Danish writing: straight, guillemet and low-high quotes. */
const QUOTE_OPENERS = ['"', '»', '„', '“', '«'];
const QUOTE_CLOSERS = ['"', '«', '“', '”', '»'];

/** `#` followed by letters, digits, `-` or `_` (æøå included); punctuation after it ends the tag. */
const TAG = /#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu;
/** Tags, with any spaces and punctuation between them, at the very end of the line. */
const TRAILING_TAGS = /(?:[\s,.;:!?]*#[\p{L}\p{N}][\p{L}\p{N}_-]*)+[\s,.;:!?]*$/u;

export const CAPTURE_MESSAGES = {
  empty: 'Skriv det, du hørte, før du gemmer.',
  onlyTags: 'Linjen har kun temaer. Skriv også, hvad der blev sagt.',
  tooLong: `Et input må højst være ${LISTENING_LIMITS.input} tegn. Del det op i flere linjer.`,
  tooManyThemes: `Et input kan højst have ${LISTENING_LIMITS.themesPerInput} temaer.`,
  themeTooLong: (tag: string) => `Temaet «${tag}» er for langt; højst ${LISTENING_LIMITS.theme} tegn.`,
};

/** "#Faglig_Ledelse" → "faglig ledelse"; a theme the series already has keeps its spelling. */
export function themeFromTag(tag: string, known: readonly string[] = []): string {
  const name = tag.replace(/_/g, ' ').toLocaleLowerCase('da');
  return known.find((k) => k.toLocaleLowerCase('da') === name) ?? name;
}

function stripQuote(text: string): { text: string; quoted: boolean } {
  const first = text.charAt(0);
  if (!QUOTE_OPENERS.includes(first)) return { text, quoted: false };
  let inner = text.slice(1);
  // The closing mark may sit before the sentence's final punctuation: »Vi er trætte«.
  const close = /(["«“”»])([.!?]?)$/u.exec(inner);
  if (close?.[1] && QUOTE_CLOSERS.includes(close[1])) inner = inner.slice(0, close.index) + (close[2] ?? '');
  return { text: inner.trim(), quoted: true };
}

/**
 * Reads one captured line. Tags at the end of the line are taken out of the text; a tag inside the
 * sentence keeps its word ("Vi mangler #tid til det" → "Vi mangler tid til det").
 */
export function parseCaptureLine(line: string, quoteChecked = false, knownThemes: readonly string[] = []): CaptureResult {
  const trimmed = line.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return { ok: false, message: CAPTURE_MESSAGES.empty };

  const themes: string[] = [];
  for (const match of trimmed.matchAll(TAG)) {
    const tag = match[1] ?? '';
    const theme = themeFromTag(tag, knownThemes);
    if (theme.length > LISTENING_LIMITS.theme) return { ok: false, message: CAPTURE_MESSAGES.themeTooLong(tag) };
    if (!themes.some((t) => t.toLocaleLowerCase('da') === theme.toLocaleLowerCase('da'))) themes.push(theme);
  }
  if (themes.length > LISTENING_LIMITS.themesPerInput) return { ok: false, message: CAPTURE_MESSAGES.tooManyThemes };

  const trailing = TRAILING_TAGS.exec(trimmed);
  // Keep the sentence's own final mark ("… os. #tid" and "… os #tid." both end in "os.").
  const ending = trailing ? (/[.!?]/.exec(trailing[0])?.[0] ?? '') : '';
  const body = trailing ? trimmed.slice(0, trailing.index).trimEnd() : trimmed;
  const withWords = body.replace(TAG, (_, tag: string) => tag.replace(/_/g, ' ')).trim();
  const needsEnding = ending !== '' && !/[.!?«»"”]$/u.test(withWords);
  const { text, quoted } = stripQuote(needsEnding ? withWords + ending : withWords);

  if (text.replace(/["«»„“”.,;:!?\s]/gu, '') === '') return { ok: false, message: themes.length > 0 ? CAPTURE_MESSAGES.onlyTags : CAPTURE_MESSAGES.empty };
  if (text.length > LISTENING_LIMITS.input) return { ok: false, message: CAPTURE_MESSAGES.tooLong };
  return { ok: true, text, themes, isQuote: quoted || quoteChecked };
}
