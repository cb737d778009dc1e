// Updates that arrive together share one commit; each is reported stored only once it is on disk, and a
// failed commit reports every update in it as not stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../../server/storage/database';
import { DocumentStore } from '../../server/storage/documentStore';
import { createSchema } from '../../server/storage/schema';
import { openSqlite } from '../../server/storage/sqlite';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** The server's SQLite file, and a count of the commits made on it: statements outside a transaction each commit. */
async function storage(): Promise<{ file: string; db: Database; commits: () => number }> {
  const folder = mkdtempSync(join(tmpdir(), 'samtalerum-group-commit-'));
  folders.push(folder);
  const file = join(folder, 'server.sqlite');
  const real = openSqlite(file);
  await createSchema(real);
  let commits = 0;
  const db: Database = {
    ...real,
    run: (sql, params) => ((commits += 1), real.run(sql, params)),
    transaction: (work, options) => ((commits += 1), real.transaction(work, options)),
  };
  return { file, db, commits: () => commits };
}

function keystroke(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('noter').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const meeting = (n: number): string => `forum/0000beef-0000-4000-8000-000000000001/moede/0000beef-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('serverens opdateringer gemmes i fælles commits', () => {
  test('50 bærbares opdateringer, der kommer samtidig, gemmes i én commit, og hver er på disken, når den meldes gemt', async () => {
    const { file, db, commits } = await storage();
    const store = new DocumentStore(db, () => undefined);
    // Another connection to the file sees only what is committed.
    const reader = new BetterSqlite3(file, { readonly: true });
    const storedRows = (name: string): number =>
      (reader.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE name = ?').get(name) as { n: number }).n;
    const seen = await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(meeting(i), keystroke(`ord${i}`)).then(() => storedRows(meeting(i)))));
    expect(seen).toEqual(Array.from({ length: 50 }, () => 1));
    expect(commits()).toBe(1);
    // And each document reads back with its own update.
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await store.load(meeting(7)))!);
    expect(loaded.getText('noter').toString()).toBe('ord7');
    reader.close();
    await db.close();
  });

  test('en commit, databasen afviser, melder alle dens opdateringer ikke gemt, gemmer ingen af dem, og den næste commit virker', async () => {
    const { file, db } = await storage();
    const store = new DocumentStore(db, () => undefined);
    const other = new BetterSqlite3(file);
    // A real refusal from SQLite, as a full disk or a broken file would give.
    other.exec("CREATE TRIGGER afvis BEFORE INSERT ON document_updates BEGIN SELECT RAISE(ABORT, 'disken er fuld'); END");
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => store.append(meeting(n), keystroke(`ord${n}`))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((other.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }).n).toBe(0);
    other.exec('DROP TRIGGER afvis');
    await store.append(meeting(4), keystroke('ord4'));
    expect((other.prepare('SELECT name FROM document_updates').all() as { name: string }[]).map((row) => row.name)).toEqual([meeting(4)]);
    other.close();
    await db.close();
  });
});
