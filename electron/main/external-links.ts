// Which links may leave the app for the user's own browser. Only web links: anything else (file:,
// smb:, custom handlers) could start a program or open a local file, so it is dropped.
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
