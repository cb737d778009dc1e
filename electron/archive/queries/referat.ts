import type { ReferatApproval, ReferatChange, ReferatVersionSummary } from '../../../shared/api/types';
import type { SqliteDb } from '../open';
import { statement } from '../statements';

interface VersionRow {
  id: string;
  version: number;
  status: 'udkast' | 'godkendt';
  change_note: string;
  created_at: string;
  approved_at: string | null;
  snapshot: string | null;
  changes: string;
  closed_changes: string;
}

export interface StoredVersion extends ReferatVersionSummary {
  id: string;
  /** The meeting as it stood when the version was approved (JSON); null while a draft. */
  snapshot: string | null;
}

export function versionsOf(db: SqliteDb, meetingId: string): StoredVersion[] {
  const rows = statement(db, 'SELECT * FROM referat_version WHERE meeting_id = ? ORDER BY version').all(meetingId) as VersionRow[];
  return rows.map((r) => ({
    id: r.id,
    number: r.version,
    status: r.status,
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    changeNote: r.change_note,
    changes: changeLines(r.changes, r.closed_changes),
    snapshot: r.snapshot,
    approvals: approvalsOf(db, r.id),
  }));
}

/** The stored lines with their flags; `closed_changes` holds the indexes of the confidential ones. */
function changeLines(changes: string, closed: string): ReferatChange[] {
  const closedAt = new Set(JSON.parse(closed) as number[]);
  return (JSON.parse(changes) as string[]).map((text, index) => ({ text, confidential: closedAt.has(index) }));
}

function approvalsOf(db: SqliteDb, versionId: string): ReferatApproval[] {
  return statement(
    db,
    `SELECT a.person_id AS personId, p.name, a.role, a.approved_at AS approvedAt
       FROM referat_approval a JOIN person p ON p.id = a.person_id
      WHERE a.version_id = ? ORDER BY a.approved_at, p.name`,
  ).all(versionId) as ReferatApproval[];
}

export function insertVersion(db: SqliteDb, v: { id: string; meetingId: string; number: number; changeNote: string; createdAt: string }): void {
  statement(db, 'INSERT INTO referat_version (id, meeting_id, version, change_note, created_at) VALUES (?, ?, ?, ?, ?)').run(
    v.id,
    v.meetingId,
    v.number,
    v.changeNote,
    v.createdAt,
  );
}

export function insertApproval(db: SqliteDb, versionId: string, personId: string, role: string, at: string): void {
  statement(
    db,
    'INSERT INTO referat_approval (version_id, person_id, role, approved_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(versionId, personId, role, at);
}

export function lockVersion(db: SqliteDb, versionId: string, at: string, snapshot: string, changes: readonly ReferatChange[]): void {
  const closed = changes.flatMap((change, index) => (change.confidential ? [index] : []));
  statement(
    db,
    "UPDATE referat_version SET status = 'godkendt', approved_at = ?, snapshot = ?, changes = ?, closed_changes = ? WHERE id = ?",
  ).run(at, snapshot, JSON.stringify(changes.map((c) => c.text)), JSON.stringify(closed), versionId);
}

export function isReferatLocked(db: SqliteDb, meetingId: string): boolean {
  const row = statement(db, 'SELECT status FROM referat_version WHERE meeting_id = ? ORDER BY version DESC LIMIT 1').get(meetingId) as
    | { status: string }
    | undefined;
  return row?.status === 'godkendt';
}

/** The meeting an agenda item belongs to, without loading the item; null when the id is unknown. */
export function meetingOfItem(db: SqliteDb, itemId: string): string | null {
  const row = statement(db, 'SELECT meeting_id FROM agenda_item WHERE id = ?').get(itemId) as { meeting_id: string } | undefined;
  return row?.meeting_id ?? null;
}
