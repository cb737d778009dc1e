/**
 * How much the referat's layout costs: `buildReferat` on a 30-item meeting against a bare `docx` document
 * with the same text as plain paragraphs (no tables, badges or styles), both measured in this run on this
 * machine, so the ratio means the same on a laptop and in CI. Also a batch of 100 referater, as when a
 * secretary exports a school year's archive.
 */
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph } from 'docx';
import type { ReferatAction, ReferatDocument, ReferatFairProces, ReferatItem } from '../../electron/export/referat-model';
import { buildReferat } from '../../electron/export/referat';
import { DEFAULT_COLOURS, type ColourDefinition } from '../../shared/domain/colours';

const WARMUP = 3;
const RUNS = 15;
const BATCH = 100;
/** The layout may cost at most this much more than writing the same text plainly. */
export const TARGET_RATIO = 1.5;

const TOPICS = [
  ['Fordeling af tilsyn i frikvartererne', 'Tre modeller blev drøftet, og teamene har givet skriftligt input.'],
  ['APV: støj i indskolingen', 'Målingerne fra oktober viser støj over 70 dB i to klasser i spisefrikvarteret.'],
  ['Ny mødestruktur for teammøder', 'TR foreslår faste teammøder tirsdag eftermiddag, så møderne ikke spreder sig over ugen.'],
  ['Besparelse på vikarbudgettet', 'Forvaltningen har meldt en besparelse på 5 % ud for resten af skoleåret.'],
  ['Forberedelsestid i 2027', 'Parterne ser forskelligt på, hvor meget tid der realistisk er til forberedelse.'],
  ['Inklusion og to-voksen-ordning på mellemtrinnet', 'Erfaringerne fra 5.A er gode, men ordningen koster timer fra andre hold.'],
  ['Skolehjemsamarbejde og forældremøder', 'Forældrerådet ønsker færre, men længere forældremøder med et fælles tema.'],
  ['Nyt skema fra januar', 'Skemaet giver flere mellemtimer for de lærere, der også har valgfag i udskolingen.'],
] as const;

const FAIR: ReferatFairProces = {
  involveContext: 'Sagen hænger sammen med APV-handleplanen og budgettet for 2027.',
  involveNeed: 'Det nye skema starter i januar, så beslutningen skal træffes nu.',
  involveHow: 'Alle teams gav skriftligt input i november, og TR samlede svarene.',
  explainReasoning: 'Den valgte model gav færrest huller i dækningen og mindst ekstra tid for den enkelte.',
  explainCompromises: 'Pauserne flyttes fem minutter for 4.–6. årgang, så der er voksne nok.',
  explainConstraints: 'Der er ingen ekstra timer i budgettet, og arbejdstidsaftalen ligger fast.',
  expectGiven: 'To voksne i gården i hvert frikvarter.',
  expectOpen: 'Hvem der tager hvilke dage, og hvordan vi bytter.',
  expectOfWhom: 'Teamkoordinatorerne laver vagtplanen inden jul; ledelsen melder den ud.',
};

function colourAt(index: number): ColourDefinition {
  return DEFAULT_COLOURS[index % DEFAULT_COLOURS.length] as ColourDefinition;
}

/**
 * A realistic referat of `itemCount` items: every colour, a colour change now and then, an "afklaring uden
 * enighed", dissent, parked items, a confidential item, and one or two actions per item.
 */
export function benchReferat(itemCount: number, variant: ReferatDocument['variant'] = 'delt'): ReferatDocument {
  const items: ReferatItem[] = [];
  const actions: ReferatAction[] = [];
  for (let index = 0; index < itemCount; index++) {
    const number = index + 1;
    const [title, summary] = TOPICS[index % TOPICS.length] ?? TOPICS[0];
    const announced = colourAt(index);
    const changed = index % 7 === 3;
    const unresolved = index % 9 === 4;
    items.push({
      number,
      title: index < TOPICS.length ? title : `${title} (opfølgning ${Math.floor(index / TOPICS.length)})`,
      typeLabel: ['Beslutning', 'Drøftelse', 'Orientering'][index % 3] ?? 'Drøftelse',
      owner: ['Mette Lund', 'Jonas Holm', 'Aisha Khan'][index % 3] ?? 'Mette Lund',
      announcedColour: announced,
      confidential: index % 10 === 6,
      summary: `${summary}\nDer var enighed om at tage sagen op igen, når der er nyt.`,
      outcomeNote: index % 11 === 5 ? 'Parkeret til næste møde.' : '',
      listsFollowUp: false,
      decision: {
        outcome: unresolved ? 'afklaring_uden_enighed' : 'beslutning',
        text: unresolved
          ? 'Ledelsen og TR er uenige om, hvor meget tid der er til opgaven.'
          : 'Model B indføres fra 4. januar; ordningen evalueres i TRIO før sommerferien.',
        decidedBy: 'Skolelederen efter høring af TRIO',
        colour: changed ? colourAt(index + 1) : announced,
        colourReason: changed ? 'Forvaltningen har fastlagt rammen, så der var intet reelt at høre om.' : '',
        fair: index % 2 === 0 ? FAIR : { ...FAIR, involveHow: '', explainCompromises: '', expectOpen: '' },
        dissents: index % 3 === 1 ? [{ kind: 'Dissens', by: 'TR (lærere)', text: '"Vi er imod, fordi det rammer de yngste elever først."' }] : [],
      },
    });
    actions.push({
      what: `Følge op på punkt ${number}: melde beslutningen ud til teamene`,
      who: ['Mette Lund', 'Jonas Holm', 'Teamkoordinatorerne'][index % 3] ?? 'Mette Lund',
      due: `2027-01-${String((index % 28) + 1).padStart(2, '0')}`,
      status: index % 4 === 0 ? 'Udført' : 'Åben',
      term: index % 2 === 0 ? 'Kort sigt' : 'Langt sigt',
      itemNumber: number,
      confidential: index % 10 === 6,
    });
  }
  return {
    variant,
    version: {
      number: 2,
      status: 'godkendt',
      approvedAt: '2026-12-03T09:15:00.000Z',
      approvedBy: [
        { name: 'Mette Lund', role: 'Skoleleder' },
        { name: 'Jonas Holm', role: 'TR' },
      ],
      history: [{ version: 2, at: '2026-12-03', note: 'Rettelse efter høring hos AMR', changes: ['Punkt 3: ny ansvarlig', 'Handling fik en frist'] }],
    },
    forumName: 'TRIO på Egeskolen',
    forumKindLabel: 'TRIO',
    school: 'Egeskolen',
    title: 'TRIO-møde i december',
    startsAt: '2026-12-01T14:00',
    durationMinutes: 120,
    place: 'Mødelokale 2, administrationen',
    purpose: 'Vi følger op på APV-handleplanen og aftaler fordelingen af tilsyn fra januar.',
    participants: [
      { name: 'Mette Lund', role: 'Skoleleder', status: 'deltager', facilitator: true, referent: false },
      { name: 'Jonas Holm', role: 'TR (lærere)', status: 'deltager', facilitator: false, referent: true },
      { name: 'Aisha Khan', role: 'TR (pædagoger)', status: 'deltager', facilitator: false, referent: false },
      { name: 'Lars Bech', role: 'AMR', status: 'afbud', facilitator: false, referent: false },
    ],
    followUp: [
      { what: 'Plan for vikardækning i indskolingen', who: 'Mette Lund', due: '2026-11-20', status: 'Udført', term: 'Kort sigt', itemNumber: null, confidential: false, history: [] },
      { what: 'Måling af indeklima i lokale 12', who: 'Lars Bech', due: null, status: 'Åben', term: 'Langt sigt', itemNumber: null, confidential: false, history: [] },
    ],
    doneSinceLast: [],
    items,
    actions,
    nextMeeting: { startsAt: '2027-01-12T14:00', place: 'Mødelokale 2' },
    checkout: [
      {
        question: 'I hvilken grad blev alle hørt i dag?',
        answers: ['I meget høj grad', 'I høj grad', 'I nogen grad', 'I mindre grad', 'Slet ikke', 'Ved ikke'].map((label, i) => ({
          label,
          count: [2, 1, 1, 0, 0, 0][i] ?? 0,
        })),
      },
    ],
    colours: [...DEFAULT_COLOURS],
  };
}

/**
 * The same words as the referat shows, as plain paragraphs: one per paragraph of the referat and one per
 * table cell, so the baseline writes the same text in the same number of pieces, without any layout.
 */
function baselineTexts(doc: ReferatDocument): string[] {
  const texts = [
    `${doc.school} · ${doc.forumKindLabel}`,
    'Referat',
    doc.title,
    `Forum ${doc.forumName}`,
    `Dato ${doc.startsAt}`,
    `Tid ${doc.durationMinutes}`,
    `Sted ${doc.place}`,
    'Version 2 · godkendt 3. december 2026 af Mette Lund (Skoleleder) og Jonas Holm (TR)',
    'Deltagere',
    'Navn', 'Rolle', 'Opgave på mødet',
    ...doc.participants.filter((p) => p.status === 'deltager').flatMap((p) => [p.name, p.role, p.facilitator ? 'Facilitator' : '']),
    'Afbud: Lars Bech (AMR)', 'Facilitator: Mette Lund', 'Referent: Jonas Holm',
    'Formål med mødet',
    doc.purpose,
    'Opfølgning fra sidst',
    'Hvad', 'Hvem', 'Frist', 'Status',
    ...doc.followUp.flatMap((a) => [a.what, a.who, a.due ?? 'Ingen frist', a.status]),
    'Punkter',
  ];
  for (const item of doc.items) {
    texts.push(`${item.number}. ${item.title}`, `${item.typeLabel} · Ansvarlig: ${item.owner}`, item.summary);
    const decision = item.decision;
    if (decision) {
      texts.push(`Beslutning: ${decision.text}`, `Hvem beslutter: ${decision.decidedBy}`);
      if (decision.colourReason) texts.push(`Farven blev ændret. Begrundelse: ${decision.colourReason}`);
      texts.push('FAIR PROCES', ...Object.values(decision.fair).filter((value) => value !== ''));
      for (const d of decision.dissents) texts.push(`${d.kind}${d.by === '' ? '' : ` fra ${d.by}`}: ${d.text}`);
    }
    if (item.outcomeNote) texts.push(item.outcomeNote);
  }
  texts.push('Handlinger', 'Hvad', 'Hvem', 'Hvornår', 'Status', 'Fra punkt');
  for (const a of doc.actions) texts.push(a.what, a.who, a.due ?? 'Ingen frist', a.term, a.status, String(a.itemNumber ?? 'Mødet'));
  texts.push('Næste møde', doc.nextMeeting?.startsAt ?? '');
  for (const q of doc.checkout) texts.push(q.question, 'Svar', 'Antal', ...q.answers.flatMap((a) => [a.label, String(a.count)]));
  texts.push('Versioner', 'Version', 'Dato', 'Begrundelse', 'Ændringer');
  for (const h of doc.version.history) texts.push(String(h.version), h.at, h.note, ...h.changes);
  texts.push('Farvekoder', 'Farve', 'Betydning', ...doc.colours.flatMap((c) => [`${c.code} ${c.label}`, c.meaning]));
  return texts;
}

async function buildBaseline(doc: ReferatDocument): Promise<Buffer> {
  const document = new Document({ sections: [{ children: baselineTexts(doc).map((text) => new Paragraph(text)) }] });
  return Packer.toBuffer(document);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Median time of each of two builds, measured in alternation (a, b, a, b, …) after a warm-up of both, so
 * load from other processes on a busy machine falls on both alike and the ratio stays meaningful.
 */
async function timeMedians(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [run, times] of [[a, timesA], [b, timesB]] as const) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
  }
  return [median(timesA), median(timesB)];
}

export interface ReferatBenchResult {
  exportMs: number;
  baselineMs: number;
  ratio: number;
  batch100Ms: number;
}

export async function runReferatBench(): Promise<ReferatBenchResult> {
  const doc = benchReferat(30);
  const [exportMs, baselineMs] = await timeMedians(
    () => buildReferat(doc),
    () => buildBaseline(doc),
  );
  const docs = Array.from({ length: BATCH }, (_, i) => benchReferat(20 + (i % 21), i % 2 === 0 ? 'delt' : 'fuld'));
  const batchStart = performance.now();
  for (const each of docs) await buildReferat(each);
  const batch100Ms = performance.now() - batchStart;
  const ratio = exportMs / baselineMs;

  const fixed = (n: number) => n.toFixed(2);
  console.log(`BENCH referat_export_ms=${fixed(exportMs)}`);
  console.log(`BENCH referat_export_ratio=${ratio.toFixed(2)}`);
  console.log(`BENCH referat_baseline_ms=${fixed(baselineMs)}`);
  console.log(`BENCH referat_batch_100_ms=${fixed(batch100Ms)}`);
  console.log('');
  console.log('Referat (30 punkter)              median af 15, ms');
  console.log('--------------------------------  ---------------');
  console.log(`buildReferat                      ${fixed(exportMs).padStart(15)}`);
  console.log(`docx, samme tekst uden layout     ${fixed(baselineMs).padStart(15)}`);
  console.log(`forhold (mål ≤ ${TARGET_RATIO.toFixed(1)})               ${ratio.toFixed(2).padStart(15)}`);
  console.log(`100 referater (20–40 punkter)     ${fixed(batch100Ms).padStart(15)}`);
  return { exportMs, baselineMs, ratio, batch100Ms };
}
