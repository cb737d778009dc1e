import JSZip from 'jszip';
import mammoth from 'mammoth';

/** Reading a generated .docx back the way a person (text) and Word (package parts) would. */

/** The text a reader sees; badges use non-breaking spaces to stay on one line, which do not matter here. */
export async function textOf(buffer: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer });
  return value.replace(/\u00A0/g, ' ');
}

export async function htmlOf(buffer: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer });
  return value.replace(/\u00A0/g, ' ');
}

/** Every part of the .docx package by name, so a test can look where Word looks (headers, properties, ...). */
export async function partsOf(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) parts.set(file.name, await file.async('string'));
  }
  return parts;
}

export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`${name} mangler i filen`);
  return xml;
}

export function partsMatching(parts: Map<string, string>, pattern: RegExp): string {
  return [...parts].filter(([name]) => pattern.test(name)).map(([, xml]) => xml).join('\n');
}
