/**
 * A chosen file's bytes as base64, for methods that take a file as the user chose it: the service
 * decodes them itself, so a file in the wrong encoding is named as such instead of being read with
 * replacement characters (as File.text() would).
 */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Filen kunne ikke læses.'));
    reader.readAsDataURL(file);
  });
}
