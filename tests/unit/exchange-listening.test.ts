import { describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../electron/archive/open';
import { setSentToInbox } from '../../electron/archive/queries/listening';
import type { Services } from '../../electron/services';
import { EXCHANGE_FORMAT_VERSION, parseExchange, type ExchangeFile } from '../../shared/exchange/format';
import { must, servicesWithArchive } from './support';
import { laptop, send, SERVER } from './sync-support';

/**
 * Lyttemøde series in the exchange file (formatversion 6): a lyttemøde forum's file carries its series with
 * meetings, themes, inputs and the marks of what was sent to a school's inbox; the whole archive's file carries
 * every series, also those that belong to no forum. No person is on an input, and a meeting's file carries none.
 */

/** Every row of the series, every column, in a fixed order: two archives holding the same series give the same rows. */
function seriesRows(db: SqliteDb, seriesIds: readonly string[]): Record<string, unknown[]> {
  const series = `(SELECT value FROM json_each('${JSON.stringify(seriesIds)}'))`;
  const meetings = `(SELECT id FROM listening_meeting WHERE series_id IN ${series})`;
  const queries: Record<string, string> = {
    listening_series: `SELECT * FROM listening_series WHERE id IN ${series} ORDER BY id`,
    listening_meeting: `SELECT * FROM listening_meeting WHERE id IN ${meetings} ORDER BY id`,
    listening_theme: `SELECT * FROM listening_theme WHERE series_id IN ${series} ORDER BY id`,
    listening_input: `SELECT * FROM listening_input WHERE meeting_id IN ${meetings} ORDER BY meeting_id, position`,
    listening_input_theme: `SELECT * FROM listening_input_theme WHERE input_id IN (SELECT id FROM listening_input WHERE meeting_id IN ${meetings}) ORDER BY input_id, theme_id`,
  };
  return Object.fromEntries(Object.entries(queries).map(([table, sql]) => [table, db.prepare(sql).all()]));
}

/** A series with a held meeting (sorted, themed inputs, a quote, one sent to a school's inbox) and a planned one. */
async function seriesWithInputs(services: Services, db: SqliteDb, title: string) {
  const series = await must(services, 'listening.createSeries', { title, purpose: 'At høre lærerne.\nOm arbejdstid.', visitors: 'Skolechefen og kredsformanden' });
  const held = await must(services, 'listening.planMeeting', { seriesId: series.id, school: 'Egeskolen', date: '2026-11-10', startTime: '14:30', teacherGroup: 'Indskolingens lærere' });
  await must(services, 'listening.planMeeting', { seriesId: series.id, school: 'Bøgeskolen', date: '2027-01-12', teacherGroup: 'Udskolingens lærere' });
  const first = await must(services, 'listening.addInput', { meetingId: held.id, text: 'Forberedelsestiden forsvinder i vikartimer.', themes: ['Forberedelse', 'Vikarer'] });
  const quote = await must(services, 'listening.addInput', { meetingId: held.id, text: 'Vi når det ikke.', isQuote: true, themes: ['Forberedelse'] });
  const unsorted = await must(services, 'listening.addInput', { meetingId: held.id, text: 'Skemaet kommer for sent.' });
  await must(services, 'listening.sortInput', { inputId: first.id, destination: 'kommune_kreds', note: 'Tages op i kredsen.\nI januar.' });
  await must(services, 'listening.sortInput', { inputId: quote.id, destination: 'parkeret' });
  await must(services, 'listening.markHeld', { meetingId: held.id, held: true, participantCount: 14 });
  setSentToInbox(db, first.id, 'TRIO Egeskolen', '2026-11-12T09:00:00.000Z');
  return { series, held, first, quote, unsorted };
}

function fileOf(document: { base64: string }): { text: string; file: ExchangeFile } {
  const text = Buffer.from(document.base64, 'base64').toString('utf8');
  const parsed = parseExchange(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return { text, file: parsed.file };
}

describe('lyttemøder i udvekslingsfilen', () => {
  it('et lyttemødeforums fil bærer serien, og indlæst i et tomt arkiv giver den præcis de samme rækker og den samme fil', async () => {
    const here = servicesWithArchive();
    const there = servicesWithArchive();
    try {
      const { series } = await seriesWithInputs(here.services, here.archive.db, 'Lyttemøder om arbejdstid');
      const { forumId } = await must(here.services, 'listening.shareAsForum', { seriesId: series.id });
      if (forumId === null) throw new Error('Serien fik intet forum.');

      const exported = fileOf(await must(here.services, 'exchange.export', { scope: 'forum', id: forumId }));
      expect(exported.file.formatVersion).toBe(EXCHANGE_FORMAT_VERSION);
      const [inFile] = exported.file.listeningSeries;
      expect(inFile).toMatchObject({ id: series.id, forumId, title: 'Lyttemøder om arbejdstid' });
      expect(inFile?.meetings.map((m) => m.inputs.length)).toEqual([3, 0]);
      expect(inFile?.meetings[0]?.inputs[0]).toMatchObject({ destination: 'kommune_kreds', inboxForumName: 'TRIO Egeskolen', inboxSentAt: '2026-11-12T09:00:00.000Z' });
      // Anonymity: an input holds the words heard and where they went, and names no one.
      expect(Object.keys(inFile?.meetings[0]?.inputs[0] ?? {})).toEqual([
        'id', 'position', 'text', 'isQuote', 'destination', 'destinationNote', 'inboxForumName', 'inboxSentAt', 'createdAt', 'themes',
      ]);

      const summary = await must(there.services, 'exchange.import', { content: exported.text });
      expect(summary.added).toBeGreaterThan(0);
      expect(seriesRows(there.archive.db, [series.id])).toEqual(seriesRows(here.archive.db, [series.id]));
      expect(seriesRows(there.archive.db, [series.id])['listening_input_theme']).toHaveLength(3);
      // The series reads the same through the app on the other laptop.
      expect(await must(there.services, 'listening.getSeries', { seriesId: series.id })).toEqual(await must(here.services, 'listening.getSeries', { seriesId: series.id }));
      const again = fileOf(await must(there.services, 'exchange.export', { scope: 'forum', id: forumId }));
      expect(again.text).toBe(exported.text);

      // The same file twice adds nothing.
      const twice = await must(there.services, 'exchange.import', { content: exported.text });
      expect(twice.added).toBe(0);
      expect(seriesRows(there.archive.db, [series.id])).toEqual(seriesRows(here.archive.db, [series.id]));
    } finally {
      here.services.close();
      there.services.close();
    }
  });

  it('hele arkivets fil bærer også serier uden forum, og et andet forums fil bærer ingen serie', async () => {
    const here = servicesWithArchive();
    const there = servicesWithArchive();
    try {
      const { series: local } = await seriesWithInputs(here.services, here.archive.db, 'Lyttemøder om trivsel');
      const { series: shared } = await seriesWithInputs(here.services, here.archive.db, 'Lyttemøder om arbejdstid');
      await must(here.services, 'listening.shareAsForum', { seriesId: shared.id });
      const trio = await must(here.services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });

      const trioFile = fileOf(await must(here.services, 'exchange.export', { scope: 'forum', id: trio.id }));
      expect(trioFile.file.listeningSeries).toEqual([]);

      const archiveFile = fileOf(await must(here.services, 'exchange.export', { scope: 'arkiv', id: null }));
      const titles = archiveFile.file.listeningSeries.map((s) => `${s.title}: ${s.forumId === null ? 'uden forum' : 'i forum'}`);
      expect(titles.sort()).toEqual(['Lyttemøder om arbejdstid: i forum', 'Lyttemøder om trivsel: uden forum']);
      expect(new Set(archiveFile.file.listeningSeries.map((s) => s.id))).toEqual(new Set([local.id, shared.id]));
      expect(archiveFile.file.listeningSeries.find((s) => s.id === local.id)?.forumId).toBeNull();

      await must(there.services, 'exchange.import', { content: archiveFile.text });
      expect(seriesRows(there.archive.db, [local.id, shared.id])).toEqual(seriesRows(here.archive.db, [local.id, shared.id]));
    } finally {
      here.services.close();
      there.services.close();
    }
  });

  it('et mødes fil, også udgaven til deling, bærer ingen serie og intet af det, der blev hørt', async () => {
    const { services, archive } = servicesWithArchive();
    try {
      const { series, first, quote } = await seriesWithInputs(services, archive.db, 'Lyttemøder om arbejdstid');
      const { forumId } = await must(services, 'listening.shareAsForum', { seriesId: series.id });
      if (forumId === null) throw new Error('Serien fik intet forum.');
      const meeting = await must(services, 'meetings.create', { forumId, title: 'Opsamling', startsAt: '2027-02-01T14:00', durationMinutes: 60 });
      await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Hvad hørte vi', type: 'droeftelse', minutes: 15 });
      for (const variant of ['delt', 'fuld'] as const) {
        const { text, file } = fileOf(await must(services, 'exchange.export', { scope: 'moede', id: meeting.id, variant }));
        expect(file.listeningSeries, variant).toEqual([]);
        for (const heard of [first.text, quote.text, 'Skemaet kommer for sent', 'Tages op i kredsen', 'Forberedelse', 'Indskolingens lærere']) {
          expect(text, `${variant}: ${heard}`).not.toContain(heard);
        }
      }
    } finally {
      services.close();
    }
  });

  it('en fil fra før serierne (formatversion 5) indlæses uden at røre arkivets serier', async () => {
    const here = servicesWithArchive();
    try {
      const { series } = await seriesWithInputs(here.services, here.archive.db, 'Lyttemøder om arbejdstid');
      const { forumId } = await must(here.services, 'listening.shareAsForum', { seriesId: series.id });
      if (forumId === null) throw new Error('Serien fik intet forum.');
      const before = seriesRows(here.archive.db, [series.id]);
      const { file } = fileOf(await must(here.services, 'exchange.export', { scope: 'forum', id: forumId }));
      const { listeningSeries: _none, ...older } = file;
      const oldItems = { ...older, formatVersion: 5 };
      const parsed = parseExchange(oldItems);
      expect(parsed.ok && parsed.file.listeningSeries).toEqual([]);
      await must(here.services, 'exchange.import', { content: JSON.stringify(oldItems) });
      expect(seriesRows(here.archive.db, [series.id])).toEqual(before);
    } finally {
      here.services.close();
    }
  });

  it('indlæsningen fletter med arkivets serie: arkivets egne input bliver efter filens, og et tema, der strider, afviser filen på dansk', async () => {
    const here = servicesWithArchive();
    const there = servicesWithArchive();
    try {
      const { series, held } = await seriesWithInputs(here.services, here.archive.db, 'Lyttemøder om arbejdstid');
      const exported = fileOf(await must(here.services, 'exchange.export', { scope: 'arkiv', id: null }));
      await must(there.services, 'exchange.import', { content: exported.text });
      // Heard on the other laptop after the file was made.
      const later = await must(there.services, 'listening.addInput', { meetingId: held.id, text: 'Mødetiden skal ligge fast.' });
      await must(there.services, 'exchange.import', { content: exported.text });
      const inputs = there.archive.db.prepare('SELECT id, position FROM listening_input WHERE meeting_id = ? ORDER BY position').all(held.id) as { id: string; position: number }[];
      expect(inputs.map((i) => i.position)).toEqual([1, 2, 3, 4]);
      expect(inputs.at(-1)?.id).toBe(later.id);

      // A theme of the same name under another id in the archive: refused, nothing written.
      const [inFile] = exported.file.listeningSeries;
      if (!inFile) throw new Error('Serien er ikke i filen.');
      const clash: ExchangeFile = {
        ...exported.file,
        listeningSeries: [{ ...inFile, themes: [...inFile.themes, { id: '0b6f2a3c-1d4e-4f5a-8b6c-7d8e9f0a1b2c', name: 'Ny ordning' }] }],
      };
      await must(there.services, 'listening.addInput', { meetingId: held.id, text: 'Tilsynet tager tid.', themes: ['ny ordning'] });
      const rowsBefore = seriesRows(there.archive.db, [series.id]);
      const refused = await there.services.call('exchange.import', { content: JSON.stringify(clash) });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.message).toContain('Serien har allerede et andet tema, der hedder «Ny ordning»');
        expect(refused.error.message).toContain('Intet blev indlæst.');
      }
      expect(seriesRows(there.archive.db, [series.id])).toEqual(rowsBefore);

      // A series whose forum is in neither file nor archive is refused, by its place in the file.
      const orphan: ExchangeFile = { ...exported.file, listeningSeries: [{ ...inFile, forumId: '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }] };
      const noForum = await there.services.call('exchange.import', { content: JSON.stringify(orphan) });
      expect(noForum.ok).toBe(false);
      if (!noForum.ok) expect(noForum.error.message).toMatch(/^listeningSeries\[0\]\.forumId: Forummet findes hverken i filen eller i arkivet\. Det drejer sig om serien «Lyttemøder om arbejdstid»\./);
    } finally {
      here.services.close();
      there.services.close();
    }
  });

  it('en fil med et inputs tema uden for serien eller et tema to gange afvises, før noget skrives', async () => {
    const here = servicesWithArchive();
    try {
      await seriesWithInputs(here.services, here.archive.db, 'Lyttemøder om arbejdstid');
      const { file } = fileOf(await must(here.services, 'exchange.export', { scope: 'arkiv', id: null }));
      const [series] = file.listeningSeries;
      const [meeting] = series?.meetings ?? [];
      const [input] = meeting?.inputs ?? [];
      const [theme] = series?.themes ?? [];
      if (!series || !meeting || !input || !theme) throw new Error('Serien er ikke i filen.');
      const strayTheme = { ...input, themes: [{ themeId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }] };
      const stray = parseExchange({ ...file, listeningSeries: [{ ...series, meetings: [{ ...meeting, inputs: [strayTheme] }] }] });
      expect(stray.ok).toBe(false);
      if (!stray.ok) expect(stray.message).toContain('listeningSeries[0].meetings[0].inputs[0].themes[0].themeId: Temaet findes ikke blandt seriens temaer.');
      const twice = parseExchange({ ...file, listeningSeries: [{ ...series, themes: [...series.themes, { id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', name: ` ${theme.name.toUpperCase()} ` }] }] });
      expect(twice.ok).toBe(false);
      if (!twice.ok) expect(twice.message).toContain(`står to gange i serien`);
      const named = parseExchange({ ...file, listeningSeries: [{ ...series, meetings: [{ ...meeting, inputs: [{ ...input, personId: null }] }] }] });
      expect(named.ok).toBe(false);
      if (!named.ok) expect(named.message).toContain('Ukendt felt: personId');
    } finally {
      here.services.close();
    }
  });

  it('indlæst i et delt lyttemødeforum flettes filen ind: det nye kommer til, den anden besøgendes ændringer bliver, og det sendes videre', { timeout: 30_000 }, async () => {
    const skolechef = laptop();
    const { series, held, first, quote, unsorted } = await seriesWithInputs(skolechef.services, skolechef.db, 'Lyttemøder om arbejdstid');
    const { forumId } = await must(skolechef.services, 'listening.shareAsForum', { seriesId: series.id });
    if (forumId === null) throw new Error('Serien fik intet forum.');
    skolechef.services.sync.shareForum(forumId, SERVER);
    const kredsformand = laptop();
    send(skolechef, kredsformand, forumId);

    // A copy from an exchange file on a laptop that does not share the forum, worked on there.
    const copy = laptop();
    await must(copy.services, 'exchange.import', { base64: (await must(skolechef.services, 'exchange.export', { scope: 'forum', id: forumId })).base64 });
    const fromCopy = await must(copy.services, 'listening.addInput', { meetingId: held.id, text: 'Teamtiden bliver brugt på møder.', themes: ['Mødetid'] });
    await must(copy.services, 'listening.sortInput', { inputId: first.id, note: 'Tages op i kredsen.\nI januar. Også i MED.' });
    const file = (await must(copy.services, 'exchange.export', { scope: 'forum', id: forumId })).base64;

    // Meanwhile the kredsformand changes the shared series, and it reaches the skolechef.
    const fromKreds = await must(kredsformand.services, 'listening.addInput', { meetingId: held.id, text: 'Vi savner tid til forældresamtaler.' });
    await must(kredsformand.services, 'listening.updateInput', { inputId: quote.id, text: 'Vi når det simpelthen ikke.', isQuote: true });
    send(kredsformand, skolechef, forumId);

    const summary = await must(skolechef.services, 'exchange.import', { base64: file });
    expect(summary.merged[0]).toContain('Forummet «Lyttemøder om arbejdstid» deles med andre, så filen blev flettet ind');
    const meeting = await must(skolechef.services, 'listening.getMeeting', { meetingId: held.id });
    expect(new Set(meeting.inputs.map((i) => i.id))).toEqual(new Set([first.id, quote.id, unsorted.id, fromKreds.id, fromCopy.id]));
    expect(meeting.inputs.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(meeting.inputs.find((i) => i.id === quote.id)?.text).toBe('Vi når det simpelthen ikke.');
    expect(meeting.inputs.find((i) => i.id === first.id)?.note).toBe('Tages op i kredsen.\nI januar. Også i MED.');
    expect(meeting.inputs.find((i) => i.id === fromCopy.id)?.themes).toEqual(['Mødetid']);

    // The kredsformand gets the merge as any other edit.
    send(skolechef, kredsformand, forumId);
    expect(seriesRows(kredsformand.db, [series.id])).toEqual(seriesRows(skolechef.db, [series.id]));
  });

  it('en fil fra før serien blev et delt forum overskriver ikke det, den anden besøgende har skrevet siden', { timeout: 30_000 }, async () => {
    const skolechef = laptop();
    const { series, quote } = await seriesWithInputs(skolechef.services, skolechef.db, 'Lyttemøder om arbejdstid');
    const before = (await must(skolechef.services, 'exchange.export', { scope: 'arkiv', id: null })).base64;
    const { forumId } = await must(skolechef.services, 'listening.shareAsForum', { seriesId: series.id });
    if (forumId === null) throw new Error('Serien fik intet forum.');
    skolechef.services.sync.shareForum(forumId, SERVER);
    const kredsformand = laptop();
    send(skolechef, kredsformand, forumId);
    await must(kredsformand.services, 'listening.updateInput', { inputId: quote.id, text: 'Vi når det simpelthen ikke.', isQuote: true });
    await must(kredsformand.services, 'listening.sortInput', { inputId: quote.id, destination: 'lokalt' });
    send(kredsformand, skolechef, forumId);

    const summary = await must(skolechef.services, 'exchange.import', { base64: before });
    expect(summary.merged.join(' ')).toContain('Forummet «Lyttemøder om arbejdstid» deles med andre');
    const input = (await must(skolechef.services, 'listening.getMeeting', { meetingId: (await must(skolechef.services, 'listening.getSeries', { seriesId: series.id })).meetings[0]?.id ?? '' })).inputs.find((i) => i.id === quote.id);
    expect(input).toMatchObject({ text: 'Vi når det simpelthen ikke.', destination: 'lokalt' });
    expect((await must(skolechef.services, 'listening.getSeries', { seriesId: series.id })).series.forumId).toBe(forumId);
  });
});
