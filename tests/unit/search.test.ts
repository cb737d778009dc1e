import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../electron/archive/open';
import type { Services } from '../../electron/services/dispatch';
import type { SearchHit, SearchResult } from '../../shared/api/methods/search';
import { MAX_SEARCH_WORDS, buildSearchQuery, searchQueryText } from '../../shared/domain/searchQuery';
import { must, servicesWithArchive } from './support';

const EMPTY = 'Skriv mindst ét ord at søge efter.';

describe('søgeudtryk af det, brugeren skriver', () => {
  const match = (text: string) => {
    const query = buildSearchQuery(text);
    return query.ok ? query.match : query.message;
  };

  it('gør hvert ord til et præfiks og kræver alle ordene', () => {
    expect(match('forberedelse')).toBe('"forberedelse"*');
    expect(match('  Fælles   forberedelse ')).toBe('"Fælles"* AND "forberedelse"*');
    expect(match('fravær ØKONOMI åben')).toBe('"fravær"* AND "ØKONOMI"* AND "åben"*');
    expect(match('2027')).toBe('"2027"*');
  });

  it('holder ord i anførselstegn og sammensatte ord samlet som en frase', () => {
    expect(match('"fælles forberedelse" tirsdag')).toBe('"fælles"* + "forberedelse"* AND "tirsdag"*');
    expect(match('co-teaching')).toBe('"co"* + "teaching"*');
    expect(match('kl. 14.15')).toBe('"kl"* AND "14"* + "15"*');
  });

  it('lader FTS5-operatorer og tegn være almindelige skilletegn', () => {
    expect(match('tilsyn" AND (')).toBe('"tilsyn"*');
    expect(match('NEAR(tilsyn fravær)')).toBe('"tilsyn"* AND "fravær"*');
    expect(match('-tilsyn OR *fravær')).toBe('"tilsyn"* AND "fravær"*');
    expect(match('forum: tilsyn')).toBe('"forum"* AND "tilsyn"*');
    expect(match('"AND"')).toBe('"AND"*');
    expect(match('and or not')).toBe('"and"* AND "or"* AND "not"*');
  });

  it('svarer med en dansk sætning, når der ikke er et ord at søge efter', () => {
    for (const text of ['', '   ', '"', '""', '-', '*', '()', '(', 'AND', 'NEAR(', ':', '"-*"', '…', '🙂', 'AND OR NOT NEAR']) {
      expect(buildSearchQuery(text)).toEqual({ ok: false, message: EMPTY });
    }
    expect(searchQueryText.empty).toBe(EMPTY);
  });

  it('giver et billigere udtryk med hele ord og et med korte præfikser omkring søgningen', () => {
    const query = buildSearchQuery('"Grad viden" på skoler');
    expect(query.ok && [query.match, query.within, query.around]).toEqual([
      '"Grad"* + "viden"* AND "på"* AND "skoler"*',
      '"Grad" + "viden" AND "på"* AND "skoler"',
      '"Gra"* + "vid"* AND "på"* AND "sko"*',
    ]);
    // Letters outside the Basic Multilingual Plane count as one letter, as FTS5 counts them.
    const wide = buildSearchQuery('𝔸𝔹ℂ𝔻');
    expect(wide.ok && wide.around).toBe('"𝔸𝔹ℂ"*');
  });

  it('bruger kun de første ord af en meget lang tekst og siger det', () => {
    const query = buildSearchQuery('tilsyn '.repeat(2_000));
    expect(query.ok && query.match.split(' AND ')).toHaveLength(MAX_SEARCH_WORDS);
    expect(query.ok && query.note).toBe(`Der søges kun efter de første ${MAX_SEARCH_WORDS} ord.`);
    const oneLongWord = buildSearchQuery('x'.repeat(10_000));
    expect(oneLongWord.ok && oneLongWord.match).toBe(`"${'x'.repeat(60)}"*`);
  });

  describe('mod et rigtigt FTS5-indeks', () => {
    let archive: Archive;
    beforeAll(() => {
      archive = openArchive(':memory:');
      const { db } = archive;
      db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
      db.prepare(
        "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, purpose, created_at) VALUES ('m', 'f', 'TRIO-møde', '2026-12-01T14:00', 90, 'Co-teaching, fravær og \"tilsyn\" (AND) NEAR kl. 14.15 - * :', 'nu')",
      ).run();
    });
    afterAll(() => archive.close());

    const hostileText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...'"\'()*-+:^{}[],.;!?&|\\/ \t\nANDORNEARnotæøåÆØÅ0123456789xé\u0301\u0000\u0002\u0003🙂'), maxLength: 60 }),
      fc.array(fc.constantFrom('AND', 'OR', 'NOT', 'NEAR', 'NEAR(', '"', '(', ')', '*', '-', '+', ':', 'title:', '{title}', '^', 'fravær', 'co-teaching', '14.15'), { maxLength: 12 }).map((w) => w.join(' ')),
    );

    it('tilfældig tekst giver aldrig en fejl, hverken i oversættelsen eller i MATCH', () => {
      const run = archive.db.prepare('SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank LIMIT 5');
      fc.assert(
        fc.property(hostileText, (text) => {
          const query = buildSearchQuery(text);
          if (!query.ok) {
            expect(query.message).toBe(EMPTY);
            return;
          }
          expect(() => run.all(query.match)).not.toThrow();
        }),
        { numRuns: 3_000, seed: 20261201 },
      );
    });

    it('udtrykket med hele ord finder en del af hittene, og det med korte præfikser finder dem alle', () => {
      const own = openArchive(':memory:');
      const { db } = own;
      db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
      const vocabulary = ['skole', 'skoler', 'skolerne', 'skolefoto', 'grad', 'graden', 'gradvis', 'viden', 'videns', 'vi', 'sk', 'Æble', 'æblet', 'co', 'teaching'];
      const sentence = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
      const insert = db.prepare(
        "INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, purpose, created_at) VALUES (?, 'f', ?, '2026-11-01T14:00', 90, ?, 'nu')",
      );
      db.transaction(() => {
        fc.sample(fc.tuple(sentence, sentence), { numRuns: 300, seed: 20261206 }).forEach(([title, purpose], n) => insert.run(`m-${n}`, title, purpose));
      })();
      const hits = db.prepare('SELECT rowid FROM search WHERE search MATCH ?').pluck();
      const words = fc.array(fc.constantFrom(...vocabulary, 'sko', 'gra', 'vid', 'skolern', 'æbl'), { minLength: 1, maxLength: 3 });
      const text = fc.oneof(words.map((w) => w.join(' ')), words.map((w) => `"${w.join(' ')}"`), words.map((w) => w.join('-')));
      fc.assert(
        fc.property(text, (typed) => {
          const query = buildSearchQuery(typed);
          if (!query.ok) throw new Error(query.message);
          const found = new Set(hits.all(query.match));
          const within = hits.all(query.within);
          const around = new Set(hits.all(query.around));
          expect(within.every((doc) => found.has(doc)), typed).toBe(true);
          expect([...found].every((doc) => around.has(doc)), typed).toBe(true);
        }),
        { numRuns: 400, seed: 20261206 },
      );
      own.close();
    });

    it('finder teksten, når brugeren skriver den selv med operatorer og tegn', () => {
      const run = archive.db.prepare('SELECT rowid FROM search WHERE search MATCH ?');
      for (const text of ['co-teaching', '"tilsyn" (AND)', 'NEAR kl. 14.15', 'FRAVÆR -*', 'trio-MØDE']) {
        const query = buildSearchQuery(text);
        expect(query.ok && run.all(query.match), text).toHaveLength(1);
      }
    });
  });
});

describe('search.query over arkivet', () => {
  let services: Services;
  let archive: Archive;
  const ids = {
    trio: '',
    raad: '',
    december: '',
    marts: '',
    forberedelse: '',
    fravaer: '',
    personalesag: '',
    tilsyn: '',
    apv: '',
  };

  async function search(input: Record<string, unknown>): Promise<SearchResult> {
    return must(services, 'search.query', input);
  }
  const titles = (result: SearchResult) => result.hits.map((h) => `${h.kind}: ${h.title}`);
  const hitWords = (hit: SearchHit | undefined) => (hit?.snippet ?? []).filter((s) => s.hit).map((s) => s.text);

  beforeAll(async () => {
    ({ services, archive } = servicesWithArchive());
    const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
    const raad = await must(services, 'forums.create', { kind: 'trio', name: 'Udviklingsrådet', school: 'Egeskolen' });
    const december = await must(services, 'meetings.create', {
      forumId: trio.id,
      title: 'TRIO-møde december',
      startsAt: '2026-12-01T14:00',
      durationMinutes: 90,
      purpose: 'Aftale forberedelsestid og se på økonomien.',
    });
    const marts = await must(services, 'meetings.create', {
      forumId: raad.id,
      title: 'Udviklingsråd marts',
      startsAt: '2027-03-02T15:00',
      durationMinutes: 60,
    });
    const add = (meetingId: string, fields: Record<string, unknown>) =>
      must(services, 'agenda.addItem', { meetingId, minutes: 10, type: 'droeftelse', ...fields });
    const forberedelse = await add(december.id, {
      title: 'Fælles forberedelsestid i teamene',
      type: 'beslutning',
      announcedColour: 'groen',
      background: 'Rammen er 45 minutter om ugen pr. team.',
    });
    const fravaer = await add(december.id, {
      title: 'Trivsel i indskolingen',
      announcedColour: 'blaa',
      background: 'Fraværet er steget siden efterårsferien. Vi ved endnu ikke hvorfor.',
    });
    const personalesag = await add(december.id, {
      title: 'Personalesag i indskolingen',
      type: 'orientering',
      background: 'Orientering om en konkret sag om tilsyn.',
      confidential: true,
    });
    const tilsyn = await add(marts.id, { title: 'Tilsyn i frikvartererne', background: 'Zoner og vagtplan.' });
    const apv = await add(marts.id, {
      title: 'APV-opfølgning',
      background: 'Støj i indskolingen. Tilsyn i spisefrikvarteret nævnes som en del af løsningen på støjen i klasserne.',
    });
    await must(services, 'decisions.record', {
      itemId: forberedelse.id,
      colour: 'groen',
      text: 'Den fælles forberedelsestid ligger tirsdag kl. 14.15–15.00 i alle team.',
      dissents: [{ role: 'TR (pædagoger)', text: 'Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen.' }],
    });
    await must(services, 'decisions.record', { itemId: personalesag.id, colour: 'roed', text: 'Ledelsen følger op på personalesagen.' });
    await must(services, 'actions.create', { itemId: fravaer.id, what: 'Trække fraværstal for indskolingen', who: 'Ali Hassan' });
    await must(services, 'actions.create', { itemId: personalesag.id, what: 'Samtale om personalesagen', who: 'Mette Lund' });
    Object.assign(ids, {
      trio: trio.id,
      raad: raad.id,
      december: december.id,
      marts: marts.id,
      forberedelse: forberedelse.id,
      fravaer: fravaer.id,
      personalesag: personalesag.id,
      tilsyn: tilsyn.id,
      apv: apv.id,
    });
  });
  afterAll(() => services.close());

  it('finder ord med æ, ø og å, også skrevet med store bogstaver', async () => {
    for (const text of ['fravær', 'FRAVÆR', 'Fravær']) {
      // The action has the word in its title, so it ranks above the item with it in the background.
      expect(titles(await search({ text })), text).toEqual(['action: Trække fraværstal for indskolingen', 'item: Trivsel i indskolingen']);
    }
    expect(titles(await search({ text: 'ØKONOMIEN' }))).toEqual(['meeting: TRIO-møde december']);
    expect(titles(await search({ text: 'SFO-ÅBNINGEN' }))).toEqual(['decision: Fælles forberedelsestid i teamene']);
    // æ, ø and å are letters of their own, not a, o and ae.
    expect((await search({ text: 'fraver' })).hits).toEqual([]);
    expect((await search({ text: 'okonomien' })).hits).toEqual([]);
  });

  it('finder sammensatte ord ud fra begyndelsen', async () => {
    const result = await search({ text: 'forberedelse' });
    expect(titles(result)).toContain('decision: Fælles forberedelsestid i teamene');
    expect(titles(result)).toContain('item: Fælles forberedelsestid i teamene');
    const decision = result.hits.find((h) => h.kind === 'decision');
    expect(decision).toMatchObject({ id: expect.any(String), meetingId: ids.december, forumId: ids.trio, forumName: 'TRIO' });
    expect(decision?.meetingTitle).toBe('TRIO-møde december');
    expect(decision?.startsAt).toBe('2026-12-01T14:00');
    expect(decision?.colour).toMatchObject({ key: 'groen', code: 'GR', label: 'Grøn' });
    expect(decision?.titleSegments).toEqual([
      { text: 'Fælles ', hit: false },
      { text: 'forberedelsestid', hit: true },
      { text: ' i teamene', hit: false },
    ]);
  });

  it('sætter et hit i titlen før et hit i teksten', async () => {
    const result = await search({ text: 'tilsyn', includeConfidential: true });
    expect(result.hits[0]).toMatchObject({ kind: 'item', id: ids.tilsyn });
    expect(titles(result)).toContain('item: APV-opfølgning');
  });

  it('markerer hittene i uddraget som tekststykker, ikke som HTML', async () => {
    const [hit] = (await search({ text: 'fravær', kind: 'item' })).hits;
    expect(hit?.snippet.map((s) => s.text).join('')).toBe('Fraværet er steget siden efterårsferien. Vi ved endnu ikke hvorfor.');
    expect(hitWords(hit)).toEqual(['Fraværet']);
    const [action] = (await search({ text: 'fravær', kind: 'action' })).hits;
    expect(action?.titleSegments.filter((s) => s.hit).map((s) => s.text)).toEqual(['fraværstal']);
    const [apv] = (await search({ text: 'støj klasserne', kind: 'item' })).hits;
    expect(hitWords(apv)).toEqual(['Støj', 'støjen', 'klasserne']);
  });

  it('filtrerer på forum, farve, type og periode', async () => {
    const inForum = await search({ text: 'indskolingen', forumId: ids.raad });
    expect(titles(inForum)).toEqual(['item: APV-opfølgning']);
    expect(inForum.hits.every((h) => h.forumName === 'Udviklingsrådet')).toBe(true);
    expect(titles(await search({ text: 'indskolingen', colour: 'blaa' }))).toEqual(['item: Trivsel i indskolingen']);
    expect(titles(await search({ text: 'forberedelsestid', kind: 'meeting' }))).toEqual(['meeting: TRIO-møde december']);
    expect(titles(await search({ text: 'indskolingen', kind: 'action' }))).toEqual(['action: Trække fraværstal for indskolingen']);
    expect(titles(await search({ text: 'indskolingen', from: '2027-01-01' }))).toEqual(['item: APV-opfølgning']);
    expect(titles(await search({ text: 'indskolingen', to: '2026-12-01' }))).toHaveLength(2);
    expect(titles(await search({ text: 'indskolingen', from: '2026-12-02', to: '2027-03-01' }))).toEqual([]);
  });

  it('søger kun i lukkede punkter, når brugeren har slået det til', async () => {
    expect((await search({ text: 'personalesag' })).hits).toEqual([]);
    expect((await search({ text: 'personalesagen samtale' })).hits).toEqual([]);
    const open = await search({ text: 'personalesag', includeConfidential: true });
    expect(titles(open).sort()).toEqual([
      'action: Samtale om personalesagen',
      'decision: Personalesag i indskolingen',
      'item: Personalesag i indskolingen',
    ]);
    expect(open.hits.every((h) => h.confidential)).toBe(true);
    expect((await search({ text: 'tilsyn' })).hits.some((h) => h.id === ids.personalesag)).toBe(false);
  });

  it('deler resultaterne op i sider', async () => {
    const first = await search({ text: 'indskolingen', limit: 2 });
    expect(first.hits).toHaveLength(2);
    expect(first.more).toBe(true);
    const rest = await search({ text: 'indskolingen', limit: 2, offset: 2 });
    expect(rest.more).toBe(false);
    expect([...first.hits, ...rest.hits].map((h) => h.id)).toEqual((await search({ text: 'indskolingen' })).hits.map((h) => h.id));
  });

  it('svarer på fjendtlige søgninger med resultater eller en dansk besked, aldrig med en fejl', async () => {
    const hostile = [
      '"',
      '-',
      '*',
      'AND',
      '(',
      'NEAR(',
      'forum:',
      'tilsyn" AND (',
      '"tilsyn',
      'tilsyn)',
      'NEAR(tilsyn fravær, 2)',
      '{title}: tilsyn',
      'title:tilsyn',
      '^tilsyn',
      "'; DROP TABLE search; --",
      'x'.repeat(10_000),
      'tilsyn '.repeat(1_500),
    ];
    for (const text of hostile) {
      const result = await services.call('search.query', { text, includeConfidential: true });
      expect(result.ok, text.slice(0, 40)).toBe(true);
      if (!result.ok) continue;
      if (result.value.hits.length === 0 && result.value.message) expect(result.value.message).toMatch(/^[A-ZÆØÅ].*\.$/);
    }
    // Invisible control characters are refused at the contract, as in every text field.
    expect(await services.call('search.query', { text: '\u0000\u0002tilsyn\u0003', includeConfidential: true })).toMatchObject({
      ok: false,
      error: { code: 'ugyldigt_input', field: 'text', message: expect.stringMatching(/^Søgeteksten indeholder et usynligt styretegn/) },
    });
    expect(await search({ text: 'NEAR(' })).toEqual({ hits: [], more: false, message: EMPTY });
    expect((await search({ text: 'tilsyn" AND (' })).hits.length).toBeGreaterThan(0);
    const long = await search({ text: 'tilsyn '.repeat(1_500) });
    expect(long.hits.length).toBeGreaterThan(0);
    expect(long.message).toBe(`Der søges kun efter de første ${MAX_SEARCH_WORDS} ord.`);
    expect(archive.db.prepare('SELECT COUNT(*) AS n FROM search_doc').get()).toEqual({ n: 11 });
  });

  it('afviser et forum, der ikke findes, og ugyldige filtre med en dansk besked', async () => {
    const missing = await services.call('search.query', { text: 'tilsyn', forumId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'ikke_fundet' } });
    const period = await services.call('search.query', { text: 'tilsyn', from: '2027-01-01', to: '2026-01-01' });
    expect(period).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', field: 'to', message: 'Til-datoen må ikke ligge før fra-datoen.' } });
    const limit = await services.call('search.query', { text: 'tilsyn', limit: 1_000 });
    expect(limit).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', field: 'limit' } });
  });

  it('holder indekset i trit, når punkter, møder, beslutninger og handlinger ændres eller slettes', async () => {
    const { services: local, archive: own } = servicesWithArchive();
    const find = async (text: string, extra: Record<string, unknown> = {}) =>
      titles(await must(local, 'search.query', { text, includeConfidential: true, ...extra }));
    const forum = await must(local, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely' });
    const meeting = await must(local, 'meetings.create', { forumId: forum.id, title: 'Møde', startsAt: '2026-12-01T14:00', durationMinutes: 60 });
    const item = await must(local, 'agenda.addItem', { meetingId: meeting.id, title: 'Skemalægning', type: 'beslutning', minutes: 10, announcedColour: 'gul' });
    await must(local, 'decisions.record', { itemId: item.id, colour: 'gul', text: 'Skemaet lægges om.' });
    await must(local, 'actions.create', { itemId: item.id, what: 'Sende skemaet ud', who: 'TR' });

    await must(local, 'agenda.updateItem', { itemId: item.id, title: 'Budget for vikarer', type: 'beslutning', minutes: 10, announcedColour: 'gul' });
    expect(await find('skemalægning')).toEqual([]);
    expect(await find('budget')).toEqual(['item: Budget for vikarer', 'decision: Budget for vikarer']);

    await must(local, 'run.saveNotes', { itemId: item.id, notes: 'Inklusion og co-teaching blev nævnt.' });
    expect(await find('co-teaching')).toEqual(['item: Budget for vikarer']);

    await must(local, 'decisions.record', { itemId: item.id, colour: 'roed', colourReason: 'Forvaltningen har lagt rammen.', text: 'Vikarbudgettet fastholdes.' });
    expect(await find('vikarbudgettet')).toEqual(['decision: Budget for vikarer']);
    expect(await find('skemaet lægges')).toEqual([]);
    expect(await find('vikarbudgettet', { colour: 'roed' })).toEqual(['decision: Budget for vikarer']);

    await must(local, 'agenda.updateItem', {
      itemId: item.id,
      title: 'Budget for vikarer',
      type: 'beslutning',
      minutes: 10,
      announcedColour: 'gul',
      confidential: true,
    });
    expect(titles(await must(local, 'search.query', { text: 'budget vikarer' }))).toEqual([]);
    expect(titles(await must(local, 'search.query', { text: 'skemaet' }))).toEqual([]);
    expect(await find('skemaet')).toEqual(['action: Sende skemaet ud']);

    await must(local, 'meetings.update', { meetingId: meeting.id, title: 'Møde om økonomi', startsAt: '2027-02-02T14:00', durationMinutes: 60 });
    expect(await find('budget', { to: '2026-12-31' })).toEqual([]);
    expect(await find('budget', { from: '2027-02-02', to: '2027-02-02' })).toHaveLength(2);
    expect(await find('økonomi')).toEqual(['meeting: Møde om økonomi']);

    const other = await must(local, 'agenda.addItem', { meetingId: meeting.id, title: 'Eventuelt om APV', type: 'eventuelt', minutes: 5 });
    expect(await find('apv')).toEqual(['item: Eventuelt om APV']);
    await must(local, 'agenda.removeItem', { itemId: other.id });
    expect(await find('apv')).toEqual([]);

    await must(local, 'demo.install', {});
    expect(await find('forberedelsestid', { kind: 'decision' })).toEqual(['decision: Fælles forberedelsestid i teamene']);
    await must(local, 'demo.remove', {});
    expect(await find('forberedelsestid')).toEqual([]);

    const check = () => own.db.prepare("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)").run();
    expect(check).not.toThrow();
    const counts = own.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM search_doc) AS docs,
                (SELECT COUNT(*) FROM meeting) + (SELECT COUNT(*) FROM agenda_item) + (SELECT COUNT(*) FROM decision)
                  + (SELECT COUNT(*) FROM action) AS sources`,
      )
      .get() as { docs: number; sources: number };
    expect(counts.docs).toBe(counts.sources);
    local.close();
  });
});
