/**
 * The exchange file is UTF-8 (docs/udveksling.md). Bytes are decoded strictly, so a file saved in
 * another encoding is refused with a message that names the encoding, instead of being read with
 * replacement characters in every æ, ø and å. A UTF-8 byte order mark, which Windows editors add,
 * is accepted. Used by the import service and by the CLI before it opens the archive.
 */
export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

const NOTHING_READ = 'Intet blev indlæst.';

export function decodeExchangeBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return {
      ok: false,
      message:
        'Filen er gemt som UTF-16 («Unicode»), ikke UTF-8. Åbn den i en teksteditor, og gem den igen med kodningen UTF-8; så kan den indlæses. ' +
        NOTHING_READ,
    };
  }
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 byte order mark.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, message: notUtf8(bytes) };
  }
}

function notUtf8(bytes: Uint8Array): string {
  const bad = firstInvalidUtf8(bytes);
  const line = lineOf(bytes, bad);
  if (looksLikeWindows1252(bytes)) {
    const byte = bytes[bad] ?? 0;
    const shown = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    return (
      `Filen ser ud til at være gemt som Windows-1252 (Latin-1), ikke UTF-8: i linje ${line} står «${shown}» som ét tegn, som UTF-8 ikke kan læse. ` +
      'Udvekslingsfiler fra Samtalerum er altid UTF-8, så filen er nok rettet i et andet program. Åbn den i en teksteditor (fx Notesblok), ' +
      'og gem den igen med kodningen UTF-8; så kan den indlæses. ' +
      NOTHING_READ
    );
  }
  return (
    `Filen er ikke tekst i UTF-8 (linje ${line} kan ikke læses), så den kan ikke være en udvekslingsfil fra Samtalerum. ` +
    `Den er måske beskadiget, eller det er en anden slags fil. ${NOTHING_READ}`
  );
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Where the first byte is that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** The length of the well-formed UTF-8 sequence at i, or 0 (the ranges of the Unicode standard, table 3-7). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const next = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return next(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const [low, high] = b0 === 0xe0 ? [0xa0, 0xbf] : b0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return next(1, low, high) && next(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const [low, high] = b0 === 0xf0 ? [0x90, 0xbf] : b0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return next(1, low, high) && next(2) && next(3) ? 4 : 0;
  }
  return 0;
}

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * Text saved by a Windows editor in the old Western encoding: no control bytes besides tab and line
 * breaks, and every byte above 127 is a letter (æ, ø, å, é, ü …) or common punctuation («, », –, ’ …)
 * in Windows-1252. A zip, a PDF or a picture has bytes that are neither.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (b < 0x80) continue;
    if (!WINDOWS_1252_TEXT.has(b)) return false;
    high += 1;
  }
  return high > 0;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** € ‚ „ … ‘ ’ “ ” • – —, no-break space to ¿ (« » § ° ½ …), and the letters À–ÿ without × and ÷. */
const WINDOWS_1252_TEXT: ReadonlySet<number> = new Set([
  0x80,
  0x82,
  0x84,
  0x85,
  ...range(0x91, 0x97),
  ...range(0xa0, 0xbf),
  ...range(0xc0, 0xff).filter((b) => b !== 0xd7 && b !== 0xf7),
]);
