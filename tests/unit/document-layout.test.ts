/**
 * Page layout as a reader sees it: a realistic TRIO meeting (long titles, a lukket punkt, a decision with
 * dissent, a follow-up table with «Forsinket» and dates, Eventuelt) is held through the services, and its
 * referat (both variants) and full dagsorden are rendered by LibreOffice and read back with poppler's
 * `pdftotext`: the layout text for lines, the word boxes for where things stand on the page and how big.
 * Set SAMTALERUM_RENDER_DIR to keep the .docx, .pdf and .txt files for a look.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDanishDay } from '../../electron/export/danishDay';
import type { Services } from '../../electron/services/dispatch';
import { must, servicesOn } from './support';

const run = promisify(execFile);

const NAMES = ['referat-delt', 'referat-fuld', 'dagsorden-fuld'] as const;
type Name = (typeof NAMES)[number];

/** Section headings of the documents; an item heading is «N. Titel». */
const SECTIONS = ['Deltagere', 'Formål med mødet', 'Opfølgning fra sidst', 'Punkter', 'Handlinger', 'Næste møde', 'Check-out', 'Versioner', 'Farvekoder'];
const TYPE_LABELS = ['Orientering', 'Drøftelse', 'Beslutning', 'Opfølgning', 'Eventuelt'];

const LONG_TITLE =
  'Fordeling af opgaver til teamkoordinatorerne og tid til forældresamarbejde i udskolingen efter den nye arbejdstidsaftale fra august';
const CLOSED_TITLE = 'Tilbagevenden efter langtidssygemelding i 3. årgangs team og aftale om skånehensyn i foråret';
const DISSENT =
  '«Vi kan ikke bakke op om, at koordinatortiden tages fra forberedelsen. Lærerne i udskolingen har allerede flest timer med forældresamtaler, og vi ønsker, at ordningen evalueres efter tre måneder.»';

interface Page {
  height: number;
  words: { text: string; yMin: number; yMax: number }[];
}

interface Rendered {
  /** `pdftotext -layout`, one string per page. */
  pages: string[];
  boxes: Page[];
}

const keep = process.env.SAMTALERUM_RENDER_DIR;
const dir = keep ? keep : mkdtempSync(join(tmpdir(), 'samtalerum-layout-'));
const profile = mkdtempSync(join(tmpdir(), 'samtalerum-lo-profile-'));
const rendered = new Map<Name, Rendered>();
/** Deadlines in the documents, as 'YYYY-MM-DD': the follow-up's (in all three) and the new actions' (in the referat). */
const followUpDues: string[] = [];
const actionDues: string[] = [];

/** Holds the demo's next TRIO meeting with the hard cases added, and returns its id. */
async function heldMeeting(services: Services): Promise<string> {
  await must(services, 'demo.install', {});
  const meetings = await must(services, 'meetings.list', {});
  const next = meetings.find((m) => m.status === 'planlagt' && m.forumName.includes('TRIO'));
  if (!next) throw new Error('Demoen mangler sit kommende TRIO-møde');
  const open = await must(services, 'actions.listOpen', {});
  const late = open.find((a) => a.what.startsWith('Sende den nye tilsynsplan'));
  if (!late) throw new Error('Demoen mangler handlingen om tilsynsplanen');
  await must(services, 'actions.update', { actionId: late.id, status: 'forsinket', note: 'Planen afventer de nye vagtzoner fra pedellen.' });
  followUpDues.push(...open.flatMap((a) => (a.due ? [a.due] : [])));

  const decision = await must(services, 'agenda.addItem', {
    meetingId: next.id,
    title: LONG_TITLE,
    type: 'beslutning',
    minutes: 20,
    announcedColour: 'gul',
    owner: 'Mette Lund',
    background: 'Ledelsen foreslår, at hver årgang får en teamkoordinator med 40 timer om året, taget fra den fælles forberedelsestid.',
  });
  const closed = await must(services, 'agenda.addItem', {
    meetingId: next.id,
    title: CLOSED_TITLE,
    type: 'orientering',
    minutes: 10,
    owner: 'Mette Lund',
    confidential: true,
  });
  const { items, participants } = await must(services, 'meetings.get', { meetingId: next.id });
  const eventuelt = items.find((i) => i.type === 'eventuelt');
  if (!eventuelt) throw new Error('Skabelonen mangler Eventuelt');
  // The TR for the pædagoger sends afbud: her role has its own parenthesis.
  const absent = participants.find((p) => p.role === 'TR (pædagoger)');
  if (!absent) throw new Error('Demoen mangler TR for pædagogerne');
  await must(services, 'participants.set', { meetingId: next.id, personId: absent.personId, role: absent.role, attendance: 'afbud' });

  await must(services, 'run.start', { meetingId: next.id });
  await must(services, 'run.saveNotes', {
    itemId: decision.id,
    notes:
      'Teamene har forskellige ønsker: indskolingen vil have faste møder om tirsdagen, udskolingen ønsker tiden samlet omkring terminsprøverne.\n\nAMR pegede på, at koordinatorerne ikke må få flere timer uden at andet tages fra.',
  });
  await must(services, 'decisions.record', {
    itemId: decision.id,
    colour: 'gul',
    text: 'Hver årgang får en teamkoordinator med 40 timer om året fra 1. februar. Tiden tages fra den fælles forberedelse, og ordningen evalueres i TRIO før sommerferien.',
    dissents: [{ name: 'Jonas Holm', role: 'TR (lærere)', text: DISSENT, minorityStatement: true }],
    explainReasoning: 'Skolen har ikke flere timer i rammen for foråret, og teamene har selv bedt om en fast koordinator.',
    expectGiven: 'Rammen på 40 timer pr. årgang.',
    expectOpen: 'Hvordan timerne lægges i den enkelte årgang.',
  });
  await must(services, 'decisions.finalize', { itemId: decision.id });
  for (const [what, who, due] of [
    ['Udpege teamkoordinatorer på alle årgange', 'Mette Lund', '2027-01-15'],
    ['Lave en evaluering af koordinatorordningen med spørgsmål til teamene', 'Jonas Holm og Ali Hassan', '2027-06-10'],
    ['Orientere personalet om den nye ordning på personalemødet', 'Mette Lund', '2026-12-18'],
  ] as const) {
    await must(services, 'actions.create', { itemId: decision.id, what, who, due });
    actionDues.push(due);
  }
  await must(services, 'run.saveNotes', { itemId: closed.id, notes: 'Medarbejderen vender tilbage på nedsat tid i fire uger.' });
  await must(services, 'run.saveNotes', {
    itemId: eventuelt.id,
    notes: 'Julefrokosten holdes fredag den 18. december. Sara Nielsen minder om, at SFO lukker kl. 16 den dag.',
  });
  await must(services, 'run.end', { meetingId: next.id });
  // Approved by every agenda owner, the TR for the lærere among them, as a referat is when it is sent.
  const { coOwners } = await must(services, 'referat.get', { meetingId: next.id });
  for (const owner of coOwners) await must(services, 'referat.approve', { meetingId: next.id, personId: owner.personId });
  return next.id;
}

async function render(buffers: Map<Name, Buffer>): Promise<void> {
  for (const [name, buffer] of buffers) writeFileSync(join(dir, `${name}.docx`), buffer);
  // A private profile: parallel runs (and a LibreOffice the user has open) don't lock each other out.
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...NAMES.map((n) => join(dir, `${n}.docx`))],
    { timeout: 50_000 },
  );
  for (const name of NAMES) {
    const pdf = join(dir, `${name}.pdf`);
    const layout = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/\u00A0/g, ' ');
    if (keep) writeFileSync(join(dir, `${name}.txt`), layout);
    const bbox = (await run('pdftotext', ['-bbox', pdf, '-'])).stdout;
    rendered.set(name, { pages: layout.split('\f').filter((page) => page.trim() !== ''), boxes: wordBoxes(bbox) });
  }
}

/** The pages of `pdftotext -bbox`: every word with its top and bottom, in points from the top of the page. */
function wordBoxes(html: string): Page[] {
  return html
    .split('<page ')
    .slice(1)
    .map((page) => ({
      height: Number(/height="([\d.]+)"/.exec(page)?.[1] ?? 0),
      words: [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        yMin: Number(m[1]),
        yMax: Number(m[2]),
        text: m[3] ?? '',
      })),
    }));
}

/** A4 margin of 2 cm in points: the header and footer stand outside it. */
const MARGIN = 56.7;

/** The words of the page's body, without the running header and the «Side x af y» footer. */
function bodyWords(page: Page): Page['words'] {
  return page.words.filter((w) => w.yMin > MARGIN - 1 && w.yMax < page.height - MARGIN + 1);
}

/** The body's lines of text in `pdftotext -layout`: without the running header (first line) and the footer. */
function bodyLines(page: string): string[] {
  const lines = page.split('\n').map((line) => line.trim());
  const content = lines.filter((line) => line !== '');
  return content.slice(1).filter((line) => !/^Side \d+ af \d+$/.test(line));
}

function isItemFactsLine(line: string): boolean {
  return TYPE_LABELS.some((label) => line === label || line.startsWith(`${label} · `)) || line.startsWith('Ansvarlig: ');
}

const office = async () => (await run('sh', ['-c', 'command -v soffice && command -v pdftotext'])).stdout;

describe('sidernes opsætning i LibreOffice', () => {
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    // Without LibreOffice or poppler the test fails (never skips) and says what to install.
    await office().catch(() => {
      throw new Error('LibreOffice eller pdftotext mangler: installer libreoffice-writer-nogui og poppler-utils (det gør .ci/run)');
    });
    const services = servicesOn();
    const meetingId = await heldMeeting(services);
    const docx = async (call: Promise<{ base64: string }>) => Buffer.from((await call).base64, 'base64');
    await render(
      new Map<Name, Buffer>([
        ['referat-delt', await docx(must(services, 'documents.referat', { meetingId, variant: 'delt' }))],
        ['referat-fuld', await docx(must(services, 'documents.referat', { meetingId, variant: 'fuld' }))],
        ['dagsorden-fuld', await docx(must(services, 'documents.dagsorden', { meetingId, variant: 'fuld' }))],
      ]),
    );
  }, 90_000);

  afterAll(() => {
    rmSync(profile, { recursive: true, force: true });
    if (!keep) rmSync(dir, { recursive: true, force: true });
  });

  it.each(NAMES)('%s: ingen overskrift står sidst på en side', (name) => {
    const { pages, boxes } = rendered.get(name)!;
    expect(pages.length, 'mødet fylder mere end én side').toBeGreaterThan(1);
    boxes.slice(0, -1).forEach((page, index) => {
      const words = bodyWords(page);
      const bottom = Math.max(...words.map((w) => w.yMax));
      // The last line's words, and the body text's height to compare with: headings are set larger.
      const last = words.filter((w) => w.yMax > bottom - 4);
      const body = words.filter((w) => w.text === 'Beslutning:' || w.text === 'Hvad');
      const bodyHeight = Math.min(...body.map((w) => w.yMax - w.yMin), 14);
      const lastText = last.map((w) => w.text).join(' ');
      expect(Math.max(...last.map((w) => w.yMax - w.yMin)), `side ${index + 1} slutter med overskriften «${lastText}»`).toBeLessThan(bodyHeight * 1.15);
      // An item's facts line may end a page only when the item ends there too: the next page starts a heading.
      const lastLine = bodyLines(pages[index] ?? '').at(-1) ?? '';
      const nextFirst = bodyLines(pages[index + 1] ?? '')[0] ?? '';
      const nextIsHeading = SECTIONS.includes(nextFirst) || /^\d+\. /.test(nextFirst);
      expect(SECTIONS.includes(lastLine) || (isItemFactsLine(lastLine) && !nextIsHeading), `side ${index + 1} slutter med «${lastLine}»`).toBe(false);
    });
  });

  it.each(NAMES)('%s: ingen side er mest tom før den sidste', (name) => {
    const { boxes } = rendered.get(name)!;
    boxes.slice(0, -1).forEach((page, index) => {
      const bottom = Math.max(...bodyWords(page).map((w) => w.yMax));
      const used = (bottom - MARGIN) / (page.height - 2 * MARGIN);
      expect(used, `side ${index + 1} er kun ${Math.round(used * 100)} % fyldt`).toBeGreaterThan(0.6);
    });
  });

  it.each(NAMES)('%s: ingen linje står to gange, og «Opfølgning fra sidst» står én gang', (name) => {
    const lines = rendered.get(name)!.pages.flatMap(bodyLines);
    lines.forEach((line, index) => {
      const next = lines[index + 1] ?? '';
      expect(next === line ? line : '', `«${line}» står to gange i træk`).toBe('');
      // «8. Eventuelt» followed by the type «Eventuelt» reads as the same line twice.
      const title = /^\d+\. (.*)$/.exec(line)?.[1];
      if (title !== undefined && next !== '') {
        const type = next.split(' · ')[0] ?? '';
        expect(TYPE_LABELS.includes(type) && title.toLowerCase().startsWith(type.toLowerCase()), `«${line}» gentages af «${next}»`).toBe(false);
      }
    });
    expect(lines.filter((line) => /^(\d+\. )?Opfølgning fra sidst$/.test(line))).toHaveLength(1);
  });

  it.each(NAMES)('%s: roller står uden dobbelte parenteser', (name) => {
    const text = rendered.get(name)!.pages.join('\n');
    expect(text).not.toMatch(/\([^()\n]*\([^()\n]*\)\)/);
    expect(text).toContain('Sara Nielsen (TR, pædagoger)');
    if (name !== 'dagsorden-fuld') expect(text).toContain('Jonas Holm (TR, lærere)');
  });

  it.each(NAMES)('%s: datoer og «Forsinket» brydes ikke over to linjer', (name) => {
    const lines = rendered.get(name)!.pages.flatMap((page) => page.split('\n'));
    for (const due of name === 'dagsorden-fuld' ? followUpDues : [...followUpDues, ...actionDues]) {
      const date = formatDanishDay(due);
      expect(lines.some((line) => line.includes(date)), `«${date}» står ikke samlet på én linje`).toBe(true);
    }
    expect(lines.some((line) => /\bForsinket\b/.test(line)), '«Forsinket» står ikke samlet').toBe(true);
  });

  it('den delte udgave viser det lukkede punkt kun som «Lukket punkt», og dissensen står ordret', () => {
    const shared = rendered.get('referat-delt')!.pages.join('\n');
    const full = rendered.get('referat-fuld')!.pages.join('\n');
    expect(shared).not.toContain('langtidssygemelding');
    expect(shared).toContain('Lukket punkt');
    expect(full).toContain('langtidssygemelding');
    for (const text of [shared, full]) expect(text.replace(/\s+/g, ' ')).toContain('Vi kan ikke bakke op om, at koordinatortiden tages fra forberedelsen.');
  });
});
