import type * as Y from 'yjs';
import { MEETING_ROOT, REFERAT_LOCKED_KEY } from '../../shared/sync/documents';
import { REFERAT_VERSIONS } from './codec/meetingRecords';
import { readRecords } from './records';

/**
 * Whether the meeting document holds the referat lock while its own latest version is a draft: a new version was
 * started on a laptop that had the locked version from the fortroligt document before the lock key arrived in the
 * meeting document, so that laptop could not remove the key (it had never seen it). The mirror removes it at the
 * next write to the meeting; until then the server keeps the meeting locked, and the new version's edits and
 * approvals would be refused, so a laptop that sees it removes it at once. The meeting document's own versions
 * decide, not the rows: a lock whose approved version has reached only this document is not superseded.
 */
export function lockSuperseded(meeting: Y.Doc): boolean {
  if (typeof meeting.getMap(MEETING_ROOT).get(REFERAT_LOCKED_KEY) !== 'string') return false;
  const versions = [...readRecords(meeting.getMap(REFERAT_VERSIONS.type), REFERAT_VERSIONS).values()].map((record) => record.values);
  const latest = versions.reduce<(typeof versions)[number] | null>((last, v) => (last === null || Number(v['version']) > Number(last['version']) ? v : last), null);
  return latest !== null && latest['status'] !== 'godkendt';
}
