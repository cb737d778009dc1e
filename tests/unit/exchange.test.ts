import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import type { Archive } from '../../electron/archive/open';
import { EXCHANGE_TABLES } from '../../electron/archive/queries/exchange';
import type { Services } from '../../electron/services/dispatch';
import { EXCHANGE_FORMAT_VERSION, type ExchangeFile } from '../../shared/exchange/format';
import { must, seedSlice, servicesWithArchive } from './support';
import { windows1252 } from '../faults/windows1252';

type Opened = { services: Services; archive: Archive };
const opened: Opened[] = [];

function open(): Opened {
  const pair = servicesWithArchive();
  opened.push(pair);
  return pair;
}

afterEach(() => {
  for (const { services } of opened.splice(0)) services.close();
});

/** Text that has broken exchange formats before: æøå, quotes, backslashes, line breaks, emoji. */
const TRICKY = 'Læs «spillereglerne» højt: "alle" får ordet – også \\ de stille. Æblegrød på tirsdag 🍎👩🏽‍🏫\nNy linje\tmed tab.';

async function exportText(services: Services, scope: 'moede' | 'forum' | 'arkiv', id: string | null = null) {
  const doc = await must(services, 'exchange.export', { scope, id });
  expect(doc.mimeType).toBe('application/json');
  return { fileName: doc.fileName, text: Buffer.from(doc.base64, 'base64').toString('utf8') };
}

/** Every row of every table the exchange covers, in an order that does not depend on rowid. */
function allRows(archive: Archive): Record<string, string[]> {
  return Object.fromEntries(
    EXCHANGE_TABLES.map((table) => [
      table,
      (archive.db.prepare(`SELECT * FROM ${table}`).all() as unknown[]).map((row) => JSON.stringify(row)).sort(),
    ]),
  );
}

function counts(archive: Archive): Record<string, number> {
  return Object.fromEntries(Object.entries(allRows(archive)).map(([table, rows]) => [table, rows.length]));
}

/**
 * The demo (a TRIO with a held and an upcoming meeting) plus everything else the format carries: a
 * user item type, a running meeting with notes, round, timer and check-out, an item parked into the
 * next meeting, an approved referat and a second draft version, a forum cycle, and an action whose
 * meeting is gone.
 */
async function richArchive(): Promise<Opened & { forumId: string; heldId: string; upcomingId: string }> {
  const pair = open();
  const { services, archive } = pair;
  const { forumId } = await must(services, 'demo.install', {});
  const meetings = await must(services, 'meetings.list', { forumId });
  const held = meetings.find((m) => m.status === 'afholdt');
  const upcoming = meetings.find((m) => m.status === 'planlagt');
  if (!held || !upcoming) throw new Error('Demoen mangler et afholdt og et kommende møde.');

  const type = await must(services, 'itemTypes.create', { label: 'Temadrøftelse' });
  const themed = await must(services, 'agenda.addItem', {
    meetingId: upcoming.id,
    title: 'Lærernes "frie" tid 😊',
    type: type.key,
    minutes: 15,
    background: TRICKY,
  });

  const heldDetail = await must(services, 'meetings.get', { meetingId: held.id });
  const toPark = heldDetail.items.find((item) => item.title === 'Eventuelt');
  if (!toPark) throw new Error('Demoens møde mangler punktet Eventuelt.');
  await must(services, 'run.park', { itemId: toPark.id });

  await must(services, 'run.start', { meetingId: upcoming.id });
  await must(services, 'run.goTo', { meetingId: upcoming.id, phase: 'punkt', itemId: themed.id });
  await must(services, 'run.saveNotes', { itemId: themed.id, notes: TRICKY });
  await must(services, 'run.setProcess', { itemId: themed.id, process: 'runde' });
  const upcomingDetail = await must(services, 'meetings.get', { meetingId: upcoming.id });
  const speaker = upcomingDetail.participants[0];
  if (speaker) await must(services, 'run.tickRound', { itemId: themed.id, personId: speaker.personId, done: true });
  await must(services, 'run.timer', { itemId: themed.id, action: 'start' });
  await must(services, 'checkout.record', { meetingId: upcoming.id, questionIndex: 0, answer: 'hoej' });
  await must(services, 'checkout.record', { meetingId: upcoming.id, questionIndex: 2, answer: 'ved_ikke' });
  await must(services, 'actions.create', { meetingId: upcoming.id, what: 'Bestille kage 🎂', who: 'Åse Ørsted', term: 'lang' });

  const referat = await must(services, 'referat.get', { meetingId: held.id });
  for (const owner of referat.coOwners) await must(services, 'referat.approve', { meetingId: held.id, personId: owner.personId });
  await must(services, 'referat.newVersion', { meetingId: held.id, reason: 'Dissensen var citeret forkert' });
  const firstOwner = referat.coOwners[0];
  if (firstOwner) await must(services, 'referat.approve', { meetingId: held.id, personId: firstOwner.personId });

  // No service sets these yet; the archive can hold them, so the format must carry them.
  archive.db
    .prepare('UPDATE forum SET cycle_json = ? WHERE id = ?')
    .run(JSON.stringify({ name: 'Vores cyklus', phases: [{ title: 'Undren', hint: 'Hvad undrer os?' }] }), forumId);
  const orphan = await must(services, 'actions.create', { meetingId: upcoming.id, what: 'Tjekke "gamle" aftaler', who: 'Mette Lund' });
  archive.db.prepare('UPDATE action SET meeting_id = NULL WHERE id = ?').run(orphan.id);

  return { ...pair, forumId, heldId: held.id, upcomingId: upcoming.id };
}

async function importText(services: Services, content: string) {
  return services.call('exchange.import', { content });
}

describe('eksport → import → eksport', () => {
  test('hele arkivet giver en byte-identisk fil', async () => {
    const source = await richArchive();
    const first = await exportText(source.services, 'arkiv');
    // The demo has a closed item, so the name says the file is confidential.
    expect(first.fileName).toBe('Samtalerum arkiv-fortroligt.json');
    expect(first.text.endsWith('}\n')).toBe(true);

    const target = open();
    const summary = await must(target.services, 'exchange.import', { content: first.text });
    expect(summary.forums).toBe(1);
    expect(summary.meetings).toBe(2);
    expect(summary.alreadyPresent).toBe(0);

    const second = await exportText(target.services, 'arkiv');
    expect(second.text).toBe(first.text);
    expect(allRows(target.archive)).toEqual(allRows(source.archive));
  });

  test('et forum med dets møder giver en byte-identisk fil', async () => {
    const source = await richArchive();
    const first = await exportText(source.services, 'forum', source.forumId);
    expect(first.fileName).toBe('Samtalerum TRIO Bøgely Skole (demo)-fortroligt.json');
    const target = open();
    await must(target.services, 'exchange.import', { content: first.text });
    expect((await exportText(target.services, 'forum', source.forumId)).text).toBe(first.text);
  });

  test('et enkelt møde giver en byte-identisk fil', async () => {
    const source = await richArchive();
    const first = await exportText(source.services, 'moede', source.heldId);
    const file = JSON.parse(first.text) as ExchangeFile;
    expect(first.fileName).toBe(`Samtalerum TRIO Bøgely Skole (demo) ${file.meetings[0]?.startsAt.slice(0, 10)}-fortroligt.json`);
    expect(file.meetings.map((m) => m.id)).toEqual([source.heldId]);
    expect(file.meetings[0]?.referat.map((v) => v.status)).toEqual(['godkendt', 'udkast']);
    expect(file.forums[0]?.actions).toEqual([]);

    const target = open();
    await must(target.services, 'exchange.import', { content: first.text });
    expect((await exportText(target.services, 'moede', source.heldId)).text).toBe(first.text);
    // The imported meeting is the same meeting to the rest of the app, locked referat included.
    const referat = await must(target.services, 'referat.get', { meetingId: source.heldId });
    expect(referat.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  test('et parkeret punkt beholder sin henvisning, når det oprindelige punkt er med eller allerede findes', async () => {
    const source = await richArchive();
    const upcoming = await exportText(source.services, 'moede', source.upcomingId);
    const carried = (JSON.parse(upcoming.text) as ExchangeFile).meetings[0]?.items.find((item) => item.carriedFromItemId !== null);
    expect(carried).toBeDefined();

    // Alone in a fresh archive the earlier item is unknown, so the link is left empty rather than refused.
    const alone = open();
    await must(alone.services, 'exchange.import', { content: upcoming.text });
    const stored = await must(alone.services, 'meetings.get', { meetingId: source.upcomingId });
    expect(stored.items.find((item) => item.id === carried?.id)?.carriedFromItemId).toBeNull();

    // With the earlier meeting imported first, the link is kept.
    const both = open();
    await must(both.services, 'exchange.import', { content: (await exportText(source.services, 'moede', source.heldId)).text });
    await must(both.services, 'exchange.import', { content: upcoming.text });
    expect((await exportText(both.services, 'moede', source.upcomingId)).text).toBe(upcoming.text);
  });
});

describe('samme fil to gange', () => {
  test('anden import tilføjer intet og ændrer ingen rækker', async () => {
    const source = await richArchive();
    const { text } = await exportText(source.services, 'arkiv');
    const target = open();
    const first = await must(target.services, 'exchange.import', { content: text });
    expect(first.added).toBeGreaterThan(50);
    const rowsAfterFirst = allRows(target.archive);
    const countsAfterFirst = counts(target.archive);

    const second = await must(target.services, 'exchange.import', { content: text });
    expect(second.added).toBe(0);
    expect(second.alreadyPresent).toBe(first.added);
    expect(counts(target.archive)).toEqual(countsAfterFirst);
    expect(allRows(target.archive)).toEqual(rowsAfterFirst);
  });

  test('filen tilbage i det arkiv, den kom fra, ændrer intet', async () => {
    const source = await richArchive();
    const before = allRows(source.archive);
    const { text } = await exportText(source.services, 'arkiv');
    const summary = await must(source.services, 'exchange.import', { content: text });
    expect(summary.added).toBe(0);
    expect(allRows(source.archive)).toEqual(before);
  });

  test('filen vinder for rækker med samme id; rækker kun arkivet har, bliver', async () => {
    const source = await richArchive();
    const { text } = await exportText(source.services, 'moede', source.upcomingId);
    const file = JSON.parse(text) as ExchangeFile;
    const meeting = file.meetings[0];
    const firstItem = meeting?.items[0];
    if (!meeting || !firstItem) throw new Error('Mødet mangler punkter.');
    firstItem.title = 'Rettet på den anden bærbare';

    // Meanwhile this archive got an item the file does not know, at a number the file uses.
    const local = await must(source.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Kun her', type: 'orientering', minutes: 5 });
    const fileNumbers = meeting.items.map((item) => item.position);
    meeting.items.push({ ...firstItem, id: '00000000-0000-4000-8000-000000000001', title: 'Nyt fra filen', position: Math.max(...fileNumbers) + 1, decision: null });

    const summary = await must(source.services, 'exchange.import', { content: JSON.stringify(file) });
    expect(summary.added).toBe(1);
    const detail = await must(source.services, 'meetings.get', { meetingId: meeting.id });
    expect(detail.items.find((item) => item.id === firstItem.id)?.title).toBe('Rettet på den anden bærbare');
    expect(detail.items.at(-1)?.id).toBe(local.id);
    expect(detail.items.at(-2)?.title).toBe('Nyt fra filen');
    expect(detail.items.map((item) => item.position)).toEqual(detail.items.map((_, index) => index + 1));
  });
});

describe('en fejl i filen skriver intet', () => {
  async function refused(content: string) {
    const target = open();
    await seedSlice(target.services);
    const before = allRows(target.archive);
    const result = await importText(target.services, content);
    expect(allRows(target.archive)).toEqual(before);
    if (result.ok) throw new Error('Importen skulle være afvist.');
    return result.error;
  }

  async function demoFile(change: (file: ExchangeFile) => void) {
    const source = await richArchive();
    const file = JSON.parse((await exportText(source.services, 'arkiv')).text) as ExchangeFile;
    change(file);
    return JSON.stringify(file);
  }

  test('et punkt med 0 minutter dybt inde i filen', async () => {
    let at = '';
    const error = await refused(
      await demoFile((file) => {
        const index = file.meetings.length - 1;
        const item = file.meetings[index]?.items[3];
        if (item) item.minutes = 0;
        at = `meetings[${index}].items[3].minutes`;
      }),
    );
    expect(error.code).toBe('ugyldigt_input');
    expect(error.message).toContain(`${at}: Punktets tidsramme skal være mindst 1 minut.`);
    expect(error.message).toContain('Intet blev indlæst.');
    expect(error.field).toBe(at.replace(/\[(\d+)\]/g, '.$1'));
  });

  test('en beslutning i farven lilla', async () => {
    let at = '';
    const error = await refused(
      await demoFile((file) => {
        file.meetings.forEach((m, i) =>
          m.items.forEach((item, j) => {
            if (item.decision && at === '') {
              (item.decision as { colour: string }).colour = 'lilla';
              at = `meetings[${i}].items[${j}].decision.colour`;
            }
          }),
        );
      }),
    );
    expect(error.message).toContain(`${at}: Vælg en af farverne rød, gul, grøn eller blå.`);
    expect(error.message).toMatch(/Det drejer sig om mødet «.+» \(\d{4}-\d{2}-\d{2}T14:00\), punktet «.+»\./);
  });

  test('et forum uden navn', async () => {
    const error = await refused(
      await demoFile((file) => {
        delete (file.forums[0] as Partial<ExchangeFile['forums'][number]>).name;
      }),
    );
    expect(error.message).toContain('forums[0].name: Feltet mangler.');
    expect(error.field).toBe('forums.0.name');
  });

  test('et tomt punkt-titel og et ukendt felt', async () => {
    const blank = await refused(
      await demoFile((file) => {
        const item = file.meetings[0]?.items[0];
        if (item) item.title = '   ';
      }),
    );
    expect(blank.message).toContain('meetings[0].items[0].title: Punktets titel skal udfyldes.');

    const unknown = await refused(
      await demoFile((file) => {
        Object.assign(file.persons[0] ?? {}, { email: 'a@b.dk' });
      }),
    );
    expect(unknown.message).toContain('persons[0]: Ukendt felt: email.');
  });

  test('ugyldig JSON', async () => {
    const error = await refused('{"format": "samtalerum-udveksling", ');
    expect(error.code).toBe('ugyldigt_input');
    expect(error.message).toMatch(/^Filen er ikke gyldig JSON/);
  });

  test('et andet filformat', async () => {
    const error = await refused(await demoFile((file) => Object.assign(file, { format: 'noget-andet' })));
    expect(error.message).toContain('ikke en udvekslingsfil fra Samtalerum');
    expect(error.field).toBe('format');
    expect((await refused('[1, 2, 3]')).message).toContain('ikke en udvekslingsfil fra Samtalerum');
  });

  test('en nyere formatversion', async () => {
    const newer = EXCHANGE_FORMAT_VERSION + 1;
    const error = await refused(await demoFile((file) => Object.assign(file, { formatVersion: newer, nytFelt: true })));
    expect(error.message).toMatch(new RegExp(`^Filen er lavet af en nyere version af Samtalerum \\(formatversion ${newer}\\)`));
    expect(error.field).toBe('formatVersion');
  });

  test('et møde hvis forum hverken er i filen eller i arkivet', async () => {
    const error = await refused(
      await demoFile((file) => {
        file.forums = [];
      }),
    );
    expect(error.message).toContain('meetings[0].forumId: Forummet findes hverken i filen eller i arkivet.');
    expect(error.field).toBe('meetings.0.forumId');
  });

  test('en person der ikke findes, og et id der står to gange', async () => {
    const missing = await refused(
      await demoFile((file) => {
        file.persons = file.persons.slice(1);
      }),
    );
    expect(missing.message).toContain('Personen findes hverken i filen eller i arkivet.');

    const twice = await refused(
      await demoFile((file) => {
        const [first] = file.persons;
        if (first) file.persons.push({ ...first });
      }),
    );
    expect(twice.message).toMatch(/står to gange i filen \(også ved persons\[0\]\.id\)/);
  });

  test('et andet forum med samme navn i arkivet', async () => {
    const file = await demoFile(() => undefined);
    const target = open();
    await must(target.services, 'demo.install', {});
    const before = allRows(target.archive);
    const result = await importText(target.services, file);
    expect(allRows(target.archive)).toEqual(before);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('konflikt');
      expect(result.error.message).toContain('forums[0].name: Arkivet har allerede et andet forum med navnet «TRIO» på Bøgely Skole (demo).');
    }
  });
});

describe('dansk tekst', () => {
  test('æøå, anførselstegn, linjeskift og emoji overlever turen', async () => {
    const source = await richArchive();
    const { text } = await exportText(source.services, 'arkiv');
    // Written as UTF-8, not as \u escapes, so the file can be read by a person.
    expect(text).toContain('Æblegrød');
    expect(text).toContain('🍎👩🏽‍🏫');

    const target = open();
    await must(target.services, 'exchange.import', { content: text });
    const detail = await must(target.services, 'meetings.get', { meetingId: source.upcomingId });
    const themed = detail.items.find((item) => item.title === 'Lærernes "frie" tid 😊');
    expect(themed?.notes).toBe(TRICKY);
    expect(themed?.background).toBe(TRICKY);
    expect(detail.itemTypes.some((t) => t.label === 'Temadrøftelse')).toBe(true);
    expect(detail.otherActions.some((a) => a.who === 'Åse Ørsted')).toBe(true);
  });

  test('en fil med byte order mark kan læses', async () => {
    const source = await richArchive();
    const { text } = await exportText(source.services, 'moede', source.heldId);
    const target = open();
    await must(target.services, 'exchange.import', { content: `\uFEFF${text}` });
    expect((await exportText(target.services, 'moede', source.heldId)).text).toBe(text);
  });
});

test('eksport af et møde der ikke findes', async () => {
  const { services } = open();
  const result = await services.call('exchange.export', { scope: 'moede', id: '00000000-0000-4000-8000-000000000000' });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe('ikke_fundet');
});

/** The demo with its held meeting's referat approved by the agenda owners, as an exchange file of the whole archive. */
async function approvedDemo() {
  const source = open();
  const { forumId } = await must(source.services, 'demo.install', {});
  const meetings = await must(source.services, 'meetings.list', { forumId });
  const held = meetings.find((m) => m.status === 'afholdt');
  const upcoming = meetings.find((m) => m.status === 'planlagt');
  if (!held || !upcoming) throw new Error('Demoen mangler et afholdt og et kommende møde.');
  const referat = await must(source.services, 'referat.get', { meetingId: held.id });
  for (const owner of referat.coOwners) await must(source.services, 'referat.approve', { meetingId: held.id, personId: owner.personId });
  const { text } = await exportText(source.services, 'arkiv');
  const file = JSON.parse(text) as ExchangeFile;
  const heldIndex = file.meetings.findIndex((m) => m.id === held.id);
  const personId = (name: string) => {
    const person = file.persons.find((p) => p.name === name);
    if (!person) throw new Error(`Demoen mangler ${name}.`);
    return person.id;
  };
  return { source, text, file, heldIndex, upcomingId: upcoming.id, personId };
}

/** An import into an archive with content of its own, which must be left exactly as it was. */
async function refusedImport(input: Record<string, unknown>) {
  const target = open();
  await seedSlice(target.services);
  const before = allRows(target.archive);
  const result = await target.services.call('exchange.import', input);
  expect(allRows(target.archive)).toEqual(before);
  if (result.ok) throw new Error('Importen skulle være afvist.');
  return result.error;
}

const asBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('filens tegnsæt', () => {
  test('UTF-8 med byte order mark, læst som bytes, giver samme indhold', async () => {
    const { text, heldIndex, file } = await approvedDemo();
    const target = open();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    await must(target.services, 'exchange.import', { base64: asBase64(bytes) });
    expect((await exportText(target.services, 'arkiv')).text).toBe(text);
    expect(file.meetings[heldIndex]?.referat[0]?.status).toBe('godkendt');
  });

  test('en fil gemt som Windows-1252 afvises og nævnes som sådan', async () => {
    const { text } = await approvedDemo();
    const firstNonAscii = [...text].findIndex((c) => c.charCodeAt(0) > 0x7f);
    const line = text.slice(0, firstNonAscii).split('\n').length;
    const error = await refusedImport({ base64: asBase64(windows1252(text)) });
    expect(error.code).toBe('ugyldigt_input');
    expect(error.message).toMatch(/^Filen ser ud til at være gemt som Windows-1252 \(Latin-1\), ikke UTF-8/);
    expect(error.message).toContain(`i linje ${line} står «${[...text][firstNonAscii]}»`);
    expect(error.message).toContain('gem den igen med kodningen UTF-8');
    expect(error.message).toMatch(/Intet blev indlæst\.$/);
  });

  test('bytes der hverken er UTF-8 eller tekst afvises med en klar besked', async () => {
    const bytes = Uint8Array.from([...Buffer.from('{"format": "samtalerum-udveksling",\n "x": "'), 0x00, 0xc3, 0x28, 0x81, 0x22, 0x7d]);
    const error = await refusedImport({ base64: asBase64(bytes) });
    expect(error.code).toBe('ugyldigt_input');
    expect(error.message).toBe(
      'Filen er ikke tekst i UTF-8 (linje 2 kan ikke læses), så den kan ikke være en udvekslingsfil fra Samtalerum. ' +
        'Den er måske beskadiget, eller det er en anden slags fil. Intet blev indlæst.',
    );
    expect(error.field).toBe('base64');
  });

  test('en fil gemt som UTF-16 nævnes som sådan', async () => {
    const { text } = await approvedDemo();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const error = await refusedImport({ base64: asBase64(bytes) });
    expect(error.message).toMatch(/^Filen er gemt som UTF-16 \(«Unicode»\), ikke UTF-8\./);
  });

  test('bytes der ikke er gyldig base64 afvises, før noget læses', async () => {
    const { text } = await approvedDemo();
    const good = asBase64(Buffer.from(text));
    // A character outside base64, a length that is no multiple of four, padding inside, whitespace, too much padding,
    // padding followed by a letter at the end, and the URL-safe alphabet (- and _), which is another format.
    for (const bad of [
      `${good.slice(0, -4)}ab!d`,
      good.slice(0, -1),
      `ab=c${good}`,
      `${good.slice(0, 8)} ${good.slice(9)}`,
      'ab==='.padStart(8, 'A'),
      `${good.slice(0, -4)}ab=c`,
      `${good.slice(0, -4)}a=b=`,
      `${good.slice(0, -4)}ab-_`,
    ]) {
      const error = await refusedImport({ base64: bad });
      expect(error.code).toBe('ugyldigt_input');
      expect(error.message).toBe('Udvekslingsfilen kunne ikke overføres (ugyldig base64).');
      expect(error.field).toBe('base64');
    }
  });

  test('filen gives enten som tekst eller som bytes', async () => {
    const { text } = await approvedDemo();
    const both = await refusedImport({ content: text, base64: asBase64(Buffer.from(text)) });
    expect(both.message).toBe('Vælg én udvekslingsfil, der skal indlæses.');
    const none = await refusedImport({});
    expect(none.message).toBe('Vælg én udvekslingsfil, der skal indlæses.');
  });
});

describe('en række, der tager en andens plads i arkivet', () => {
  /** The file read into an archive of its own, then a changed copy of it read into the same archive again. */
  async function refusedAgain(change: (file: ExchangeFile) => string) {
    const { text, file } = await approvedDemo();
    const target = open();
    await must(target.services, 'exchange.import', { content: text });
    const before = allRows(target.archive);
    const at = change(file);
    const result = await importText(target.services, JSON.stringify(file));
    expect(allRows(target.archive)).toEqual(before);
    if (result.ok) throw new Error('Importen skulle være afvist.');
    expect(result.error.code).toBe('konflikt');
    expect(result.error.field).toBe(at.replace(/\[(\d+)\]/g, '.$1'));
    return { message: result.error.message, at };
  }

  test('en anden beslutning på et punkt, der har en i arkivet', async () => {
    const { message, at } = await refusedAgain((file) => {
      const i = file.meetings.findIndex((m) => m.items.some((item) => item.decision !== null));
      const j = file.meetings[i]?.items.findIndex((item) => item.decision !== null) ?? -1;
      const decision = file.meetings[i]?.items[j]?.decision;
      if (!decision) throw new Error('Demoen mangler en beslutning.');
      decision.id = randomUUID();
      return `meetings[${i}].items[${j}].decision.id`;
    });
    expect(message).toContain(`${at}: Punktet har allerede en anden beslutning i arkivet.`);
  });

  test('en anden referatversion med et nummer, mødet har i arkivet', async () => {
    const { message, at } = await refusedAgain((file) => {
      const i = file.meetings.findIndex((m) => m.referat.length > 0);
      const version = file.meetings[i]?.referat[0];
      if (!version) throw new Error('Demoen mangler et referat.');
      version.id = randomUUID();
      return `meetings[${i}].referat[0].version`;
    });
    expect(message).toContain(`${at}: Mødet har allerede en anden version 1 af referatet i arkivet`);
  });
});

describe('godkendelser i filen følger programmets regler', () => {
  test('en godkendelse fra en, der ikke var dagsordensejer, afviser hele filen', async () => {
    const { file, heldIndex, personId } = await approvedDemo();
    const approval = file.meetings[heldIndex]?.referat[0]?.approvals[0];
    if (!approval) throw new Error('Referatet mangler godkendelser.');
    approval.personId = personId('Ali Hassan');
    const error = await refusedImport({ content: JSON.stringify(file) });
    expect(error.code).toBe('konflikt');
    expect(error.message).toMatch(
      new RegExp(`^meetings\\[${heldIndex}\\]\\.referat\\[0\\]\\.approvals\\[\\d\\]\\.personId: «Ali Hassan» står som godkender af referatet \\(version 1\\), men var ikke dagsordensejer i forummet på mødedagen \\(\\d+\\. \\w+ \\d{4}\\)\\.`),
    );
    expect(error.message).toMatch(/Det drejer sig om mødet «.+» \(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\)\. Intet blev indlæst\.$/);
  });

  test('en dagsordensejer, hvis rolle sluttede før mødet, kan ikke have godkendt det', async () => {
    const { file, heldIndex, personId } = await approvedDemo();
    const approval = file.meetings[heldIndex]?.referat[0]?.approvals[0];
    if (!approval) throw new Error('Referatet mangler godkendelser.');
    approval.personId = personId('Peter Friis');
    const error = await refusedImport({ content: JSON.stringify(file) });
    expect(error.message).toContain('«Peter Friis» står som godkender af referatet (version 1), men var ikke dagsordensejer i forummet');
  });

  test('et godkendt referat på et møde, der ikke er afholdt', async () => {
    const { file, heldIndex } = await approvedDemo();
    const meeting = file.meetings[heldIndex];
    if (!meeting) throw new Error('Filen mangler mødet.');
    meeting.status = 'planlagt';
    const error = await refusedImport({ content: JSON.stringify(file) });
    expect(error.code).toBe('konflikt');
    expect(error.message).toContain(
      `meetings[${heldIndex}].referat[0].status: Referatet (version 1) står som godkendt, men mødet er ikke afholdt. Et referat godkendes først efter mødet.`,
    );
    expect(error.field).toBe(`meetings.${heldIndex}.referat.0.status`);
  });

  test('en godkendelse af et udkast til et møde, der ikke er afholdt', async () => {
    const { file, upcomingId, personId } = await approvedDemo();
    const index = file.meetings.findIndex((m) => m.id === upcomingId);
    const meeting = file.meetings[index];
    if (!meeting) throw new Error('Filen mangler det kommende møde.');
    meeting.referat.push({
      id: '00000000-0000-4000-8000-00000000a001',
      version: 1,
      status: 'udkast',
      changeNote: '',
      createdAt: '2026-11-01T10:00:00.000Z',
      approvedAt: null,
      changes: [],
      snapshot: null,
      approvals: [{ personId: personId('Mette Lund'), role: 'Skoleleder', approvedAt: '2026-11-01T10:00:00.000Z' }],
    });
    const error = await refusedImport({ content: JSON.stringify(file) });
    expect(error.message).toContain(
      `meetings[${index}].referat[0].approvals[0].personId: «Mette Lund» står som godkender af referatet (version 1), men mødet er ikke afholdt.`,
    );
  });

  test('rollerne i arkivet tæller med: en rolle, der kun står i filen, gør ikke en godkendelse gyldig i et arkiv, hvor den er slut', async () => {
    const { source, text, heldIndex, file } = await approvedDemo();
    const meeting = file.meetings[heldIndex];
    const owner = meeting?.referat[0]?.approvals[0];
    const member = file.forums[0]?.members.find((m) => m.personId === owner?.personId && m.toDate === null);
    if (!meeting || !owner || !member) throw new Error('Demoen mangler en godkendende dagsordensejer.');
    // The same file round-trips as it is …
    await must(source.services, 'exchange.import', { content: text });
    // … but a file that ends the role before the meeting refuses the approval it also carries.
    member.toDate = member.fromDate;
    const error = await source.services.call('exchange.import', { content: JSON.stringify(file) });
    expect(error.ok).toBe(false);
    if (!error.ok) expect(error.error.message).toContain('men var ikke dagsordensejer i forummet');
    expect((await exportText(source.services, 'arkiv')).text).toBe(text);
  });
});

describe('et møde, arkivet har under et andet id', () => {
  /** The demo's upcoming meeting as planned on another laptop: same forum, start and title, every id new. */
  async function plannedTwice() {
    const { source, upcomingId } = await approvedDemo();
    let text = (await exportText(source.services, 'moede', upcomingId)).text;
    const meeting = (JSON.parse(text) as ExchangeFile).meetings[0];
    if (!meeting) throw new Error('Filen mangler mødet.');
    const ids = [
      meeting.id,
      ...meeting.items.flatMap((item) => [item.id, ...(item.decision ? [item.decision.id] : [])]),
      ...meeting.actions.flatMap((a) => [a.id, ...a.notes.map((n) => n.id)]),
      ...meeting.referat.map((v) => v.id),
    ];
    ids.forEach((id, i) => {
      text = text.replaceAll(id, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
    });
    return { source, text, meeting, copyId: '00000000-0000-4000-8000-000000000001' };
  }

  test('afvises med en besked, der nævner begge, og intet indlæses', async () => {
    const { source, text, meeting } = await plannedTwice();
    const before = allRows(source.archive);
    const result = await source.services.call('exchange.import', { content: text });
    expect(allRows(source.archive)).toEqual(before);
    if (result.ok) throw new Error('Importen skulle være afvist.');
    expect(result.error.code).toBe('konflikt');
    expect(result.error.field).toBe('keepBoth');
    expect(result.error.message).toMatch(
      new RegExp(
        `^Arkivet har allerede mødet «${meeting.title}» \\d+\\. \\w+ \\d{4} kl\\. ${meeting.startsAt.slice(11, 16).replace(':', '\\.')} i samme forum \\(id ${meeting.id.slice(0, 8)}…\\), ` +
          `og filen har mødet «${meeting.title}» samme tid under et andet id \\(00000000…\\)\\.`,
      ),
    );
    expect(result.error.message).toContain('Vælg at beholde begge, hvis det er to forskellige møder');
  });

  test('med «behold begge» indlæses det som et møde mere', async () => {
    const { source, text, meeting, copyId } = await plannedTwice();
    const summary = await must(source.services, 'exchange.import', { content: text, keepBoth: true });
    expect(summary.meetings).toBe(1);
    const meetings = await must(source.services, 'meetings.list', { forumId: meeting.forumId });
    expect(meetings.filter((m) => m.title === meeting.title && m.startsAt === meeting.startsAt).map((m) => m.id).sort()).toEqual(
      [copyId, meeting.id].sort(),
    );
    // The two are now both in the archive, so the same file again is no longer a question.
    expect((await must(source.services, 'exchange.import', { content: text })).added).toBe(0);
  });
});

describe('dissens i ældre filer', () => {
  test('en fil med formatversion 4 og dissens som fritekst indlæses som én dissens ord for ord, også to gange', async () => {
    const source = await richArchive();
    const file = JSON.parse((await exportText(source.services, 'moede', source.heldId)).text) as Record<string, unknown> & ExchangeFile;
    const words = 'TR (pædagoger): «Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen.»\nAMR: Vi vil se en plan først.';
    const old = {
      ...file,
      formatVersion: 4,
      meetings: file.meetings.map((m) => ({
        ...m,
        items: m.items.map((item) => {
          if (!item.decision) return item;
          const { dissents, ...decision } = item.decision;
          return { ...item, decision: { ...decision, dissent: dissents.length > 0 ? words : '' } };
        }),
      })),
    };
    const target = open();
    expect((await importText(target.services, JSON.stringify(old))).ok).toBe(true);
    const meeting = await must(target.services, 'meetings.get', { meetingId: source.heldId });
    const withDissent = meeting.items.filter((i) => i.decision && i.decision.dissents.length > 0);
    expect(withDissent.length).toBeGreaterThan(0);
    for (const item of withDissent) {
      expect(item.decision?.dissents).toEqual([{ id: expect.any(String), personId: null, name: '', role: '', text: words, minorityStatement: false }]);
    }
    const before = allRows(target.archive);
    expect((await importText(target.services, JSON.stringify(old))).ok).toBe(true);
    expect(allRows(target.archive)).toEqual(before);
  });
});
