import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { RecordCodec, Scalar } from '../../shared/records/fields';
import { ACTIONS, APPROVALS, DECISIONS, DISSENTS, ITEMS, REFERAT_VERSIONS } from './codec/meetingRecords';
import { readRecords, type Values } from './records';

/**
 * An approval is bound to what it approved: it stores a hash of the meeting's approved content (the
 * fields marked `approved` in the codecs) in the meeting document and, for members, in the fortroligt
 * document. When that content changes, here or on another laptop at the same time, the approval no longer
 * matches and counts as stale: its row is left out, and the referat asks for it again. A locked version's
 * approvals always count: its content is frozen in its snapshot.
 */

const APPROVED_CONTENT: readonly RecordCodec[] = [ITEMS, DECISIONS, DISSENTS, ACTIONS];

/** The fields an approval holds besides the row's. */
export const CONTENT_FIELD = 'indhold';
export const CONFIDENTIAL_CONTENT_FIELD = 'fortroligtIndhold';

/** A hash of the approved fields of every record in the document, the same on every laptop that holds the same state. */
export function contentHash(doc: Y.Doc): string {
  const hash = createHash('sha256');
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

export interface ApprovalCheck {
  meeting: string;
  confidential: string | null;
}

export function currentContent(meeting: Y.Doc, confidential: Y.Doc | null): ApprovalCheck {
  return { meeting: contentHash(meeting), confidential: confidential && holdsContent(confidential) ? contentHash(confidential) : null };
}

export function approvalMatches(record: Y.Map<unknown>, content: ApprovalCheck): boolean {
  if (record.get(CONTENT_FIELD) !== content.meeting) return false;
  return content.confidential === null || record.get(CONFIDENTIAL_CONTENT_FIELD) === content.confidential;
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
  const content = currentContent(meeting, confidential);
  for (const key of [...map.keys()]) {
    const versionId = key.split('|')[0] ?? '';
    if (!versionIds.has(versionId)) map.delete(key);
  }
  for (const { key, values } of rows) {
    // Another's approval is theirs to give (the server refuses it from anyone else); it arrives from their laptop.
    if (!speaksFor(key.split('|')[1] ?? '')) continue;
    const existing = map.get(key);
    if (existing instanceof Y.Map && existing.get('approvedAt') === values['approvedAt']) continue;
    const record = new Y.Map<Scalar>();
    map.set(key, record);
    for (const f of APPROVALS.fields) record.set(f.field, values[f.field] ?? null);
    record.set(CONTENT_FIELD, content.meeting);
    record.set(CONFIDENTIAL_CONTENT_FIELD, contentHash(confidential));
  }
  const locked = lockedVersions(meeting, confidential);
  return rows.flatMap(({ key }) => {
    const record = map.get(key);
    const versionId = key.split('|')[0] ?? '';
    return record instanceof Y.Map && !locked.has(versionId) && !approvalMatches(record, content) ? [key] : [];
  });
}
