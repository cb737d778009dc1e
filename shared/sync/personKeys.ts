/**
 * The records in a meeting document that speak for one forum person: an approval of a referat version and a
 * consent. Their keys end in the person's id (a row of the forum's `person` table), so entries by different
 * people never collide, and the server can see whose they are from the key alone: it refuses a change to an
 * entry whose person is not the signed-in person's forum person (server/sync/namedPerson.ts). Laptop and server
 * read both formats from here.
 *
 * - `godkendelser` (meeting document): `<versionId>|<personId>`.
 * - `samtykker` (meeting document; the fortroligt document for a confidential item):
 *   `<itemId>|<art>|<personId>`, where `art` is `sent` (consent to a late item) or `forvarsel` (the other side
 *   confirms a sensitive item's forvarsel).
 */

export const APPROVAL_RECORDS = 'godkendelser';
export const CONSENT_RECORDS = 'samtykker';

/** The record types whose keys name a person, and which the server checks. */
export const PERSON_RECORDS: readonly string[] = [APPROVAL_RECORDS, CONSENT_RECORDS];
/** An approval's and a consent's person, held in the entry as well as in its key: both must name the same person. */
export const ENTRY_PERSON_FIELD = 'personId';

/**
 * The other fields of a meeting document that say who did something, each of which the server holds to the
 * writer's own forum person (server/sync/authorship.ts):
 * - `kommentarer`: a comment's author (`authorId`); only the author adds, changes or removes it, except that
 *   anyone who writes in the forum may mark a question answered (`answeredAt`).
 * - `punkter`: who put an item on (`addedBy`).
 * - `historik`: each history entry's `hvem` (electron/sync/history.ts).
 */
export const COMMENT_RECORDS = 'kommentarer';
export const COMMENT_AUTHOR_FIELD = 'authorId';
/** What another member may change in a comment that is not theirs. */
export const COMMENT_OTHERS_FIELDS: readonly string[] = ['answeredAt'];
export const ITEM_RECORDS = 'punkter';
export const ITEM_ADDER_FIELD = 'addedBy';
export const HISTORY_MAP = 'historik';
export const HISTORY_WHO_FIELD = 'hvem';

export const CONSENT_KINDS = ['sent', 'forvarsel'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

const SEPARATOR = '|';

export function approvalKey(versionId: string, personId: string): string {
  return [versionId, personId].join(SEPARATOR);
}

export function consentKey(itemId: string, kind: ConsentKind, personId: string): string {
  return [itemId, kind, personId].join(SEPARATOR);
}

export interface ApprovalKey {
  versionId: string;
  personId: string;
}

export interface ConsentKey {
  itemId: string;
  kind: ConsentKind;
  personId: string;
}

export function parseApprovalKey(key: string): ApprovalKey | null {
  const parts = key.split(SEPARATOR);
  if (parts.length !== 2 || parts.some((part) => part === '')) return null;
  const [versionId = '', personId = ''] = parts;
  return { versionId, personId };
}

export function parseConsentKey(key: string): ConsentKey | null {
  const parts = key.split(SEPARATOR);
  if (parts.length !== 3 || parts.some((part) => part === '')) return null;
  const [itemId = '', kind = '', personId = ''] = parts;
  const known = CONSENT_KINDS.find((k) => k === kind);
  return known ? { itemId, kind: known, personId } : null;
}

/**
 * The person an entry of a person record speaks for, from its key: null for a record type that names no
 * person, and '' for a key in the wrong shape (which the server treats as naming someone else).
 */
export function personOfKey(recordType: string, key: string): string | null {
  if (recordType === APPROVAL_RECORDS) return parseApprovalKey(key)?.personId ?? '';
  if (recordType === CONSENT_RECORDS) return parseConsentKey(key)?.personId ?? '';
  return null;
}

/**
 * The reasons the server closes a meeting document with when it refuses a change there: an approval or consent
 * for another person (or by a member who is no forum person), an update that waits for parts never sent, or one
 * that changes or deletes a key of the approvals' hash (shared/sync/approvalKeys.ts), or one that puts words kept for
 * the members (shared/sync/keptWords.ts) in the meeting document, which a læser receives.
 */
export const CHANGE_REFUSALS = ['named-other-person', 'incomplete-update', 'approval-key-changed', 'kept-words-shared'] as const;
export type ChangeRefusal = (typeof CHANGE_REFUSALS)[number];

export function isChangeRefusal(reason: string): reason is ChangeRefusal {
  return CHANGE_REFUSALS.some((known) => known === reason);
}
