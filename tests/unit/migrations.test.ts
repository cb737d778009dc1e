import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { tempArchivePath } from './support';

/** One test per migration: migrate to N-1, insert, migrate to N, assert. */
describe('migrering 001 grundlag', () => {
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

describe('migrering 002 forberedelse', () => {
  it('giver eksisterende fora en første version af spillereglerne og standardværdier for de nye felter', () => {
    const path = tempArchivePath();
    const v1 = openArchive(path, { targetVersion: 1 });
    v1.db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', '2026-01-01')").run();
    v1.db.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'Møde', '2026-12-01T14:00', 90, 'nu')",
    ).run();
    v1.db.prepare(
      "INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('i', 'm', 1, 'Punkt', 'droeftelse', 10)",
    ).run();
    v1.close();

    const v2 = openArchive(path, { targetVersion: 2 });
    const { db } = v2;
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT cadence, default_minutes, demo FROM forum').get()).toEqual({ cadence: 'maanedlig', default_minutes: 90, demo: 0 });
    expect(db.prepare('SELECT version, text, changed_at FROM ground_rules').all()).toEqual([
      { version: 1, text: '', changed_at: '2026-01-01' },
    ]);
    expect(db.prepare('SELECT confidential, sensitive, added_late, forvarsel_at FROM agenda_item').get()).toEqual({
      confidential: 0,
      sensitive: 0,
      added_late: 0,
      forvarsel_at: null,
    });
    expect(db.prepare('SELECT purpose, agenda_sent_at FROM meeting').get()).toEqual({ purpose: '', agenda_sent_at: null });
    v2.close();
  });
});

describe('migrering 003 mødet', () => {
  it('gør eksisterende beslutninger endelige og giver handlinger deres møde', () => {
    const path = tempArchivePath();
    const v2 = openArchive(path, { targetVersion: 2 });
    const { db: old } = v2;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'Møde', '2026-12-01T14:00', 90, 'nu')",
    ).run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('i', 'm', 1, 'Punkt', 'beslutning', 10)").run();
    old.prepare("INSERT INTO decision (id, item_id, colour, text, recorded_at) VALUES ('d', 'i', 'gul', 'Vedtaget', '2026-12-01T15:00:00Z')").run();
    old.prepare("INSERT INTO action (id, forum_id, item_id, what, who, created_at) VALUES ('a', 'f', 'i', 'Skriv', 'TR', 'nu')").run();
    v2.close();

    const v3 = openArchive(path, { targetVersion: 3 });
    const { db } = v3;
    expect(db.prepare('SELECT final_at, outcome FROM decision').get()).toEqual({ final_at: '2026-12-01T15:00:00Z', outcome: 'beslutning' });
    expect(db.prepare('SELECT meeting_id, term FROM action').get()).toEqual({ meeting_id: 'm', term: 'kort' });
    expect(db.prepare('SELECT run_phase FROM meeting').get()).toEqual({ run_phase: 'ikke_startet' });
    expect(db.prepare('SELECT run_state, timer_elapsed, round_done FROM agenda_item').get()).toEqual({
      run_state: 'kommende',
      timer_elapsed: 0,
      round_done: '[]',
    });
    v3.close();
  });
});

describe('migrering 004 referat', () => {
  it('giver afholdte møder plads til referatversioner og godkendelser, der følger mødet og personen', () => {
    const path = tempArchivePath();
    const v3 = openArchive(path, { targetVersion: 3 });
    const { db: old } = v3;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at, run_phase) VALUES ('m', 'f', 'Møde', '2026-12-01T14:00', 90, 'nu', 'afsluttet')",
    ).run();
    old.prepare("INSERT INTO person (id, name, created_at) VALUES ('p', 'Skoleleder', 'nu')").run();
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'referat%'").all()).toEqual([]);
    v3.close();

    const v4 = openArchive(path, { targetVersion: 4 });
    const { db } = v4;
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    // Nothing is made up for meetings held before the referat existed.
    expect(db.prepare('SELECT COUNT(*) AS n FROM referat_version').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT title, run_phase FROM meeting WHERE id = 'm'").get()).toEqual({ title: 'Møde', run_phase: 'afsluttet' });

    db.prepare("INSERT INTO referat_version (id, meeting_id, version, created_at) VALUES ('v1', 'm', 1, 'nu')").run();
    expect(db.prepare("SELECT status, change_note, approved_at, snapshot, changes FROM referat_version WHERE id = 'v1'").get()).toEqual({
      status: 'udkast',
      change_note: '',
      approved_at: null,
      snapshot: null,
      changes: '[]',
    });
    const insertVersion = db.prepare("INSERT INTO referat_version (id, meeting_id, version, status, created_at) VALUES (?, ?, ?, ?, 'nu')");
    expect(() => insertVersion.run('v0', 'm', 0, 'udkast')).toThrow(/CHECK/);
    expect(() => insertVersion.run('vx', 'm', 2, 'låst')).toThrow(/CHECK/);
    expect(() => insertVersion.run('vdup', 'm', 1, 'udkast')).toThrow(/UNIQUE/);
    expect(() => insertVersion.run('vnone', 'intet-møde', 1, 'udkast')).toThrow(/FOREIGN KEY/);

    db.prepare("INSERT INTO referat_approval (version_id, person_id, role, approved_at) VALUES ('v1', 'p', 'skoleleder', 'nu')").run();
    expect(() =>
      db.prepare("INSERT INTO referat_approval (version_id, person_id, role, approved_at) VALUES ('v1', 'p', 'skoleleder', 'igen')").run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    // A person who is removed takes their approvals along; a meeting takes its whole referat.
    db.prepare("DELETE FROM person WHERE id = 'p'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM referat_approval').get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM meeting WHERE id = 'm'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM referat_version').get()).toEqual({ n: 0 });
    v4.close();
  });
});

describe('migrering 005 søgning', () => {
  it('indekserer eksisterende møder, punkter, beslutninger og handlinger, og holder indekset i trit bagefter', () => {
    const path = tempArchivePath();
    const v4 = openArchive(path, { targetVersion: 4 });
    const { db: old } = v4;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, purpose, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'Skemalægning for foråret', 'nu')",
    ).run();
    old.prepare(
      "INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, background, notes) VALUES ('i', 'm', 1, 'Fælles forberedelsestid', 'beslutning', 10, 'Rammen er 45 minutter', 'Pædagogerne ønsker en anden dag')",
    ).run();
    old.prepare(
      "INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, confidential) VALUES ('p', 'm', 2, 'Personalesag', 'orientering', 5, 1)",
    ).run();
    old.prepare(
      "INSERT INTO decision (id, item_id, colour, text, dissent, recorded_at) VALUES ('d', 'i', 'groen', 'Tirsdag kl. 14.15', 'SFO-åbningen', 'nu')",
    ).run();
    old.prepare("INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, created_at) VALUES ('a', 'f', 'p', 'm', 'Trække fraværstal', 'AMR', 'nu')").run();
    v4.close();

    const v5 = openArchive(path, { targetVersion: 5 });
    const { db } = v5;
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const find = (match: string) =>
      db.prepare('SELECT kind, ref_id, confidential, starts_at FROM search WHERE search MATCH ? ORDER BY kind, ref_id').all(match);
    expect(find('"forberedelse"*')).toEqual([
      { kind: 'decision', ref_id: 'd', confidential: 0, starts_at: '2026-12-01T14:00' },
      { kind: 'item', ref_id: 'i', confidential: 0, starts_at: '2026-12-01T14:00' },
    ]);
    expect(find('"skemalægning"')).toEqual([{ kind: 'meeting', ref_id: 'm', confidential: 0, starts_at: '2026-12-01T14:00' }]);
    expect(find('"åbningen"')).toEqual([{ kind: 'decision', ref_id: 'd', confidential: 0, starts_at: '2026-12-01T14:00' }]);
    expect(find('"FRAVÆR"*')).toEqual([{ kind: 'action', ref_id: 'a', confidential: 1, starts_at: '2026-12-01T14:00' }]);
    // With rank 1, FTS5 checks the index against the content table (search_doc) and throws if they differ.
    const checkIndex = () => db.prepare("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)").run();
    expect(checkIndex).not.toThrow();

    // The triggers installed by the migration keep the index in step with later changes.
    db.prepare("UPDATE meeting SET starts_at = '2027-01-12T14:00' WHERE id = 'm'").run();
    db.prepare("UPDATE agenda_item SET confidential = 0 WHERE id = 'p'").run();
    expect(find('"fraværstal"')).toEqual([{ kind: 'action', ref_id: 'a', confidential: 0, starts_at: '2027-01-12T14:00' }]);
    db.prepare("DELETE FROM meeting WHERE id = 'm'").run();
    expect(find('"forberedelse"*')).toEqual([]);
    expect(checkIndex).not.toThrow();
    v5.close();
  });
});

describe('migrering 006 handlinger', () => {
  it('genopbygger handlingstabellen med de nye statusser, beholder rækker, indeks og søgetriggere, og tilføjer noter', () => {
    const path = tempArchivePath();
    const v5 = openArchive(path, { targetVersion: 5 });
    const { db: old } = v5;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'nu')",
    ).run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('i', 'm', 1, 'Tilsyn', 'beslutning', 10)").run();
    old
      .prepare(
        "INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, due, status, term, created_at) VALUES ('a', 'f', 'i', 'm', 'Sende tilsynsplanen', 'AMR', '2026-12-08', 'aaben', 'lang', 'nu')",
      )
      .run();
    old.prepare("INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, status, created_at) VALUES ('b', 'f', NULL, 'm', 'Trække fraværstal', 'TR', 'udfoert', 'nu')").run();
    v5.close();

    const v6 = openArchive(path, { targetVersion: 6 });
    const { db } = v6;
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT id, forum_id, item_id, meeting_id, what, who, due, status, term, drop_reason, parent_action_id FROM action ORDER BY id').all()).toEqual([
      { id: 'a', forum_id: 'f', item_id: 'i', meeting_id: 'm', what: 'Sende tilsynsplanen', who: 'AMR', due: '2026-12-08', status: 'aaben', term: 'lang', drop_reason: null, parent_action_id: null },
      { id: 'b', forum_id: 'f', item_id: null, meeting_id: 'm', what: 'Trække fraværstal', who: 'TR', due: null, status: 'udfoert', term: 'kort', drop_reason: null, parent_action_id: null },
    ]);
    const names = (type: string) =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND tbl_name = 'action' AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string }[]).map(
        (r) => r.name,
      );
    expect(names('index')).toEqual(['action_due', 'action_forum_status', 'action_item', 'action_meeting', 'action_parent']);
    expect(names('trigger')).toEqual(['search_action_ad', 'search_action_ai', 'search_action_au']);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE sql LIKE '%action_new%'").get()).toEqual({ n: 0 });

    // New statuses; dropping needs a reason; a split points at its parent; notes follow the action.
    db.prepare("UPDATE action SET status = 'igang' WHERE id = 'a'").run();
    expect(() => db.prepare("UPDATE action SET status = 'parkeret' WHERE id = 'a'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE action SET status = 'droppet' WHERE id = 'b'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE action SET status = 'droppet', drop_reason = 'Ikke længere relevant' WHERE id = 'b'").run();
    db.prepare(
      "INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, created_at, parent_action_id) VALUES ('c', 'f', 'i', 'm', 'Tilsynsplan til indskolingen', 'AMR', 'nu', 'a')",
    ).run();
    db.prepare("INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at) VALUES ('n', 'a', 'Delt i to', 'aaben', 'igang', '2026-12-02T10:00:00.000Z')").run();
    expect(() => db.prepare("INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at) VALUES ('x', 'ingen', '', 'aaben', 'igang', 'nu')").run()).toThrow(
      /FOREIGN KEY/,
    );

    // The search triggers on action work again: new and changed actions are found, deleted ones are gone.
    const find = (match: string) => db.prepare('SELECT ref_id FROM search WHERE search MATCH ? ORDER BY ref_id').all(match);
    expect(find('"tilsynsplan"*')).toEqual([{ ref_id: 'a' }, { ref_id: 'c' }]);
    db.prepare("UPDATE action SET what = 'Sende skemaet' WHERE id = 'a'").run();
    expect(find('"skemaet"')).toEqual([{ ref_id: 'a' }]);
    db.prepare("DELETE FROM action WHERE id = 'a'").run();
    expect(find('"skemaet"')).toEqual([]);
    expect(db.prepare("SELECT parent_action_id FROM action WHERE id = 'c'").get()).toEqual({ parent_action_id: null });
    expect(db.prepare('SELECT COUNT(*) AS n FROM action_note').get()).toEqual({ n: 0 });
    // Triggers on other tables that name action still work after the rebuild.
    db.prepare("UPDATE agenda_item SET confidential = 1 WHERE id = 'i'").run();
    expect(db.prepare("SELECT confidential FROM search_doc WHERE kind = 'action' AND ref_id = 'c'").get()).toEqual({ confidential: 1 });
    expect(() => db.prepare("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    v6.close();
  });
});

describe('migrering 007 sager', () => {
  it('giver punkter en sag, som overlever at et punkt slettes, og som punkterne overlever', () => {
    const path = tempArchivePath();
    const v6 = openArchive(path, { targetVersion: 6 });
    v6.db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    v6.db
      .prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'nu')")
      .run();
    v6.db.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('i', 'm', 1, 'Vikardækning', 'beslutning', 10)").run();
    v6.db.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('j', 'm', 2, 'Vikardækning igen', 'beslutning', 10)").run();
    v6.close();

    const v7 = openArchive(path, { targetVersion: 7 });
    const { db } = v7;
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT id, sag_id FROM agenda_item ORDER BY id').all()).toEqual([
      { id: 'i', sag_id: null },
      { id: 'j', sag_id: null },
    ]);
    expect(() => db.prepare("INSERT INTO sag (id, title, created_at) VALUES ('tom', '  ', 'nu')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO sag (id, title, created_at) VALUES ('s', 'Vikardækning', 'nu')").run();
    db.prepare("UPDATE agenda_item SET sag_id = 's'").run();
    expect(() => db.prepare("UPDATE agenda_item SET sag_id = 'ingen' WHERE id = 'i'").run()).toThrow(/FOREIGN KEY/);
    // The trigram index has the existing titles, folded, and follows new, changed and deleted items.
    const found = (like: string) =>
      (db.prepare('SELECT d.item_id AS id FROM item_title_trigram t JOIN item_title_doc d ON d.doc = t.rowid WHERE t.folded_title LIKE ? ORDER BY d.item_id').all(like) as { id: string }[]).map(
        (r) => r.id,
      );
    expect(found('%dækning%')).toEqual(['i', 'j']);
    db.prepare("UPDATE agenda_item SET title = 'ÆRØ-TUREN' WHERE id = 'j'").run();
    expect(found('%ærø-tur%')).toEqual(['j']);
    expect(found('%dækning%')).toEqual(['i']);
    db.prepare("DELETE FROM agenda_item WHERE id = 'i'").run();
    expect(found('%dækning%')).toEqual([]);
    expect(db.prepare('SELECT item_id FROM item_title_doc').all()).toEqual([{ item_id: 'j' }]);
    // VACUUM may give agenda_item new rowids; the index goes by its own ids and still finds the item.
    db.exec('VACUUM');
    expect(found('%ærø%')).toEqual(['j']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sag').get()).toEqual({ n: 1 });
    db.prepare("DELETE FROM sag WHERE id = 's'").run();
    expect(db.prepare('SELECT id, sag_id FROM agenda_item').all()).toEqual([{ id: 'j', sag_id: null }]);
    v7.close();
  });
});

describe('migrering 008 lyttemøder', () => {
  it('opretter serier, møder, input og temaer uden plads til deltagernes navne', () => {
    const path = tempArchivePath();
    openArchive(path, { targetVersion: 7 }).close();
    const v8 = openArchive(path, { targetVersion: 8 });
    const { db } = v8;
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    db.prepare("INSERT INTO listening_series (id, title, created_at) VALUES ('s', 'Lyttemøder om arbejdstid', 'nu')").run();
    db.prepare(
      "INSERT INTO listening_meeting (id, series_id, school, date, teacher_group, participant_count, created_at) VALUES ('m', 's', 'Egeskolen', '2026-12-01', 'Indskolingen', 12, 'nu')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO listening_meeting (id, series_id, school, date, teacher_group, participant_count, created_at) VALUES ('x', 's', 'Egeskolen', '2026-12-01', 'Alle', -1, 'nu')")
        .run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO listening_input (id, meeting_id, position, text, is_quote, created_at) VALUES ('a', 'm', 1, 'Vi mangler tid til forberedelse', 1, 'nu')").run();
    expect(() =>
      db.prepare("INSERT INTO listening_input (id, meeting_id, position, text, destination, created_at) VALUES ('b', 'm', 2, 'Noget', 'videre', 'nu')").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO listening_theme (id, series_id, name, name_key) VALUES ('t', 's', 'Forberedelse', 'forberedelse')").run();
    expect(() => db.prepare("INSERT INTO listening_theme (id, series_id, name, name_key) VALUES ('u', 's', 'forberedelse', 'forberedelse')").run()).toThrow(
      /UNIQUE/,
    );
    db.prepare("INSERT INTO listening_input_theme (input_id, theme_id) VALUES ('a', 't')").run();
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('listening_input')).not.toContain('who');
    expect(columns('listening_meeting')).toContain('participant_count');

    // Deleting the series takes its meetings, inputs and themes along.
    db.prepare("DELETE FROM listening_series WHERE id = 's'").run();
    for (const table of ['listening_meeting', 'listening_input', 'listening_theme', 'listening_input_theme']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    v8.close();
  });
});

describe('migrering 009 fortrolighed', () => {
  it('mærker handlinger fra lukkede punkter og deres delte handlinger, og ændringslinjer om lukkede punkter', () => {
    const path = tempArchivePath();
    const v8 = openArchive(path, { targetVersion: 8 });
    const { db: old } = v8;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'nu')",
    ).run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, confidential) VALUES ('lukket', 'm', 1, 'Personalesag', 'orientering', 5, 1)").run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('aaben', 'm', 2, 'Tilsyn', 'beslutning', 10)").run();
    const action = old.prepare("INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, created_at, parent_action_id) VALUES (?, 'f', ?, 'm', ?, 'TR', 'nu', ?)");
    action.run('a', 'lukket', 'Samtale med Birgitte', null);
    // A split-off that lost its item still follows its parent.
    action.run('a1', null, 'Partshøring', 'a');
    action.run('a2', null, 'Bisidder', 'a1');
    action.run('b', 'aaben', 'Tilsynsplan', null);
    const snapshot = (title: string) => JSON.stringify({ items: [{ id: 'lukket', title, confidential: true }, { id: 'aaben', title: 'Tilsyn', confidential: false }] });
    const version = old.prepare(
      "INSERT INTO referat_version (id, meeting_id, version, status, created_at, snapshot, changes) VALUES (?, 'm', ?, 'godkendt', 'nu', ?, ?)",
    );
    version.run('v1', 1, snapshot('Personalesag'), '[]');
    version.run('v2', 2, snapshot('Ulf'), JSON.stringify(['Punkt 1 «Ulf»: titlen er ændret.', 'Punkt 2 «Tilsyn»: resuméet er ændret.']));
    // Sager named after a confidential item before this version: one with an open item, one without.
    old.prepare("INSERT INTO sag (id, title, created_at) VALUES ('s1', 'Personalesag', 'nu'), ('s2', 'Personalesag', 'nu'), ('s3', 'Egen titel', 'nu')").run();
    old.prepare(
      "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m2', 'f', 'Næste', '2027-01-05T14:00', 90, 'nu')",
    ).run();
    const sagItem = old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, confidential, sag_id) VALUES (?, 'm2', ?, ?, 'orientering', 5, ?, ?)");
    old.prepare("UPDATE agenda_item SET sag_id = 's1' WHERE id = 'lukket'").run();
    sagItem.run('x1', 1, 'Arbejdsmiljø', 0, 's1');
    sagItem.run('x2', 2, 'Personalesag', 1, 's2');
    sagItem.run('x3', 3, 'Opfølgning', 1, 's2');
    sagItem.run('x4', 4, 'Egen titel', 0, 's3');
    sagItem.run('x5', 5, 'Lukket', 1, 's3');
    v8.close();

    const v9 = openArchive(path, { targetVersion: 9 });
    const { db } = v9;
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT id, confidential FROM action ORDER BY id').all()).toEqual([
      { id: 'a', confidential: 1 },
      { id: 'a1', confidential: 1 },
      { id: 'a2', confidential: 1 },
      { id: 'b', confidential: 0 },
    ]);
    expect(db.prepare("SELECT closed_changes FROM referat_version WHERE id = 'v2'").get()).toEqual({ closed_changes: '[0]' });
    expect(db.prepare("SELECT closed_changes FROM referat_version WHERE id = 'v1'").get()).toEqual({ closed_changes: '[]' });
    expect(db.prepare('SELECT id, title FROM sag ORDER BY id').all()).toEqual([
      { id: 's1', title: 'Arbejdsmiljø' },
      { id: 's2', title: 'Sag om lukkede punkter' },
      { id: 's3', title: 'Egen titel' },
    ]);
    const docFlag = (id: string) => (db.prepare("SELECT confidential FROM search_doc WHERE kind = 'action' AND ref_id = ?").get(id) as { confidential: number }).confidential;
    expect(docFlag('a1')).toBe(1);

    // Removing the item keeps its action confidential, in the table and in the search index.
    db.prepare("DELETE FROM agenda_item WHERE id = 'lukket'").run();
    expect(db.prepare("SELECT item_id, confidential FROM action WHERE id = 'a'").get()).toEqual({ item_id: null, confidential: 1 });
    expect(docFlag('a')).toBe(1);
    // A new action takes its item's flag, and its parent's.
    db.prepare("UPDATE agenda_item SET confidential = 1 WHERE id = 'aaben'").run();
    expect(db.prepare("SELECT confidential FROM action WHERE id = 'b'").get()).toEqual({ confidential: 1 });
    expect(docFlag('b')).toBe(1);
    db.prepare("INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, created_at) VALUES ('c', 'f', 'aaben', 'm', 'Ny', 'AMR', 'nu')").run();
    db.prepare("INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, created_at, parent_action_id) VALUES ('d', 'f', NULL, 'm', 'Del', 'AMR', 'nu', 'a')").run();
    expect(db.prepare("SELECT id, confidential FROM action WHERE id IN ('c', 'd') ORDER BY id").all()).toEqual([
      { id: 'c', confidential: 1 },
      { id: 'd', confidential: 1 },
    ]);
    expect(docFlag('d')).toBe(1);
    // Un-marking the item opens the actions still on it; the one whose item is gone stays closed.
    db.prepare("UPDATE agenda_item SET confidential = 0 WHERE id = 'aaben'").run();
    expect(db.prepare('SELECT id, confidential FROM action ORDER BY id').all()).toEqual([
      { id: 'a', confidential: 1 },
      { id: 'a1', confidential: 1 },
      { id: 'a2', confidential: 1 },
      { id: 'b', confidential: 0 },
      { id: 'c', confidential: 0 },
      { id: 'd', confidential: 1 },
    ]);
    expect(docFlag('c')).toBe(0);
    // A version written without flags, as an import does, gets them from its snapshots.
    db.prepare(
      "INSERT INTO referat_version (id, meeting_id, version, status, created_at, snapshot, changes) VALUES ('v3', 'm', 3, 'godkendt', 'nu', ?, ?)",
    ).run(JSON.stringify({ items: [] }), JSON.stringify(['Deltagerlisten er ændret.', 'Punkt «Ulf» er fjernet.']));
    expect(db.prepare("SELECT closed_changes FROM referat_version WHERE id = 'v3'").get()).toEqual({ closed_changes: '[1]' });
    db.prepare("INSERT INTO referat_version (id, meeting_id, version, created_at, snapshot, changes) VALUES ('v4', 'm', 4, 'nu', 'ikke json', ?)").run(
      JSON.stringify(['Punkt «Ulf» er fjernet.']),
    );
    expect(db.prepare("SELECT closed_changes FROM referat_version WHERE id = 'v4'").get()).toEqual({ closed_changes: '[]' });
    expect(() => db.prepare("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    v9.close();
  });
});

describe('migrering 011 listesider', () => {
  it('giver de åbne handlinger og punkternes fortrolighed hver sit indeks, og rører ingen rækker', () => {
    const path = tempArchivePath();
    const v10 = openArchive(path, { targetVersion: 10 });
    const { db: old } = v10;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'nu')").run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, confidential) VALUES ('i', 'm', 1, 'Tilsyn', 'beslutning', 10, 1)").run();
    const action = old.prepare("INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, created_at, status, due) VALUES (?, 'f', 'i', 'm', ?, 'TR', 'nu', ?, ?)");
    action.run('aaben', 'Åben', 'aaben', '2026-12-10');
    action.run('udfoert', 'Udført', 'udfoert', '2026-11-10');
    action.run('forsinket', 'Forsinket', 'forsinket', null);
    v10.close();

    const v11 = openArchive(path, { targetVersion: 11 });
    const { db } = v11;
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ('action_open', 'agenda_item_register') ORDER BY name").all() as { name: string; sql: string }[];
    expect(indexes.map((i) => i.name)).toEqual(['action_open', 'agenda_item_register']);
    expect(indexes[0]?.sql).toMatch(/WHERE status IN \('aaben', 'igang', 'forsinket'\)/);
    // The partial index holds exactly the open actions.
    expect(db.prepare("SELECT id FROM action INDEXED BY action_open WHERE status IN ('aaben', 'igang', 'forsinket') ORDER BY id").pluck().all()).toEqual(['aaben', 'forsinket']);
    expect(db.prepare('SELECT id, confidential FROM agenda_item INDEXED BY agenda_item_register WHERE id = ?').get('i')).toEqual({ id: 'i', confidential: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM action').get()).toEqual({ n: 3 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v11.close();
  });
});

describe('migrering 012 listeorden', () => {
  it('giver opfølgningen indeks i listens orden og beslutningernes søgedokumenter et efter mødedato, og rører ingen rækker', () => {
    const path = tempArchivePath();
    const v11 = openArchive(path, { targetVersion: 11 });
    const { db: old } = v11;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'nu')").run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, confidential) VALUES ('i', 'm', 1, 'Tilsyn', 'beslutning', 10, 0)").run();
    old.prepare("INSERT INTO decision (id, item_id, colour, text, recorded_at) VALUES ('d', 'i', 'gul', 'Tilsynet følger planen.', 'nu')").run();
    const action = old.prepare("INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, created_at, status, due) VALUES (?, 'f', 'i', 'm', ?, 'TR', 'nu', ?, ?)");
    action.run('aaben', 'Åben', 'aaben', '2026-12-10');
    action.run('udfoert', 'Udført', 'udfoert', '2026-11-10');
    action.run('forsinket', 'Forsinket', 'forsinket', null);
    v11.close();

    const v12 = openArchive(path, { targetVersion: 12 });
    const { db } = v12;
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    // Deadline order, none last; the partial index holds exactly the open actions.
    expect(db.prepare('SELECT id FROM action INDEXED BY action_list ORDER BY due IS NULL, due, created_at DESC, id').pluck().all()).toEqual(['udfoert', 'aaben', 'forsinket']);
    expect(db.prepare("SELECT id FROM action INDEXED BY action_open_list WHERE status IN ('aaben', 'igang', 'forsinket') ORDER BY due IS NULL, due, created_at DESC, id").pluck().all()).toEqual(['aaben', 'forsinket']);
    expect(db.prepare("SELECT id FROM action INDEXED BY action_status_list WHERE status = 'udfoert'").pluck().all()).toEqual(['udfoert']);
    expect(db.prepare("SELECT ref_id, starts_at FROM search_doc INDEXED BY search_doc_register WHERE kind = 'decision'").all()).toEqual([{ ref_id: 'd', starts_at: '2026-12-01T14:00' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM action').get()).toEqual({ n: 3 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v12.close();
  });
});

describe('migrering 013 punktets udmelding', () => {
  it('giver punkterne et givet og et til diskussion, tomme for de punkter, der fandtes i forvejen', () => {
    const path = tempArchivePath();
    const v12 = openArchive(path, { targetVersion: 12 });
    const { db: old } = v12;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'nu')").run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, background) VALUES ('i', 'm', 1, 'Forberedelsestid', 'beslutning', 25, 'Rammen er 45 minutter.')").run();
    v12.close();

    const v13 = openArchive(path, { targetVersion: 13 });
    const { db } = v13;
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare("SELECT background, announced_given, announced_open FROM agenda_item WHERE id = 'i'").get()).toEqual({
      background: 'Rammen er 45 minutter.',
      announced_given: '',
      announced_open: '',
    });
    db.prepare("UPDATE agenda_item SET announced_given = 'Rammen er 45 minutter om ugen.', announced_open = 'Hvornår tiden ligger.' WHERE id = 'i'").run();
    expect(() => db.prepare("UPDATE agenda_item SET announced_given = NULL WHERE id = 'i'").run()).toThrow(/NOT NULL/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v13.close();
  });
});

describe('migrering 014 opfølgningshistorik', () => {
  it('giver handlingsnoter et møde og løst/ikke løst, beholder de gamle noter uden, og slipper mødet, når det slettes', () => {
    const path = tempArchivePath();
    const v13 = openArchive(path, { targetVersion: 13 });
    const { db: old } = v13;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'praksisforum', 'Praksisforum', 'Egeskolen', 'nu')").run();
    old.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'Praksisforum', '2026-12-01T14:00', 90, 'nu')").run();
    old.prepare("INSERT INTO action (id, forum_id, meeting_id, what, who, created_at, status) VALUES ('a', 'f', 'm', 'Få kopimaskinen på 1. sal repareret', 'SL', 'nu', 'igang')").run();
    old.prepare("INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at) VALUES ('n', 'a', 'Service er bestilt', 'aaben', 'igang', '2026-12-02T10:00:00.000Z')").run();
    v13.close();

    const v14 = openArchive(path, { targetVersion: 14 });
    const { db } = v14;
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare("SELECT note, meeting_id, resolution FROM action_note WHERE id = 'n'").get()).toEqual({ note: 'Service er bestilt', meeting_id: null, resolution: null });
    db.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m2', 'f', 'Praksisforum', '2027-03-01T14:00', 90, 'nu')").run();
    db.prepare("INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at, meeting_id, resolution) VALUES ('n2', 'a', 'Virker stadig ikke', 'igang', 'igang', '2027-03-01T14:20:00.000Z', 'm2', 'ikke_loest')").run();
    expect(() =>
      db.prepare("INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at, resolution) VALUES ('x', 'a', '', 'igang', 'igang', 'nu', 'maaske')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at, meeting_id) VALUES ('y', 'a', '', 'igang', 'igang', 'nu', 'ingen')").run(),
    ).toThrow(/FOREIGN KEY/);
    // The note outlives its meeting: the history of the problem stays.
    db.prepare("DELETE FROM meeting WHERE id = 'm2'").run();
    expect(db.prepare("SELECT meeting_id, resolution FROM action_note WHERE id = 'n2'").get()).toEqual({ meeting_id: null, resolution: 'ikke_loest' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v14.close();
  });
});

describe('migrering 015 udkast og dissens', () => {
  it('gør hver beslutnings fritekst-dissens til én post ord for ord, rører ikke beslutninger uden, og giver plads til udkast', () => {
    const path = tempArchivePath();
    const v14 = openArchive(path, { targetVersion: 14 });
    const { db: old } = v14;
    const words = 'TR (pædagoger): Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen.\nAMR: Vi vil se en plan for vikardækningen først.';
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'nu')").run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('i', 'm', 1, 'Forberedelsestid', 'beslutning', 10)").run();
    old.prepare("INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('j', 'm', 2, 'Tilsyn', 'beslutning', 10)").run();
    old.prepare("INSERT INTO decision (id, item_id, colour, text, dissent, recorded_at) VALUES ('d', 'i', 'groen', 'Tirsdag kl. 14.15', ?, 'nu')").run(words);
    old.prepare("INSERT INTO decision (id, item_id, colour, text, dissent, recorded_at) VALUES ('e', 'j', 'gul', 'Faste zoner', '   ', 'nu')").run();
    v14.close();

    const v15 = openArchive(path, { targetVersion: 15 });
    const { db } = v15;
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    expect(db.prepare('SELECT decision_id, position, person_id, name, role, text, minority_statement FROM decision_dissent').all()).toEqual([
      { decision_id: 'd', position: 0, person_id: null, name: '', role: '', text: words, minority_statement: 0 },
    ]);
    // Search keeps finding the old words.
    expect(db.prepare("SELECT dissent FROM decision WHERE id = 'd'").pluck().get()).toBe(words);
    db.prepare("INSERT INTO decision_draft (item_id, fields, saved_at) VALUES ('j', '{}', 'nu')").run();
    expect(() => db.prepare("INSERT INTO decision_draft (item_id, fields, saved_at) VALUES ('i', 'ikke json', 'nu')").run()).toThrow();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v15.close();
  });
});

describe('migrering 016 opfølgning efter tid', () => {
  it('finder noterne, der lukkede handlinger i et tidsrum, uden at læse forummets andre handlinger; noterne er de samme', () => {
    const path = tempArchivePath();
    const v15 = openArchive(path, { targetVersion: 15 });
    const { db: old } = v15;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    old.prepare("INSERT INTO action (id, forum_id, what, who, created_at, status) VALUES ('a', 'f', 'Bestil nye stole', 'SL', 'nu', 'udfoert')").run();
    old.prepare("INSERT INTO action_note (id, action_id, note, status_from, status_to, created_at) VALUES ('n', 'a', 'Leveret', 'igang', 'udfoert', '2026-11-20T09:00:00.000Z')").run();
    v15.close();

    const v16 = openArchive(path, { targetVersion: 16 });
    const { db } = v16;
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    const closedSince = "SELECT action_id FROM action_note WHERE status_to IN ('udfoert', 'droppet') AND created_at >= '2026-11-01T00:00:00.000Z'";
    expect(db.prepare(closedSince).pluck().all()).toEqual(['a']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${closedSince}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('USING COVERING INDEX action_note_status_time');
    expect(db.prepare("SELECT note, status_to, created_at FROM action_note WHERE id = 'n'").get()).toEqual({ note: 'Leveret', status_to: 'udfoert', created_at: '2026-11-20T09:00:00.000Z' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v16.close();
  });
});

describe('migrering 017 delte forummer', () => {
  it('gemmer delte forummer, deres opdateringer i rækkefølge og et samlet stadie pr. dokument', () => {
    const path = tempArchivePath();
    const v16 = openArchive(path, { targetVersion: 16 });
    v16.db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    v16.close();

    const v17 = openArchive(path, { targetVersion: 17 });
    const { db } = v17;
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    // A forum joined from another laptop is recorded before its rows arrive: no foreign key.
    db.prepare("INSERT INTO shared_forum (forum_id, server_url, shared_at) VALUES ('f', 'wss://x', 'nu'), ('ukendt', 'wss://x', 'nu')").run();
    const append = db.prepare("INSERT INTO sync_update (document, forum_id, update_blob, origin) VALUES ('forum/f', 'f', x'00', ?)");
    expect(Number(append.run('lokal').lastInsertRowid)).toBe(1);
    expect(Number(append.run('server').lastInsertRowid)).toBe(2);
    expect(() => append.run('nogen')).toThrow();
    expect(db.prepare("SELECT count(*) FROM sync_update WHERE origin = 'lokal' AND acknowledged = 0").pluck().get()).toBe(1);
    db.prepare("INSERT INTO sync_document (document, forum_id, state, state_seq) VALUES ('forum/f', 'f', x'', 0)").run();
    expect(() => db.prepare("INSERT INTO sync_document (document, forum_id, state, state_seq) VALUES ('forum/f', 'f', x'', 0)").run()).toThrow();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v17.close();
  });
});

describe('migrering 018 den bærbares ret i et delt forum', () => {
  it('giver hvert delt forum ret som medlem og ingen administration, og tager kun medlem eller læser', () => {
    const path = tempArchivePath();
    const v17 = openArchive(path, { targetVersion: 17 });
    v17.db.prepare("INSERT INTO shared_forum (forum_id, server_url, shared_at) VALUES ('f', 'https://x', 'nu')").run();
    v17.close();

    const v18 = openArchive(path, { targetVersion: 18 });
    const { db } = v18;
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(db.prepare("SELECT person_right, forum_admin FROM shared_forum WHERE forum_id = 'f'").get()).toEqual({ person_right: 'medlem', forum_admin: 0 });
    db.prepare("UPDATE shared_forum SET person_right = 'læser', forum_admin = 1 WHERE forum_id = 'f'").run();
    expect(() => db.prepare("UPDATE shared_forum SET person_right = 'gæst' WHERE forum_id = 'f'").run()).toThrow();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    v18.close();
  });
});

describe('migrering 021 samtykke pr. person', () => {
  it('flytter et samtykke, der nævner en af dagsordensejerne ved navn, og lader et skrevet navn stå', () => {
    const path = tempArchivePath();
    const v20 = openArchive(path, { targetVersion: 20 });
    const { db: old } = v20;
    old.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', '2026-01-01')").run();
    old.prepare("INSERT INTO person (id, name, created_at) VALUES ('tr', 'Jonas Holm', 'nu'), ('sl', 'Mette Lund', 'nu')").run();
    old.prepare(
      `INSERT INTO forum_member (id, forum_id, person_id, role, from_date, agenda_owner) VALUES
         ('m1', 'f', 'tr', 'TR (lærere)', '2026-01-01', 1), ('m2', 'f', 'sl', 'Skoleleder', '2026-01-01', 1)`,
    ).run();
    old.prepare("INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'Møde', '2026-12-01T14:00', 90, 'nu')").run();
    old.prepare(
      `INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, added_late, consent_by, consent_at) VALUES
         ('named', 'm', 1, 'Sent punkt', 'droeftelse', 10, 1, 'Jonas Holm', '2026-11-30T10:00:00.000Z'),
         ('typed', 'm', 2, 'Andet sent punkt', 'droeftelse', 10, 1, 'TR (lærere)', '2026-11-30T11:00:00.000Z'),
         ('asked', 'm', 3, 'Uden samtykke', 'droeftelse', 10, 1, '', NULL)`,
    ).run();
    v20.close();

    const v21 = openArchive(path, { targetVersion: 21 });
    const { db } = v21;
    expect(db.prepare('SELECT item_id, kind, person_id, given_at FROM item_consent').all()).toEqual([
      { item_id: 'named', kind: 'sent', person_id: 'tr', given_at: '2026-11-30T10:00:00.000Z' },
    ]);
    // The typed name stays readable where it was: no person to move it to.
    expect(db.prepare("SELECT consent_by, consent_at, added_by FROM agenda_item WHERE id = 'typed'").get()).toEqual({
      consent_by: 'TR (lærere)',
      consent_at: '2026-11-30T11:00:00.000Z',
      added_by: null,
    });
    expect(() => db.prepare("INSERT INTO item_consent (item_id, kind, person_id, given_at) VALUES ('asked', 'ja', 'tr', 'nu')").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM agenda_item WHERE id = 'named'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM item_consent').get()).toEqual({ n: 0 });
    v21.close();
  });
});

describe('migrering 022 kommentarer og nyt siden sidst', () => {
  it('giver punkter kommentarer, der følger punktet, og husker, hvornår dagsordenen sidst blev set', () => {
    const path = tempArchivePath();
    const before = openArchive(path, { targetVersion: 19 });
    before.db.exec(`
      INSERT INTO forum (id, kind, name, school, purpose, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', '', 'nu');
      INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES ('m', 'f', 'Møde', '2026-12-01T14:00', 90, 'nu');
      INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes) VALUES ('i', 'm', 1, 'APV', 'droeftelse', 10);
    `);
    before.close();

    const after = openArchive(path, { targetVersion: 22 });
    const { db } = after;
    expect(db.pragma('user_version', { simple: true })).toBe(22);
    db.prepare("INSERT INTO item_comment (id, item_id, text, created_at, changed_at) VALUES ('c', 'i', 'Husk skemaet', 'nu', 'nu')").run();
    expect(db.prepare("SELECT kind, author_id, answered_at FROM item_comment WHERE id = 'c'").get()).toEqual({ kind: 'kommentar', author_id: null, answered_at: null });
    expect(() => db.prepare("INSERT INTO item_comment (id, item_id, kind, text, created_at, changed_at) VALUES ('d', 'i', 'klage', 'x', 'nu', 'nu')").run()).toThrow();
    db.prepare("INSERT INTO agenda_seen (meeting_id, seen_at) VALUES ('m', 'nu')").run();
    db.prepare("DELETE FROM agenda_item WHERE id = 'i'").run();
    expect(db.prepare('SELECT count(*) FROM item_comment').pluck().get()).toBe(0);
    db.prepare("DELETE FROM meeting WHERE id = 'm'").run();
    expect(db.prepare('SELECT count(*) FROM agenda_seen').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  });
});
