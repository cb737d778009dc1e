import type { Database } from './database';

/**
 * The server's own tables, the same on SQLite and PostgreSQL (only the byte and counter types differ).
 * Credentials and invitation codes are stored only as hashes. Times are ISO strings.
 *
 * - persons: one row per person; `kommune_admin` may invite administrators and manage every forum.
 * - devices: a laptop's revocable credential; `revoked_at` set = refused from then on.
 * - forums, members (right `medlem` or `læser`, `admin` 0/1 per forum).
 * - invitations: one-time codes for a forum and a right, for a kommune administrator, or (neither) for a
 *   person the kommune lets share forums.
 * - forum_sharers: persons the kommune lets share a forum (kommune administrators may anyway). A forum id
 *   travels in exchange files, so letting anyone share it would let the first to do so own it.
 * - meeting_locks: when a meeting's referat was locked, per forum and meeting (a meeting id binds nothing
 *   across forums: the same id under another forum is another document, so nobody can squat a meeting id); the row
 *   goes when a new referat version lifts the lock, and comes again when that version is locked.
 * - documents + document_updates: the stored Yjs state and every acknowledged update since it was compacted.
 * - identities: a person at the kommune's identity provider (issuer and stable subject, see server/auth/idTokens.ts).
 * - sessions: one sign-in on one device, with the hash of its current renewal secret; `revoked_at` set = ended.
 *   used_renewals: renewal secrets already exchanged (one shown again ends its session); session_tokens:
 *   the short-lived tokens of a session; used_id_tokens: ID tokens already exchanged, until they expire.
 * - member_persons: which forum person (a row of the laptops' `person` table) a member is; unique both ways
 *   per forum. invitation_persons: the forum person an invitation is for (server/membership/forumPersons.ts).
 * - history_uploads: the one device that may upload others' old approvals, while sharing a forum's history.
 */
function statements(bytes: string, counter: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS persons (
      id TEXT PRIMARY KEY, navn TEXT NOT NULL, kommune_admin INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS devices (
      id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id), navn TEXT NOT NULL,
      credential_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)`,
    `CREATE TABLE IF NOT EXISTS forums (
      id TEXT PRIMARY KEY, navn TEXT NOT NULL, created_by TEXT NOT NULL REFERENCES persons(id), created_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS members (
      forum_id TEXT NOT NULL REFERENCES forums(id), person_id TEXT NOT NULL REFERENCES persons(id),
      ret TEXT NOT NULL CHECK (ret IN ('medlem', 'læser')), admin INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (forum_id, person_id))`,
    `CREATE TABLE IF NOT EXISTS invitations (
      code_hash TEXT PRIMARY KEY, forum_id TEXT REFERENCES forums(id), ret TEXT, kommune_admin INTEGER NOT NULL DEFAULT 0,
      navn TEXT NOT NULL, created_by TEXT, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT)`,
    `CREATE TABLE IF NOT EXISTS forum_sharers (person_id TEXT PRIMARY KEY REFERENCES persons(id), granted_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS meeting_locks (
      forum_id TEXT NOT NULL REFERENCES forums(id), meeting_id TEXT NOT NULL, locked_at TEXT NOT NULL,
      PRIMARY KEY (forum_id, meeting_id))`,
    `CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state ${bytes} NOT NULL, updated_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS document_updates (id ${counter}, name TEXT NOT NULL, update_bytes ${bytes} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS identities (
      issuer TEXT NOT NULL, subject TEXT NOT NULL, person_id TEXT NOT NULL REFERENCES persons(id), created_at TEXT NOT NULL,
      PRIMARY KEY (issuer, subject))`,
    `CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES persons(id), device_id TEXT NOT NULL REFERENCES devices(id),
      renewal_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT)`,
    `CREATE TABLE IF NOT EXISTS used_renewals (renewal_hash TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id))`,
    `CREATE TABLE IF NOT EXISTS session_tokens (
      token_hash TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), expires_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS used_id_tokens (token_hash TEXT PRIMARY KEY, expires_at TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS member_persons (
      forum_id TEXT NOT NULL REFERENCES forums(id), person_id TEXT NOT NULL REFERENCES persons(id), forum_person_id TEXT NOT NULL,
      PRIMARY KEY (forum_id, person_id), UNIQUE (forum_id, forum_person_id))`,
    `CREATE TABLE IF NOT EXISTS invitation_persons (code_hash TEXT PRIMARY KEY REFERENCES invitations(code_hash), forum_person_id TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS history_uploads (
      forum_id TEXT PRIMARY KEY REFERENCES forums(id), device_id TEXT NOT NULL REFERENCES devices(id), opened_at TEXT NOT NULL,
      closes_at TEXT NOT NULL, closed_at TEXT)`,
    `CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, id)`,
    `CREATE INDEX IF NOT EXISTS sessions_person ON sessions (person_id)`,
    `CREATE INDEX IF NOT EXISTS session_tokens_session ON session_tokens (session_id)`,
    `CREATE INDEX IF NOT EXISTS session_tokens_expiry ON session_tokens (expires_at)`,
    `CREATE INDEX IF NOT EXISTS used_renewals_session ON used_renewals (session_id)`,
    `CREATE INDEX IF NOT EXISTS used_id_tokens_expiry ON used_id_tokens (expires_at)`,
    `CREATE INDEX IF NOT EXISTS members_person ON members (person_id)`,
    `CREATE INDEX IF NOT EXISTS devices_person ON devices (person_id)`,
  ];
}

export async function createSchema(db: Database): Promise<void> {
  const ddl =
    db.dialect === 'sqlite'
      ? statements('BLOB', 'INTEGER PRIMARY KEY AUTOINCREMENT')
      : statements('BYTEA', 'BIGSERIAL PRIMARY KEY');
  await db.transaction(async (tx) => {
    // Several instances behind a load balancer may start at once; PostgreSQL's catalogue is not safe
    // for concurrent CREATE TABLE IF NOT EXISTS, so they take turns.
    if (db.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(7151)');
    for (const sql of ddl) await tx.run(sql);
  });
}
