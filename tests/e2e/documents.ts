import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface ReadDocument {
  fileName: string;
  /** The visible text, as Word would show it. */
  text: string;
  /** Every XML part of the file joined: body, headers, footers, styles, properties. */
  allXml: string;
}

/** Reads a downloaded .docx back: what a person sees, and everything the file contains. */
export async function readDownload(download: Download): Promise<ReadDocument> {
  const path = await download.path();
  const buffer = await readFile(path);
  const { value: text } = await mammoth.extractRawText({ buffer });
  const zip = await JSZip.loadAsync(buffer);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))
      .map((f) => f.async('string')),
  );
  return { fileName: download.suggestedFilename(), text, allXml: parts.join('\n') };
}
