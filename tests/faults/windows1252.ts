/** A text as a Windows editor saves it in Windows-1252; a character the code page cannot hold fails the test. */
export function windows1252(text: string): Buffer {
  const punctuation: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };
  return Buffer.from(
    [...text].map((c) => {
      const code = punctuation[c] ?? c.charCodeAt(0);
      if (code > 0xff || (code >= 0x80 && code <= 0x9f && punctuation[c] === undefined)) throw new Error(`«${c}» findes ikke i Windows-1252.`);
      return code;
    }),
  );
}
