import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ArchiveError, BUSY_TIMEOUT_MS, openArchive } from '../../electron/archive/open';
import { LATEST_SCHEMA_VERSION } from '../../electron/archive/migrations';
import { tempArchivePath } from './support';
import { sha256 } from './archiveFiles';


describe('arkivet', () => {
  it('åbner en ny fil med WAL, fremmednøgler og nyeste skemaversion', () => {
    const archive = openArchive(tempArchivePath());
    expect(archive.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(archive.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Short, so a wait for another program never freezes the window; dispatch retries (services/busy.ts).
    expect(archive.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(100);
    expect(archive.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    archive.close();
  });

  it('afviser et arkiv fra en nyere version og lader filen være byte for byte uændret', () => {
    const path = tempArchivePath();
    const newer = new Database(path);
    newer.exec('CREATE TABLE fremtid (x TEXT); INSERT INTO fremtid VALUES (\'data\');');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    newer.close();
    const before = sha256(path);

    expect(() => openArchive(path)).toThrow(ArchiveError);
    expect(() => openArchive(path)).toThrow(/nyere version af Samtalerum.*Arkivet er ikke ændret/);
    expect(sha256(path)).toBe(before);
  });

  it('afviser en fil der ikke er et arkiv, med en dansk besked, og ændrer den ikke', () => {
    const path = tempArchivePath();
    writeFileSync(path, 'Dette er et referat i ren tekst, ikke en database.'.repeat(200));
    const before = sha256(path);
    expect(() => openArchive(path)).toThrow(/ikke et Samtalerum-arkiv/);
    expect(sha256(path)).toBe(before);
  });

  it('ruller en fejlende migrering helt tilbage', () => {
    const path = tempArchivePath();
    const db = new Database(path);
    // A table in the way makes migration 1 fail halfway through its statements.
    db.exec('CREATE TABLE meeting (x TEXT)');
    db.close();
    expect(() => openArchive(path)).toThrow();
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'forum'").get()).toBeUndefined();
    check.close();
  });
});
