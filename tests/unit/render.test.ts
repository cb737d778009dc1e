/**
 * Rendering check: every kind of Word file the product writes must open and lay out in a real word
 * processor, including the texts that break naive XML writers. LibreOffice converts them all to PDF in one
 * run (it is slow to start). Set SAMTALERUM_RENDER_DIR to keep the .docx and .pdf files for a look.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaDocument } from '../../electron/export/dagsorden-model';
import { buildDagsorden } from '../../electron/export/dagsorden';
import type { ReferatDocument, StaffSummary } from '../../electron/export/referat-model';
import { buildReferat } from '../../electron/export/referat';
import { buildStaffSummary } from '../../electron/export/staffSummary';
import type { FeedbackLetter } from '../../electron/export/feedbackLetter-model';
import { buildFeedbackLetter } from '../../electron/export/feedbackLetter';
import { DEFAULT_COLOURS } from '../../shared/domain/colours';
import { benchReferat } from '../bench/referat';

const run = promisify(execFile);

const MISSING = 'LibreOffice mangler: installer libreoffice-writer-nogui (det gør .ci/run)';
const NO_PDFTOTEXT = 'pdftotext mangler: installer poppler-utils (det gør .ci/run)';

/** The texts that break naive writers: markup characters, a skin-tone emoji (two code points), Danish letters. */
const HARD = 'Budget <2027> & "ekstra" timer 👍🏽 æøå ÆØÅ';
const SEGMENT = 'Støj & <larm> i "gården" 👍🏽 — æøå; ';
const LONG_NOTE = SEGMENT.repeat(Math.ceil(20_000 / SEGMENT.length)).slice(0, 20_000);

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function agenda(): AgendaDocument {
  return {
    variant: 'delt',
    forumName: 'TRIO på Egeskolen',
    forumKindLabel: 'TRIO',
    school: 'Egeskolen',
    title: HARD,
    startsAt: '2026-12-01T14:00',
    durationMinutes: 90,
    place: 'Mødelokale 2',
    purpose: 'Vi følger op på APV-handleplanen.',
    participants: [
      { name: 'Mette Lund', role: 'Skoleleder', status: 'deltager', facilitator: true, referent: false },
      { name: 'Jonas Holm', role: 'TR (lærere)', status: 'deltager', facilitator: false, referent: true },
    ],
    followUp: [{ what: 'Måling af indeklima', who: 'Lars Bech', due: null, status: 'Åben', history: [] }],
    doneSinceLast: [],
    items: [
      {
        number: 1,
        title: HARD,
        typeLabel: 'Drøftelse',
        owner: 'Åse Ørum & Co.',
        minutes: 30,
        startTime: '14.00',
        colour: DEFAULT_COLOURS[1] ?? null,
        background: LONG_NOTE,
        confidential: false,
        listsFollowUp: false,
      },
    ],
    colours: [...DEFAULT_COLOURS],
  };
}

function referat(variant: ReferatDocument['variant']): ReferatDocument {
  const doc = benchReferat(8, variant);
  const first = doc.items[0];
  if (!first?.decision) throw new Error('Fixturen mangler en beslutning');
  doc.items[0] = {
    ...first,
    title: HARD,
    summary: LONG_NOTE,
    decision: { ...first.decision, text: HARD, dissents: [{ kind: 'Dissens', by: 'TR (lærere)', text: `"${HARD}"` }] },
  };
  // The shared referat is built from the shared view (electron/services/redaction), where a confidential
  // item is only its number and «Lukket punkt»; the builder prints what it is given.
  if (variant === 'delt') {
    doc.items = doc.items.map((item) =>
      item.confidential ? { ...item, title: 'Lukket punkt', typeLabel: '', owner: '', summary: '', decision: null, outcomeNote: '' } : item,
    );
    doc.actions = doc.actions.filter((action) => !action.confidential);
  }
  return doc;
}

function staffSummary(): StaffSummary {
  return {
    forumName: 'TRIO',
    school: 'Egeskolen',
    title: 'TRIO-møde i december',
    startsAt: '2026-12-01T14:00',
    groups: [
      { colour: DEFAULT_COLOURS[1] ?? DEFAULT_COLOURS[0]!, decisions: [{ title: HARD, text: LONG_NOTE, forStaff: HARD, dissents: [] }] },
      { colour: DEFAULT_COLOURS[2] ?? DEFAULT_COLOURS[0]!, decisions: [{ title: 'Teammøder om tirsdagen', text: 'Fast fra februar.', forStaff: '', dissents: [] }] },
    ],
    actions: [{ what: HARD, who: 'Teamkoordinatorerne', due: '2026-12-18' }],
  };
}

function feedbackLetter(): FeedbackLetter {
  return {
    school: 'Egeskolen',
    date: '2026-11-10',
    startTime: '14:30',
    teacherGroup: 'Lærerne i udskolingen',
    participantCount: 11,
    seriesTitle: 'Lyttemøder om arbejdstid',
    visitors: 'Kredsformanden og skolechefen',
    themes: [
      {
        name: HARD,
        inputs: [
          { text: HARD, isQuote: true, alsoThemes: ['Vikardækning'] },
          { text: 'Teammøderne bliver aflyst.', isQuote: false, alsoThemes: [] },
        ],
      },
      { name: 'Andet', inputs: [{ text: 'Personalerummet er for lille.', isQuote: false, alsoThemes: [] }] },
    ],
    destinations: [
      {
        label: 'Løses lokalt på skolen',
        letter: 'S',
        next: 'Det tager skolen selv hånd om.',
        inputs: [{ text: HARD, isQuote: true, note: LONG_NOTE, where: 'Tages op i TRIO 1. december 2026' }],
      },
    ],
    unsorted: [{ text: 'Personalerummet er for lille.', isQuote: false }],
  };
}

const keep = process.env.SAMTALERUM_RENDER_DIR;
const dir = keep ? keep : mkdtempSync(join(tmpdir(), 'samtalerum-render-'));
const profile = mkdtempSync(join(tmpdir(), 'samtalerum-lo-profile-'));
const NAMES = ['dagsorden', 'referat-delt', 'referat-fuld', 'personale', 'tilbagemelding'] as const;
const docx = new Map<string, Buffer>();
let conversion: { stdout: string; stderr: string } | null = null;
const office = onPath('soffice') ?? onPath('libreoffice');

function requireOffice(): void {
  if (office === null) throw new Error(MISSING);
}

describe('gengivelse i LibreOffice', () => {
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    docx.set('dagsorden', await buildDagsorden(agenda()));
    docx.set('referat-delt', await buildReferat(referat('delt')));
    docx.set('referat-fuld', await buildReferat(referat('fuld')));
    docx.set('personale', await buildStaffSummary(staffSummary()));
    docx.set('tilbagemelding', await buildFeedbackLetter(feedbackLetter()));
    for (const [name, buffer] of docx) writeFileSync(join(dir, `${name}.docx`), buffer);

    // Without LibreOffice the PDF tests below fail (never skip) with the Danish message.
    if (office === null) return;
    // A private profile: parallel runs (and a LibreOffice the user has open) don't lock each other out.
    conversion = await run(
      office,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...NAMES.map((name) => join(dir, `${name}.docx`)),
      ],
      { timeout: 55_000 },
    );
  }, 60_000);

  afterAll(() => {
    rmSync(profile, { recursive: true, force: true });
    if (!keep) rmSync(dir, { recursive: true, force: true });
  });

  it('bevarer <&", emoji, æøå og en note på 20.000 tegn korrekt escapet i XML', async () => {
    expect(LONG_NOTE).toHaveLength(20_000);
    for (const name of NAMES) {
      const zip = await JSZip.loadAsync(docx.get(name) ?? Buffer.alloc(0));
      const xml = await zip.file('word/document.xml')?.async('string');
      expect(xml, name).toBeDefined();
      expect(xml, name).toContain(xmlText(HARD));
      expect(xml, name).toContain('👍🏽');
      expect(xml, name).toContain('æøå ÆØÅ');
      expect(xml, name).toContain(xmlText(LONG_NOTE.trim()));
    }
  });

  it('finder LibreOffice (soffice eller libreoffice) på PATH', () => {
    requireOffice();
  });

  it.each(NAMES)('%s bliver til en PDF med sider', (name) => {
    requireOffice();
    const pdfPath = join(dir, `${name}.pdf`);
    expect(existsSync(pdfPath), `${name}.pdf mangler\n${conversion?.stdout ?? ''}${conversion?.stderr ?? ''}`).toBe(true);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length, `${name} har ingen sider`).toBeGreaterThan(0);
    // The 20,000-character note alone fills several pages.
    expect(pages.length).toBeGreaterThan(1);
  });

  it('skriver sidetal og skjuler lukkede punkter også i den færdige PDF', async () => {
    requireOffice();
    const pdftotext = onPath('pdftotext');
    if (pdftotext === null) throw new Error(NO_PDFTOTEXT);
    const text = async (name: string) => (await run(pdftotext, ['-layout', join(dir, `${name}.pdf`), '-'])).stdout;
    const shared = await text('referat-delt');
    const full = await text('referat-fuld');
    const secret = referat('fuld').items.find((item) => item.confidential);
    expect(secret).toBeDefined();
    expect(shared).toMatch(/Side 1 af \d+/);
    expect(shared).toContain('Lukket punkt');
    expect(shared).not.toContain(secret?.title ?? '');
    expect(shared).not.toContain('FORTROLIGT');
    expect(full).toContain(secret?.title ?? '');
    expect(full).toContain('FORTROLIGT');
    expect(full).toContain('æøå');
  });

  it('tilbagemeldingsbrevet har overskrift, citat og sidetal i den færdige PDF', async () => {
    requireOffice();
    const pdftotext = onPath('pdftotext');
    if (pdftotext === null) throw new Error(NO_PDFTOTEXT);
    const text = (await run(pdftotext, ['-layout', join(dir, 'tilbagemelding.pdf'), '-'])).stdout;
    expect(text).toContain('Tak for lyttemødet på Egeskolen');
    expect(text).toContain('Det sker nu');
    expect(text).toContain('Tages op i TRIO 1. december 2026.');
    expect(text).toMatch(/Side 1 af \d+/);
  });
});
