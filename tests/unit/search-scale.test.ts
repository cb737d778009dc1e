import { copyFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withReadIndexesDeferred } from '../../electron/archive/bulkIndexes';
import { openArchive, type Archive, type SqliteDb } from '../../electron/archive/open';
import { searchScope, writeExchange } from '../../electron/archive/queries/exchange';
import { withIndexingSuspended } from '../../electron/archive/searchIndexing';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { MOST_HITS_BEST_FIRST, searchServiceText } from '../../electron/services/search';
import { buildSearchQuery } from '../../shared/domain/searchQuery';
import { parseExchange } from '../../shared/exchange/format';
import { must, servicesWithArchive, tempArchivePath } from './support';

/** How many segments the search index has: each segment has rows in FTS5's %_idx table. */
const segments = (db: SqliteDb) => (db.prepare('SELECT COUNT(DISTINCT segid) AS n FROM search_idx').get() as { n: number }).n;
const indexIsWhole = (db: SqliteDb) => {
  db.prepare("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)").run();
  db.prepare("INSERT INTO item_title_trigram (item_title_trigram, rank) VALUES ('integrity-check', 1)").run();
};

describe('korte præfikser og almindelige ord på et stort arkiv', () => {
  let archive: Archive;
  let services: Services;
  /** Meetings from 2015 to 2026, written in shuffled order before the upgrade to version 10. */
  const MEETINGS = 120;
  const ITEMS_PER_MEETING = 18;
  const FORUM = '00000000-0000-4000-8000-00000000000f';
  const dateOf = (n: number) => `${2015 + Math.floor(n / 10)}-${String((n % 10) + 1).padStart(2, '0')}-03T14:00`;

  beforeAll(() => {
    const path = tempArchivePath();
    const old = openArchive(path, { targetVersion: 9 });
    const { db } = old;
    db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES (?, 'trio', 'TRIO', 'Egeskolen', 'nu')").run(FORUM);
    const meeting = db.prepare('INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, created_at) VALUES (?, ?, ?, ?, 90, ?)');
    const item = db.prepare(
      "INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, background, confidential) VALUES (?, ?, ?, ?, 'droeftelse', 10, ?, ?)",
    );
    const order = fc.sample(fc.shuffledSubarray([...Array(MEETINGS).keys()], { minLength: MEETINGS, maxLength: MEETINGS }), { numRuns: 1, seed: 7 })[0] ?? [];
    db.transaction(() => {
      for (const n of order) {
        meeting.run(`m${n}`, FORUM, `Møde ${n}`, dateOf(n), 'nu');
        for (let p = 1; p <= ITEMS_PER_MEETING; p++) {
          // Every item says «for» and «fravær»; the newest meeting's first item is confidential.
          const closed = n === MEETINGS - 1 && p === 1 ? 1 : 0;
          item.run(`i${n}-${p}`, `m${n}`, p, closed ? 'Personalesag' : `Punkt ${p} om trivsel`, `Forslag for fraværet i ${n}. Øvrige ønsker.`, closed);
        }
      }
      // One item is about something rare, with the word once in its title and once in another text.
      db.prepare("UPDATE agenda_item SET title = 'Skolefotografering' WHERE id = 'i5-1'").run();
      db.prepare("UPDATE agenda_item SET background = 'Efter skolefotografering' WHERE id = 'i90-2'").run();
    })();
    old.close();
    ({ archive, services } = servicesWithArchive(path));
  });
  afterAll(() => services.close());

  it('har flere dokumenter end dem, der ordnes efter relevans', () => {
    const { n } = archive.db.prepare('SELECT COUNT(*) AS n FROM search_doc').get() as { n: number };
    expect(n).toBeGreaterThan(MOST_HITS_BEST_FIRST);
  });

  it('svarer på ét bogstav og almindelige ord med de nyeste først og siger det', async () => {
    for (const text of ['f', 'F', 'fo', 'for', 'ø', 'Ø', 'øv']) {
      const result = await must(services, 'search.query', { text, limit: 30 });
      expect(result.message, text).toBe(searchServiceText.newestFirst);
      expect(result.hits, text).toHaveLength(30);
      expect(result.more).toBe(true);
      const dates = result.hits.map((h) => h.startsAt ?? '');
      expect(dates, text).toEqual([...dates].sort().reverse());
      expect(dates[0], text).toBe(dateOf(MEETINGS - 1));
      // The confidential item of the newest meeting is left out unless asked for.
      expect(result.hits.some((h) => h.title === 'Personalesag'), text).toBe(false);
    }
    const withClosed = await must(services, 'search.query', { text: 'f', limit: 30, includeConfidential: true });
    expect(withClosed.hits.some((h) => h.title === 'Personalesag')).toBe(true);
  });

  it('markerer hittet i uddraget og går videre på næste side i samme orden', async () => {
    const first = await must(services, 'search.query', { text: 'fr', kind: 'item', limit: 20 });
    expect(first.hits[0]?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['fraværet']);
    const second = await must(services, 'search.query', { text: 'fr', kind: 'item', limit: 20, offset: 20 });
    const both = await must(services, 'search.query', { text: 'fr', kind: 'item', limit: 40 });
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(both.hits.map((h) => h.id));
    const forum = await must(services, 'search.query', { text: 'f', forumId: FORUM, from: '2016-01-01', to: '2016-12-31', limit: 100 });
    expect(forum.hits.length).toBeGreaterThan(0);
    expect(forum.hits.every((h) => h.startsAt?.startsWith('2016'))).toBe(true);
  });

  it('vælger samme orden som en optælling af alle hits, også når de billige optællinger afgør det', async () => {
    const count = archive.db.prepare('SELECT COUNT(*) AS n FROM search WHERE search MATCH ?').pluck();
    // Decided by the whole words, by the short prefixes, and only by counting every hit (fravær: the text says «fraværet»).
    for (const text of ['fraværet', '"forslag for fraværet"', 'punkt 5', 'skolefotografering', 'fravær', 'forslag fravær']) {
      const query = buildSearchQuery(text);
      if (!query.ok) throw new Error(query.message);
      const many = (count.get(query.match) as number) > MOST_HITS_BEST_FIRST;
      const result = await must(services, 'search.query', { text, limit: 30 });
      expect(result.message, text).toBe(many ? searchServiceText.newestFirst : undefined);
      if (many) {
        const dates = result.hits.map((h) => h.startsAt ?? '');
        expect(dates, text).toEqual([...dates].sort().reverse());
      }
    }
  });

  it('ordner stadig efter relevans, når der er få hits', async () => {
    const result = await must(services, 'search.query', { text: 'skolefoto' });
    expect(result.message).toBeUndefined();
    expect(result.hits.map((h) => h.id)).toEqual(['i5-1', 'i90-2']);
  });

  it('opgraderingen bygger indekset med korte præfikser og slår fletning i skrivningerne fra', () => {
    const config = (key: string) => (archive.db.prepare('SELECT v FROM search_config WHERE k = ?').get(key) as { v: number } | undefined)?.v;
    expect(config('automerge')).toBe(0);
    expect(archive.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'search'").get()).toMatchObject({ sql: expect.stringContaining("prefix = '1 2 3'") });
    // Documents are numbered in meeting order, so reading the index backwards is newest first.
    const starts = archive.db.prepare('SELECT starts_at FROM search_doc ORDER BY doc').all() as { starts_at: string }[];
    expect(starts.map((s) => s.starts_at)).toEqual(starts.map((s) => s.starts_at).sort());
    expect(() => indexIsWhole(archive.db)).not.toThrow();
    // One segment, so no crisis merge inside a later autosave meets the large segments.
    expect(segments(archive.db)).toBe(1);
  });
});

describe('fletning af søgeindekset', () => {
  async function meetingWithItem(services: Services) {
    const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
    const meeting = await must(services, 'meetings.create', { forumId: forum.id, title: 'Møde', startsAt: '2026-12-01T14:00', durationMinutes: 60 });
    return must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Noter', type: 'droeftelse', minutes: 10 });
  }

  it('et autosave fletter aldrig indekset: hvert gem lægger ét lille segment til', async () => {
    const archive = openArchive(tempArchivePath());
    const services = createServices(createContext(archive, 'test'), { searchUpkeep: { quietMs: 60_000 } });
    const item = await meetingWithItem(services);
    archive.db.prepare("INSERT INTO search (search) VALUES ('optimize')").run();
    const counts: number[] = [];
    for (let save = 1; save <= 12; save++) {
      await must(services, 'run.saveNotes', { itemId: item.id, notes: `Runde ${save}: fravær og forberedelse` });
      counts.push(segments(archive.db));
    }
    expect(counts).toEqual(counts.map((_, i) => counts[0] as number + i));
    services.close();
  });

  it('samler segmenterne i små skridt, når arkivet har været stille, og søgningen finder det samme', async () => {
    const archive = openArchive(tempArchivePath());
    const services = createServices(createContext(archive, 'test'), { searchUpkeep: { quietMs: 400, pauseMs: 0, pagesPerStep: 8 } });
    const item = await meetingWithItem(services);
    // Fewer saves than FTS5's crisismerge (16 segments on a level), which would merge them itself.
    for (let save = 1; save <= 12; save++) await must(services, 'run.saveNotes', { itemId: item.id, notes: `Runde ${save}: ${'tilsyn '.repeat(save)}` });
    expect(segments(archive.db)).toBeGreaterThan(10);
    const deadline = Date.now() + 10_000;
    while (segments(archive.db) > 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(segments(archive.db)).toBeLessThanOrEqual(3);
    expect(() => indexIsWhole(archive.db)).not.toThrow();
    expect((await must(services, 'search.query', { text: 'runde 12' })).hits.map((h) => h.id)).toEqual([item.id]);
    services.close();
  });
});

describe('indlæsning i ét stræk', () => {
  const WORDS = ['fravær', 'forberedelse', 'Ølejr', 'åben', 'APV', 'tilsyn', 'co-teaching', 'skema', 'budget', 'Æblehaven'];
  const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
  const archiveShape = fc.array(
    fc.record({
      title: text,
      items: fc.array(fc.record({ title: text, background: text, confidential: fc.boolean(), decision: fc.option(text), action: fc.option(text) }), { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 5 },
  );

  type ArchiveShape = typeof archiveShape extends fc.Arbitrary<infer T> ? T : never;

  async function exportedArchive(shape: ArchiveShape): Promise<unknown> {
    const { services } = servicesWithArchive();
    const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Skovly' });
    for (const [n, m] of shape.entries()) {
      const meeting = await must(services, 'meetings.create', { forumId: forum.id, title: m.title, startsAt: `2026-0${(n % 9) + 1}-01T14:00`, durationMinutes: 60 });
      for (const i of m.items) {
        const item = await must(services, 'agenda.addItem', {
          meetingId: meeting.id,
          title: i.title,
          background: i.background,
          type: 'beslutning',
          announcedColour: 'gul',
          minutes: 10,
          confidential: i.confidential,
        });
        if (i.decision !== null) await must(services, 'decisions.record', { itemId: item.id, colour: 'gul', text: i.decision });
        if (i.action !== null) await must(services, 'actions.create', { itemId: item.id, what: i.action, who: 'TR' });
      }
    }
    const file = await must(services, 'exchange.export', { scope: 'arkiv', variant: 'fuld' });
    services.close();
    return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
  }

  /** Two archives with the same content (the demo, with the same ids) to import into. */
  async function twoArchivesWithDemo() {
    const path = tempArchivePath();
    const base = servicesWithArchive(path);
    await must(base.services, 'demo.install', {});
    base.services.close();
    return [1, 2].map(() => {
      const copy = tempArchivePath();
      copyFileSync(path, copy);
      return servicesWithArchive(copy);
    }) as [ReturnType<typeof servicesWithArchive>, ReturnType<typeof servicesWithArchive>];
  }

  /** What search can see: the documents, what every word beginning finds, and what the title index finds. */
  function searchable(db: SqliteDb) {
    const docs = db
      .prepare('SELECT kind, ref_id, meeting_id, forum_id, colour, item_type, starts_at, confidential, title, body FROM search_doc ORDER BY kind, ref_id')
      .all();
    const find = db.prepare('SELECT d.kind, d.ref_id FROM search JOIN search_doc d ON d.doc = search.rowid WHERE search MATCH ? ORDER BY 1, 2');
    const titles = db.prepare(
      'SELECT d.item_id FROM item_title_trigram t JOIN item_title_doc d ON d.doc = t.rowid WHERE t.folded_title LIKE ? ORDER BY 1',
    );
    const words = WORDS.flatMap((w) => w.split('-'));
    const prefixes = [...new Set(words.flatMap((w) => [1, 2, 3, 4, w.length].map((n) => w.slice(0, n).toLowerCase())))];
    return {
      docs,
      found: prefixes.map((p) => [p, find.all(`"${p}"*`)]),
      titled: words.map((w) => [w, titles.all(`%${w.slice(1, 5).toLowerCase()}%`)]),
    };
  }

  it('giver de samme søgeresultater som indlæsning række for række, også oven i et arkiv med indhold', async () => {
    await fc.assert(
      fc.asyncProperty(archiveShape, async (shape) => {
        const raw = await exportedArchive(shape);
        const parsed = parseExchange(raw);
        if (!parsed.ok) throw new Error(parsed.message);
        const [rowByRow, bulk] = await twoArchivesWithDemo();
        rowByRow.archive.db.transaction(() => writeExchange(rowByRow.archive.db, parsed.file))();
        const { db } = bulk.archive;
        db.transaction(() => withIndexingSuspended(db, searchScope(parsed.file), () => withReadIndexesDeferred(db, () => writeExchange(db, parsed.file))))();
        expect(searchable(bulk.archive.db)).toEqual(searchable(rowByRow.archive.db));
        expect(() => indexIsWhole(bulk.archive.db)).not.toThrow();
        expect(segments(bulk.archive.db)).toBe(1);
        // Triggers and indexes are back as they were, and the tables hold the same rows.
        const schema = (db: SqliteDb) => db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'index') ORDER BY name").all();
        expect(schema(bulk.archive.db)).toEqual(schema(rowByRow.archive.db));
        const rows = (db: SqliteDb) => ['meeting', 'agenda_item', 'decision', 'action'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
        expect(rows(bulk.archive.db)).toEqual(rows(rowByRow.archive.db));
        rowByRow.services.close();
        bulk.services.close();
      }),
      { numRuns: 6, seed: 20261206 },
    );
  }, 120_000);

  it('nummererer dokumenterne i mødeorden, så indekset læst baglæns er de nyeste først, og lader indekset skrive som før bagefter', async () => {
    const shape = [1, 2, 3, 4, 5].map((n) => ({
      title: `Møde ${n}`,
      items: [{ title: `Punkt ${n}`, background: 'fravær', confidential: false, decision: 'budget', action: 'skema' }],
    }));
    const raw = await exportedArchive(shape);
    const parsed = parseExchange(raw);
    if (!parsed.ok) throw new Error(parsed.message);
    const { services, archive } = servicesWithArchive();
    const { db } = archive;
    db.transaction(() => withIndexingSuspended(db, searchScope(parsed.file), () => writeExchange(db, parsed.file)))();
    const docs = db.prepare('SELECT kind, starts_at AS startsAt FROM search_doc ORDER BY doc').all() as { kind: string; startsAt: string }[];
    expect(docs).toHaveLength(20);
    expect(docs.map((d) => d.startsAt)).toEqual(docs.map((d) => d.startsAt).sort());
    // Within a meeting: the meeting, its item with the decision, then the actions.
    expect(docs.slice(0, 4).map((d) => d.kind)).toEqual(['meeting', 'item', 'decision', 'action']);
    expect(db.prepare("SELECT v FROM search_config WHERE k = 'hashsize'").pluck().get() ?? 1024 * 1024).toBe(1024 * 1024);
    services.close();
  });

  it('en fejl midt i en indlæsning i ét stræk efterlader arkivet, dets udløsere og indeks som før', async () => {
    const { services, archive } = servicesWithArchive();
    await must(services, 'demo.install', {});
    const { db } = archive;
    const before = {
      schema: db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all(),
      search: searchable(db),
    };
    const raw = await exportedArchive([{ title: 'Møde om fravær', items: [{ title: 'Tilsyn', background: 'APV', confidential: false, decision: 'budget', action: 'skema' }] }]);
    const parsed = parseExchange(raw);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(() =>
      db.transaction(() =>
        withIndexingSuspended(db, searchScope(parsed.file), () =>
          withReadIndexesDeferred(db, () => {
            writeExchange(db, parsed.file);
            throw new Error('strømmen gik');
          }),
        ),
      )(),
    ).toThrow('strømmen gik');
    expect(db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(before.schema);
    expect(searchable(db)).toEqual(before.search);
    expect(() => indexIsWhole(db)).not.toThrow();
    services.close();
  });
});
