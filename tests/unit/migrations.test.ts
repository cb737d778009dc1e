import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { tempArchivePath } from './support';

/** One test per migration: migrate to N-1, insert, migrate to N, assert. */
describe('migreringer', () => {
  it('001 grundlag: fra tomt arkiv til fora, møder, punkter, beslutninger og handlinger', () => {
    const path = tempArchivePath();
    const empty = openArchive(path, { targetVersion: 0 });
    expect(empty.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    empty.close();

    const archive = openArchive(path, { targetVersion: 1 });
    const { db } = archive;
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    db.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'Møde', '2026-12-01T14:00', 90, 'nu')",
    ).run();
    db.prepare(
      "INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, announced_colour) VALUES ('i', 'm', 1, 'Punkt', 'beslutning', 10, 'gul')",
    ).run();
    db.prepare("INSERT INTO decision (id, item_id, colour, text, recorded_at) VALUES ('d', 'i', 'groen', 'Vedtaget', 'nu')").run();
    db.prepare("INSERT INTO action (id, forum_id, item_id, what, who, created_at) VALUES ('a', 'f', 'i', 'Skriv', 'TR', 'nu')").run();

    expect(() => db.prepare("INSERT INTO decision (id, item_id, colour, text, recorded_at) VALUES ('x', 'i', 'lilla', 't', 'nu')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('y', 'ingen', 't', 's', 1, 'nu')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare("DELETE FROM forum WHERE id = 'f'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM decision').get()).toEqual({ n: 0 });
    archive.close();
  });
});
