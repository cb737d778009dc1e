import { readReferatSnapshot, writeReferatSnapshot } from '../../shared/domain/referatSnapshot';
import { closedTitlesOf, sharedMeeting, sharedVersions } from '../services/redaction';
import type { Values } from './records';

/**
 * A referat version as the meeting document holds it: its snapshot, reason and change lines as the
 * redaction boundary shows them to a reader; the members-only document holds the version as written.
 */

function snapshotItems(snapshot: string | null): { title: string; confidential: boolean }[] {
  if (!snapshot) return [];
  const reading = readReferatSnapshot(snapshot);
  return reading.ok ? reading.meeting.items : [];
}

/** Titles that make a line confidential: the meeting's confidential items now, and in every version's snapshot. */
export function closedTitlesFor(items: readonly { title: string; confidential: boolean }[], versions: readonly Values[]): string[] {
  return closedTitlesOf([{ items: [...items, ...versions.flatMap((v) => snapshotItems(typeof v['snapshot'] === 'string' ? v['snapshot'] : null))] }]);
}

export function sharedVersionValues(version: Values, closedTitles: readonly string[]): Values {
  const texts = JSON.parse(String(version['changes'] ?? '[]')) as string[];
  const closedAt = new Set(JSON.parse(String(version['closedChanges'] ?? '[]')) as number[]);
  const [shared] = sharedVersions(
    [
      {
        number: Number(version['version']),
        status: version['status'] === 'godkendt' ? 'godkendt' : 'udkast',
        createdAt: String(version['createdAt']),
        approvedAt: typeof version['approvedAt'] === 'string' ? version['approvedAt'] : null,
        changeNote: String(version['changeNote'] ?? ''),
        changes: texts.map((text, index) => ({ text, confidential: closedAt.has(index) })),
        approvals: [],
      },
    ],
    closedTitles,
  );
  const snapshot = typeof version['snapshot'] === 'string' ? readReferatSnapshot(version['snapshot']) : null;
  return {
    ...version,
    changeNote: shared?.changeNote ?? '',
    changes: JSON.stringify(shared?.changes.map((c) => c.text) ?? []),
    closedChanges: JSON.stringify(shared?.changes.flatMap((c, index) => (c.confidential ? [index] : [])) ?? []),
    // A snapshot that cannot be read is not shared at all rather than shared unredacted.
    snapshot: snapshot?.ok ? writeReferatSnapshot(sharedMeeting(snapshot.meeting)) : null,
  };
}
