/** The projector page is the app's own page with the meeting in the hash: #praesentation=<uuid>. */
export const PRESENTER_HASH_PREFIX = '#praesentation=';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isPresenterHash(hash: string): boolean {
  return hash.startsWith(PRESENTER_HASH_PREFIX);
}

/** The meeting id in the hash, or null when it is missing or not an id. */
export function presenterMeetingId(hash: string): string | null {
  if (!isPresenterHash(hash)) return null;
  const id = hash.slice(PRESENTER_HASH_PREFIX.length);
  return UUID.test(id) ? id : null;
}
