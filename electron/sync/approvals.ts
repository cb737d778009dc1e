import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { RecordCodec } from '../../shared/records/fields';
import { APPROVAL_KEYS_MAP, isApprovalKey } from '../../shared/sync/approvalKeys';
import { ACTIONS, APPROVALS, DECISIONS, DISSENTS, ITEMS, REFERAT_VERSIONS } from './codec/meetingRecords';
import { readRecords, type Values } from './records';

/**
 * An approval is bound to what it approved: it stores a hash of the meeting's approved content (the
 * fields marked `approved` in the codecs) in the meeting document and, for members, in the fortroligt
 * document. When that content changes, here or on another laptop at the same time, the approval no longer
 * matches and counts as stale: its row is left out, and the referat asks for it again. A locked version's
 * approvals always count: its content is frozen in its snapshot.
 *
 * The meeting document reaches læsere, so the fortroligt content's hash in it is keyed (HMAC): a plain hash would
 * let a læser test guesses of a short closed item's content against it. The keys live in the fortroligt document,
 * each under its own id (shared/sync/approvalKeys.ts), and an approval names the key it was hashed with: two
 * laptops that each make a key at the same time both keep theirs, and every approval stays valid. Until its key
 * arrives, an approval does not match, as when the fortroligt document itself has not arrived yet. An approval
 * from before keys names none and carries the plain hash: it still counts, and its own laptop rewrites it with a
 * key while it matches.
 */

const APPROVED_CONTENT: readonly RecordCodec[] = [ITEMS, DECISIONS, DISSENTS, ACTIONS];

/** The fields an approval holds besides the row's. */
export const CONTENT_FIELD = 'indhold';
export const CONFIDENTIAL_CONTENT_FIELD = 'fortroligtIndhold';
export const KEY_ID_FIELD = 'noegle';

/**
 * A hash of the approved fields of every record in the document, the same on every laptop that holds the same
 * state; keyed with `key` (an HMAC) for the fortroligt document's content.
 */
export function contentHash(doc: Y.Doc, key: string | null = null): string {
  const hash = key === null ? createHash('sha256') : createHmac('sha256', key);
  for (const codec of APPROVED_CONTENT) {
    const approved = codec.fields.filter((f) => f.approved);
    const records = readRecords(doc.getMap(codec.type), codec);
    for (const key of [...records.keys()].sort()) {
      const values = records.get(key)?.values ?? {};
      hash.update(JSON.stringify([codec.type, key, approved.map((f) => values[f.field] ?? null)]));
    }
  }
  return hash.digest('hex');
}

/** Whether the fortroligt document holds anything: a reader's laptop never does, so it checks the meeting document alone. */
export function holdsContent(doc: Y.Doc): boolean {
  return APPROVED_CONTENT.some((codec) => doc.getMap(codec.type).size > 0);
}

/** The key held under `id` in the fortroligt document, or null when it has not arrived (or is no key). */
function keyOf(confidential: Y.Doc, id: string): string | null {
  const key = confidential.getMap(APPROVAL_KEYS_MAP).get(id);
  return isApprovalKey(key) ? key : null;
}

/** The id of the key a new approval is hashed with: the smallest held, so every laptop picks the same; made when none is. */
function keyToWrite(confidential: Y.Doc): string {
  const keys = confidential.getMap(APPROVAL_KEYS_MAP);
  const held = [...keys.keys()].filter((id) => keyOf(confidential, id) !== null).sort();
  if (held[0] !== undefined) return held[0];
  const id = randomUUID();
  keys.set(id, randomBytes(32).toString('hex'));
  return id;
}

export interface ApprovalCheck {
  meeting: string;
  /**
   * The fortroligt content's hash with the key of an id (null: the plain hash of an approval from before keys), or
   * null when that key is not here; the whole check is null when this laptop holds no confidential content.
   */
  confidential: ((keyId: string | null) => string | null) | null;
}

export function currentContent(meeting: Y.Doc, confidential: Y.Doc | null): ApprovalCheck {
  if (!confidential || !holdsContent(confidential)) return { meeting: contentHash(meeting), confidential: null };
  const hashes = new Map<string | null, string | null>();
  const hashWith = (keyId: string | null): string | null => {
    if (!hashes.has(keyId)) {
      const key = keyId === null ? null : keyOf(confidential, keyId);
      hashes.set(keyId, keyId !== null && key === null ? null : contentHash(confidential, key));
    }
    return hashes.get(keyId) ?? null;
  };
  return { meeting: contentHash(meeting), confidential: hashWith };
}

export function approvalMatches(record: Y.Map<unknown>, content: ApprovalCheck): boolean {
  if (record.get(CONTENT_FIELD) !== content.meeting) return false;
  if (content.confidential === null) return true;
  const keyId = record.get(KEY_ID_FIELD);
  if (keyId !== undefined && typeof keyId !== 'string') return false;
  const expected = content.confidential(keyId ?? null);
  return expected !== null && record.get(CONFIDENTIAL_CONTENT_FIELD) === expected;
}

/** Locked versions' ids, from the meeting document: their approvals stand whatever happens to the live content. */
export function lockedVersions(meeting: Y.Doc, confidential: Y.Doc | null): Set<string> {
  const locked = new Set<string>();
  for (const doc of confidential ? [meeting, confidential] : [meeting]) {
    for (const [key, record] of readRecords(doc.getMap(REFERAT_VERSIONS.type), REFERAT_VERSIONS)) if (record.values['status'] === 'godkendt') locked.add(key);
  }
  return locked;
}

/**
 * Records each approval row the document lacks (or that was given anew) with the content as it stands
 * now; an approval the document holds but the rows no longer do stays recorded (it went stale). Returns
 * the keys of the rows whose approval is stale and must go. Only the approvals of the persons this laptop
 * speaks for are written: its user's, or everyone's while the sharer uploads the forum's history.
 */
export function mirrorApprovals(
  meeting: Y.Doc,
  confidential: Y.Doc,
  rows: readonly { key: string; values: Values }[],
  versionIds: ReadonlySet<string>,
  speaksFor: (personId: string) => boolean,
): string[] {
  const map = meeting.getMap(APPROVALS.type);
  const locked = lockedVersions(meeting, confidential);
  const content = currentContent(meeting, confidential);
  for (const key of [...map.keys()]) {
    const versionId = key.split('|')[0] ?? '';
    if (!versionIds.has(versionId)) map.delete(key);
  }
  for (const { key, values } of rows) {
    // Another's approval is theirs to give (the server refuses it from anyone else); it arrives from their laptop.
    if (!speaksFor(key.split('|')[1] ?? '')) continue;
    const existing = map.get(key);
    if (existing instanceof Y.Map && existing.get('approvedAt') === values['approvedAt']) {
      if (wantsKey(key, existing, content, locked)) setConfidentialHash(existing, confidential);
      continue;
    }
    const record = new Y.Map<unknown>();
    map.set(key, record);
    for (const f of APPROVALS.fields) record.set(f.field, values[f.field] ?? null);
    record.set(CONTENT_FIELD, content.meeting);
    setConfidentialHash(record, confidential);
  }
  return rows.flatMap(({ key }) => {
    const record = map.get(key);
    const versionId = key.split('|')[0] ?? '';
    return record instanceof Y.Map && !locked.has(versionId) && !approvalMatches(record, content) ? [key] : [];
  });
}

/**
 * Whether an approval is from before keys and carries a plain hash a læser could test guesses against, while it
 * still matches: its own laptop then keys it. A locked version's approvals are left as they are: the server takes
 * no change to a locked meeting.
 */
function wantsKey(key: string, record: Y.Map<unknown>, content: ApprovalCheck, locked: ReadonlySet<string>): boolean {
  return !record.has(KEY_ID_FIELD) && content.confidential !== null && !locked.has(key.split('|')[0] ?? '') && approvalMatches(record, content);
}

/** Whether the meeting document holds an approval of `me`'s that wants a key, for this laptop to write it (mirrorApprovals). */
export function ownApprovalUnkeyed(meeting: Y.Doc, confidential: Y.Doc, me: string): boolean {
  const own = [...meeting.getMap(APPROVALS.type)].filter(
    (entry): entry is [string, Y.Map<unknown>] => entry[0].split('|')[1] === me && entry[1] instanceof Y.Map && !entry[1].has(KEY_ID_FIELD),
  );
  if (own.length === 0) return false;
  const content = currentContent(meeting, confidential);
  const locked = lockedVersions(meeting, confidential);
  return own.some(([key, record]) => wantsKey(key, record, content, locked));
}

/** Stores the fortroligt content's hash in an approval, keyed, with the key's id. */
function setConfidentialHash(record: Y.Map<unknown>, confidential: Y.Doc): void {
  const keyId = keyToWrite(confidential);
  record.set(KEY_ID_FIELD, keyId);
  record.set(CONFIDENTIAL_CONTENT_FIELD, contentHash(confidential, keyOf(confidential, keyId)));
}
