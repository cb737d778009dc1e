import type { GeneratedDocument } from '../../shared/api/types';

/**
 * Hands a generated document to the user's own save dialog: a download in the browser, and in the
 * Electron app the same download, which Electron turns into a native "Gem som" dialog. The renderer
 * itself never writes to disk.
 */
export function saveDocument(document: GeneratedDocument): void {
  const bytes = Uint8Array.from(atob(document.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: document.mimeType }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.fileName;
  link.click();
  // Give the browser a moment to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
