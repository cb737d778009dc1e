// The secretary's documents from the command line, on the demo with a decision on its closed item, a
// draft decision with list lines and quotes, and the sag's first item closed: each file read back as a
// person (the text) and as Word (every part) or a spreadsheet (the CSV parsed again) would read it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DECISION_LOG_COLUMNS } from '../../electron/export/beslutningslog';
import type { AgendaItem } from '../../shared/api/types';
import { cells, cli, expectFailure, freshDir, lines, ok, requireBuiltCli } from './cli-run';
import { parseCsv } from './csv-readback';
import { partsMatching, partsOf, textOf } from './docx-readback';
import { must, servicesWithArchive } from './support';

// Every test starts the CLI as its own Node process, a second or more each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const CLOSED_TITLE = 'Personalesag i indskolingen';
const CLOSED_DECISION = 'Medarbejderen går ned i tid fra 1. februar, og teamet får besked af skolelederen.';
const SAG_ITEM = 'Vikardækning: erfaringer fra efteråret';
const SAG_NOTES = 'Teamene oplever, at skiftende vikarer giver uro';
/** As a secretary types a decision: list lines, a semicolon, quotes. */
const DRAFT_DECISION = '- Vikartimerne samles hos tre faste vikarer; ordningen evalueres i juni.\n- «Akutpuljen» og "nødplanen" bevares til sygdom.';
const DRAFT_DISSENT = 'Lærerne ønsker, at ordningen først gælder fra 1. marts.';

const dir = freshDir();
const archive = join(dir, 'a.sqlite');
const on = (...args: string[]) => [...args, '--archive', archive];
let held = { id: '', date: '' };
let planned = { id: '', date: '' };
let forumId = '';
let wholeSagId = '';

/** Saves an item with one field changed, as the item form does (it always sends every field). */
function updateItem(services: ReturnType<typeof servicesWithArchive>['services'], item: AgendaItem, confidential: boolean) {
  const { id, title, type, minutes, announcedColour, owner, background, sensitive } = item;
  return must(services, 'agenda.updateItem', { itemId: id, title, type, minutes, announcedColour, owner, background, confidential, sensitive });
}

beforeAll(async () => {
  requireBuiltCli();
  ok(on('seed-demo'));
  const listed = lines(ok(on('list-meetings')).stdout).map(cells);
  const place = (status: string) => {
    const [id = '', time = ''] = listed.find((row) => row.at(-1) === status) ?? [];
    return { id, date: time.slice(0, 10) };
  };
  held = place('afholdt');
  planned = place('planlagt');
  forumId = lines(ok(on('list-forums')).stdout)[0]?.split(' ')[0] ?? '';

  const { services, archive: db } = servicesWithArchive(archive);
  try {
    const meetings = await must(services, 'meetings.list', {});
    const detail = (id: string) => must(services, 'meetings.get', { meetingId: meetings.find((m) => m.id.startsWith(id))?.id ?? '' });
    const heldMeeting = await detail(held.id);
    const closed = heldMeeting.items.find((i) => i.title === CLOSED_TITLE);
    const sagItem = heldMeeting.items.find((i) => i.title === SAG_ITEM);
    const next = (await detail(planned.id)).items.find((i) => i.sag !== null);
    if (!closed?.confidential || !sagItem?.sag || !next) throw new Error('Demoen har ikke længere sit lukkede punkt og sin sag.');
    wholeSagId = sagItem.sag.id;
    await must(services, 'decisions.record', { itemId: closed.id, colour: 'roed', text: CLOSED_DECISION });
    await must(services, 'decisions.record', { itemId: next.id, colour: 'gul', text: DRAFT_DECISION, dissents: [{ role: 'TR (lærere)', text: DRAFT_DISSENT }] });
    await updateItem(services, sagItem, true);
  } finally {
    db.close();
  }
}, 120_000);

describe('export-dagsorden', () => {
  it('saves the dagsorden til udsendelse with the closed item as «Lukket punkt», and the full one marked FORTROLIGT', async () => {
    const shared = join(dir, 'dagsordener', 'delt.docx');
    expect(ok(on('export-dagsorden', '--meeting', held.id, '--variant', 'delt', '--out', shared)).stdout).toBe(`Dagsordenen (til udsendelse) er gemt i ${shared}.\n`);
    const full = join(dir, 'dagsordener', 'fuld.docx');
    expect(ok(on('export-dagsorden', '--meeting', held.id, '--variant', 'fuld', '--out', full)).stdout).toBe(`Dagsordenen (fuld version, fortroligt) er gemt i ${full}.\n`);

    const sharedText = await textOf(readFileSync(shared));
    expect(sharedText).toContain('Dagsorden');
    expect(sharedText).toContain('Lukket punkt');
    expect([...(await partsOf(readFileSync(shared))).values()].join('\n')).not.toContain(CLOSED_TITLE);
    expect(await textOf(readFileSync(full))).toContain(CLOSED_TITLE);
    expect(partsMatching(await partsOf(readFileSync(full)), /header/)).toContain('FORTROLIGT');
  }, 60_000);

  it('wants --variant delt or fuld, in the dagsorden’s own words', () => {
    expectFailure(cli(on('export-dagsorden', '--meeting', held.id, '--variant', 'shared', '--out', join(dir, 'x.docx'))), 2, '--variant skal være delt (dagsordenen til udsendelse) eller fuld (den fulde dagsorden), ikke «shared».');
    expectFailure(cli(on('export-dagsorden', '--meeting', held.id, '--version', 'shared', '--out', join(dir, 'x.docx'))), 2, 'export-dagsorden tager ikke --version.');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});

describe('export-personaleresume', () => {
  it('saves «Nyt fra …» as Word and as text, the text exactly as the app gives it, nothing from closed items', async () => {
    const word = join(dir, 'resume', 'nyt.docx');
    expect(ok(on('export-personaleresume', '--meeting', held.id, '--out', word)).stdout).toBe(`Personaleresuméet er gemt i ${word}.\n`);
    const text = join(dir, 'resume', 'nyt.txt');
    expect(ok(on('export-personaleresume', '--meeting', held.id, '--out', text)).stdout).toBe(`Personaleresuméet er gemt som tekst i ${text}.\n`);

    expect(await textOf(readFileSync(word))).toMatch(/^Bøgely Skole \(demo\)\s*Nyt fra TRIO – /i);
    const { services, archive: db } = servicesWithArchive(archive);
    try {
      const meetingId = (await must(services, 'meetings.list', {})).find((m) => m.id.startsWith(held.id))?.id ?? '';
      expect(readFileSync(text, 'utf8')).toBe((await must(services, 'documents.staffText', { meetingId })).text);
    } finally {
      db.close();
    }
    for (const file of [word, text]) {
      const everything = file.endsWith('.txt') ? readFileSync(file, 'utf8') : [...(await partsOf(readFileSync(file))).values()].join('\n');
      for (const secret of [CLOSED_TITLE, CLOSED_DECISION, SAG_ITEM]) expect(everything, file).not.toContain(secret);
    }
  }, 60_000);

  it('refuses a meeting not yet held, and a file that is neither .docx nor .txt', () => {
    const target = join(dir, 'resume-fejl', 'nyt.docx');
    expectFailure(cli(on('export-personaleresume', '--meeting', planned.id, '--out', target)), 1, `Mødet ${planned.date} i TRIO er ikke afholdt endnu, så der er ingen beslutninger at fortælle personalet om.`);
    expectFailure(cli(on('export-personaleresume', '--meeting', held.id, '--out', join(dir, 'resume-fejl', 'nyt.pdf'))), 2, /skal ende på \.docx \(Word\) eller \.txt/);
    expect(existsSync(join(dir, 'resume-fejl'))).toBe(false);
  });
});

describe('export-beslutningslog', () => {
  const csvRows = (file: string) => {
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    return parseCsv(text);
  };

  it('as CSV for a Danish spreadsheet: BOM, semicolons, quoted fields that parse back to what was typed', () => {
    const file = join(dir, 'log', 'fuld.csv');
    expect(ok(on('export-beslutningslog', '--variant', 'fuld', '--out', file)).stdout).toBe(`Beslutningsloggen (fuld version, fortroligt, 7 beslutninger) er gemt som CSV i ${file}.\n`);
    const [header, ...rows] = csvRows(file);
    expect(header).toEqual([...DECISION_LOG_COLUMNS]);
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row).toHaveLength(DECISION_LOG_COLUMNS.length);
    const column = (name: (typeof DECISION_LOG_COLUMNS)[number]) => DECISION_LOG_COLUMNS.indexOf(name);
    // Oldest first: the held meeting's decisions, then the draft at the next meeting.
    expect(rows.map((row) => row[column('Dato')])).toEqual([...Array(6).fill(held.date), planned.date]);
    const draft = rows.at(-1) ?? [];
    // A field that begins with «-» would be a formula in a spreadsheet; the apostrophe makes it text.
    expect(draft[column('Beslutning')]).toBe(`'${DRAFT_DECISION}`);
    expect(draft[column('Uenighed')]).toBe(`Dissens fra TR (lærere): ${DRAFT_DISSENT}`);
    expect(draft[column('Farve')]).toBe('Gul (GU)');
    expect(draft[column('Status')]).toBe('Udkast (ikke læst op)');
    expect(draft[column('Sag')]).toBe('Vikardækning');
    expect(rows.map((row) => row[column('Punkt')])).toEqual(expect.arrayContaining([CLOSED_TITLE, SAG_ITEM]));
    expect(rows.find((row) => row[column('Punkt')] === CLOSED_TITLE)?.[column('Beslutning')]).toBe(CLOSED_DECISION);
  });

  it('the shared variant leaves decisions on closed items out, in CSV and in Word', async () => {
    const csv = join(dir, 'log', 'delt.csv');
    expect(ok(on('export-beslutningslog', '--variant', 'delt', '--forum', forumId, '--out', csv)).stdout).toMatch(/\(delt version, 5 beslutninger\)/);
    const word = join(dir, 'log', 'delt.docx');
    ok(on('export-beslutningslog', '--variant', 'delt', '--out', word));
    const everything = `${readFileSync(csv, 'utf8')}\n${[...(await partsOf(readFileSync(word))).values()].join('\n')}`;
    for (const secret of [CLOSED_TITLE, CLOSED_DECISION, SAG_ITEM]) expect(everything).not.toContain(secret);
    expect(csvRows(csv)).toHaveLength(6);
    expect(partsMatching(await partsOf(readFileSync(word)), /header/)).not.toContain('FORTROLIGT');
  }, 60_000);

  it('as Word: the title, the period, each meeting and decision, and FORTROLIGT on the full one', async () => {
    const file = join(dir, 'log', 'periode.docx');
    const run = ok(on('export-beslutningslog', '--variant', 'fuld', '--from', held.date, '--to', held.date, '--out', file));
    expect(run.stdout).toBe(`Beslutningsloggen (fuld version, fortroligt, 6 beslutninger) er gemt i ${file}.\n`);
    const text = await textOf(readFileSync(file));
    expect(text).toMatch(/^Beslutningslog\s+Alle fora, \d+\. \w+ 2026 – \d+\. \w+ 2026 · 6 beslutninger/);
    for (const expected of [CLOSED_TITLE, CLOSED_DECISION, SAG_ITEM, 'Mindretalsudtalelse fra TR (pædagoger), Sara Nielsen: ', 'Sag: Vikardækning']) expect(text).toContain(expected);
    expect(text).not.toContain('«Akutpuljen»');
    expect(partsMatching(await partsOf(readFileSync(file)), /header/)).toContain('FORTROLIGT');
  }, 60_000);

  it('says so and saves nothing when the period has no decisions; refuses other file types', () => {
    const file = join(dir, 'tom', 'log.csv');
    const run = ok(on('export-beslutningslog', '--variant', 'delt', '--from', '2000-01-01', '--to', '2000-12-31', '--out', file));
    expect(run.stderr).toBe('Ingen beslutninger i Alle fora, 1. januar 2000 – 31. december 2000. Intet er gemt.\n');
    expect(existsSync(join(dir, 'tom'))).toBe(false);
    expectFailure(cli(on('export-beslutningslog', '--variant', 'delt', '--out', join(dir, 'tom', 'log.xlsx'))), 2, /skal ende på \.docx \(Word\) eller \.csv \(regneark\)/);
    expectFailure(cli(on('export-beslutningslog', '--variant', 'delt', '--from', '2027-01-01', '--to', '2026-01-01', '--out', file)), 2, '--from 2027-01-01 ligger efter --to 2026-01-01.');
  });
});

describe('vis-sag', () => {
  it('lists the sager with short id, title, size and period, and shows one by a beginning of its id', () => {
    const listed = lines(ok(on('vis-sag')).stdout).map(cells);
    expect(listed).toEqual([[expect.stringMatching(/^[0-9a-f]{8}$/), 'Vikardækning', '2 punkter', `${held.date} – ${planned.date}`]]);
    const sagId = listed[0]?.[0] ?? '';

    const shared = lines(ok(on('vis-sag', sagId.slice(0, 4))).stdout);
    expect(lines(ok(on('vis-sag', wholeSagId)).stdout)).toEqual(shared);
    expect(shared[0]).toBe('Sag: Vikardækning (2 punkter)');
    expect(shared).toContain('  Punkt: Lukket punkt  [Rejst første gang, Besluttet, Fulgt op]');
    expect(shared).toContain('  Indholdet af lukkede punkter vises kun med --variant fuld.');
    expect(shared).toContain('  Punkt: Omlægning af vikardækning  [På dagsordenen]');
    expect(shared).toContain("  Beslutning, Gul (GU), udkast: - Vikartimerne samles hos tre faste vikarer; ordningen evalueres i juni.");
    expect(shared).toContain('                                - «Akutpuljen» og "nødplanen" bevares til sygdom.');
    expect(shared).toContain(`  Uenighed: Dissens fra TR (lærere): ${DRAFT_DISSENT}`);
    for (const secret of [SAG_ITEM, SAG_NOTES, 'Mette Lund']) expect(shared.join('\n')).not.toContain(secret);

    const full = ok(on('vis-sag', sagId, '--variant', 'fuld')).stdout;
    expect(full).toContain('Fortroligt: forløbet viser lukkede punkter.');
    expect(full).toContain(`  Punkt: ${SAG_ITEM} (lukket punkt)  [Rejst første gang, Besluttet, Fulgt op]`);
    expect(full).toContain(`  Noter: ${SAG_NOTES}`);
    expect(full).toMatch(/ {2}Handling: .* \(Mette Lund, senest \d{4}-\d{2}-\d{2}\) – I gang\n/);
  }, 60_000);

  it('refuses a sag id it cannot find', () => {
    expectFailure(cli(on('vis-sag', '00000000-00')), 1, "Ingen sag i arkivet har et id, der begynder med «00000000-00». Se samtalerum vis-sag.");
    expectFailure(cli(on('vis-sag', 'Vikardækning')), 1, "Sags-id'et «Vikardækning» er ikke et id.");
    expectFailure(cli(on('vis-sag', '00000000-0000-4000-8000-000000000000')), 1, 'Sagen findes ikke i arkivet.');
  });
});
