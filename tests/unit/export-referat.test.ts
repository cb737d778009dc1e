import { describe, expect, it } from 'vitest';
import { htmlOf, part, partsMatching, partsOf, textOf } from './docx-readback';
import type {
  ReferatAction,
  ReferatDecision,
  ReferatDocument,
  ReferatFairProces,
  ReferatItem,
  StaffSummary,
} from '../../electron/export/referat-model';
import { buildReferat } from '../../electron/export/referat';
import { buildStaffSummary, staffSummaryText } from '../../electron/export/staffSummary';
import { DEFAULT_COLOURS, type ColourKey } from '../../shared/domain/colours';

function colour(key: ColourKey) {
  const found = DEFAULT_COLOURS.find((c) => c.key === key);
  if (!found) throw new Error(`Ukendt farve ${key}`);
  return found;
}

// Everything about the confidential item 4. None of it may be in any part of the shared file; the owner only
// joins for that item, so even the name is a leak.
const SECRET = {
  title: 'Sygefravær og skånehensyn i 4. årgangs team',
  typeLabel: 'Personalesag',
  owner: 'Karin Sørensen',
  summary: 'Kollegaen har været sygemeldt i syv uger.\nLægeerklæring foreligger fra den 12. november.',
  decision: 'Der gives nedsat undervisningstid i otte uger med gradvis optrapning.',
  decidedBy: 'Skolelederen efter samtale med medarbejderen',
  dissent: 'TR (lærere): "Otte uger er for kort – vi ønsker en ny vurdering efter fire uger."',
  reasoning: 'Jobcentret anbefaler en gradvis tilbagevenden',
  action: 'Indkalde til opfølgende sygefraværssamtale',
  actionWho: 'Bente Kjær',
};
const SECRET_TEXTS = [
  SECRET.title,
  SECRET.typeLabel,
  SECRET.owner,
  ...SECRET.summary.split('\n'),
  SECRET.decision,
  SECRET.decidedBy,
  SECRET.reasoning,
  SECRET.action,
  SECRET.actionWho,
  'Otte uger er for kort',
  'skånehensyn',
  'Sygefravær',
  'sygemeldt',
];

const NO_FAIR: ReferatFairProces = {
  involveContext: '',
  involveNeed: '',
  involveHow: '',
  explainReasoning: '',
  explainCompromises: '',
  explainConstraints: '',
  expectGiven: '',
  expectOpen: '',
  expectOfWhom: '',
};

function decision(key: ColourKey | null, text: string, extra: Partial<ReferatDecision> = {}): ReferatDecision {
  return {
    outcome: 'beslutning',
    text,
    decidedBy: '',
    colour: key === null ? null : colour(key),
    colourReason: '',
    fair: NO_FAIR,
    dissents: [],
    ...extra,
  };
}

function item(number: number, title: string, typeLabel: string, owner: string, announced: ColourKey | null, summary: string): ReferatItem {
  return {
    number,
    title,
    typeLabel,
    owner,
    announcedColour: announced === null ? null : colour(announced),
    confidential: false,
    summary,
    outcomeNote: '',
    listsFollowUp: false,
    decision: null,
  };
}

function action(what: string, who: string, due: string | null, status: string, itemNumber: number | null, extra: Partial<ReferatAction> = {}): ReferatAction {
  return { what, who, due, status, term: 'Kort sigt', itemNumber, confidential: false, ...extra };
}

function trioReferat(variant: ReferatDocument['variant']): ReferatDocument {
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
      history: [
        {
          version: 2,
          at: '2026-12-03',
          note: 'Rettelse efter høring hos AMR',
          changes: ['Punkt 3: ansvarlig rettet fra Jonas Holm til Aisha Khan', 'Handling om støjmåling fik en frist'],
        },
      ],
    },
    forumName: 'TRIO på Egeskolen',
    forumKindLabel: 'TRIO',
    school: 'Egeskolen',
    title: 'TRIO-møde i december',
    startsAt: '2026-12-01T14:00',
    durationMinutes: 90,
    place: 'Mødelokale 2, administrationen',
    purpose: 'Vi følger op på APV-handleplanen og aftaler fordelingen af tilsyn fra januar.',
    participants: [
      { name: 'Mette Lund', role: 'Skoleleder', status: 'deltager', facilitator: true, referent: false },
      { name: 'Jonas Holm', role: 'TR (lærere)', status: 'deltager', facilitator: false, referent: true },
      { name: 'Aisha Khan', role: 'TR (pædagoger)', status: 'deltager', facilitator: false, referent: false },
      { name: 'Lars Bech', role: 'AMR', status: 'afbud', facilitator: false, referent: false },
    ],
    followUp: [
      { ...action('Plan for vikardækning i indskolingen', 'Mette Lund', '2026-11-20', 'Udført', null), history: [] },
      { ...action('Måling af indeklima i lokale 12', 'Lars Bech', null, 'Åben', null), history: [] },
    ],
    doneSinceLast: [],
    items: [
      {
        ...item(1, 'Fordeling af tilsyn i frikvartererne', 'Beslutning', 'Mette Lund', 'gul', 'Tre modeller blev drøftet.\nTeamene har givet input.'),
        decision: decision('gul', 'Model B indføres fra 4. januar: to voksne i gården i hvert frikvarter.', {
          decidedBy: 'Skolelederen efter høring af TRIO',
          fair: {
            ...NO_FAIR,
            involveContext: 'Flere konflikter i gården i efteråret.',
            involveNeed: 'Det nye skema starter i januar.',
            involveHow: 'Alle teams gav skriftligt input i november.',
            explainReasoning: 'Model B gav færrest hul i dækningen.',
            explainCompromises: 'Pauserne flyttes fem minutter for 4.–6. årgang.',
            explainConstraints: 'Ingen ekstra timer i budgettet.',
            expectGiven: 'To voksne pr. frikvarter.',
            expectOpen: 'Hvem der tager hvilke dage.',
            expectOfWhom: 'Teamkoordinatorerne laver vagtplanen inden jul.',
          },
        }),
      },
      {
        ...item(2, 'Ny mødestruktur for teammøder', 'Beslutning', 'Jonas Holm', 'groen', 'Forslag fra TR om faste teammøder tirsdag.'),
        decision: decision('groen', 'Teammøder ligger fast tirsdag kl. 14.15–15.30 fra februar.', {
          decidedBy: 'TRIO i fællesskab',
          fair: { ...NO_FAIR, expectGiven: 'Rammen er 75 minutter om ugen.' },
        }),
      },
      {
        ...item(3, 'APV: støj i indskolingen', 'Drøftelse', 'Aisha Khan', 'blaa', 'Hvad ved vi, og hvad mangler vi?'),
        decision: decision('blaa', 'Vi måler støjen i tre klasser i januar, før vi vælger tiltag.', {
          fair: { ...NO_FAIR, explainReasoning: 'Vi mangler tal for, hvor slemt det er.' },
        }),
      },
      {
        ...item(4, SECRET.title, SECRET.typeLabel, SECRET.owner, 'roed', SECRET.summary),
        confidential: true,
        decision: decision('roed', SECRET.decision, {
          decidedBy: SECRET.decidedBy,
          dissents: [{ kind: 'Dissens', by: '', text: SECRET.dissent }],
          fair: { ...NO_FAIR, explainReasoning: SECRET.reasoning },
        }),
      },
      {
        ...item(5, 'Besparelse på vikarbudgettet', 'Beslutning', 'Mette Lund', 'gul', 'Forvaltningen har meldt en besparelse ud.'),
        decision: decision('roed', 'Vikarbudgettet skæres med 5 % fra 1. februar; kortvarigt fravær dækkes internt.', {
          colourReason: 'Forvaltningen har fastlagt rammen, så der var intet reelt at høre om.',
          decidedBy: 'Skolelederen',
          dissents: [{ kind: 'Dissens', by: '', text: 'TR (lærere): "Vi er imod, fordi det rammer de yngste elever først."' }],
        }),
      },
      {
        ...item(6, 'Forberedelsestid i 2027', 'Drøftelse', 'Jonas Holm', 'groen', 'Parterne ser forskelligt på, hvad der er realistisk.'),
        outcomeNote: 'Parkeret til næste møde.',
        decision: decision(null, 'Ledelsen og TR er uenige om, hvor meget tid der er til forberedelse.', {
          outcome: 'afklaring_uden_enighed',
          dissents: [{ kind: 'Dissens', by: '', text: 'TR (pædagoger): "Pædagogerne skal have samme forberedelsestid som lærerne."' }],
        }),
      },
    ],
    actions: [
      action('Lave vagtplan for frikvarterer', 'Teamkoordinatorerne', '2026-12-18', 'Åben', 1),
      action('Bestille støjmålere', 'Aisha Khan', '2027-01-08', 'Åben', 3, { term: 'Langt sigt' }),
      action(SECRET.action, SECRET.actionWho, '2026-12-10', 'Åben', 4, { confidential: true }),
      action('Orientere personalet om ny mødestruktur', 'Jonas Holm', null, 'Udført', null),
    ],
    nextMeeting: { startsAt: '2027-01-12T14:00', place: 'Mødelokale 2' },
    checkout: [
      {
        question: 'I hvilken grad blev alle hørt i dag?',
        answers: [
          { label: 'I meget høj grad', count: 2 },
          { label: 'I høj grad', count: 1 },
          { label: 'I nogen grad', count: 0 },
          { label: 'I mindre grad', count: 0 },
          { label: 'Slet ikke', count: 0 },
          { label: 'Ved ikke', count: 0 },
        ],
      },
      { question: 'Ubesvaret spørgsmål', answers: [{ label: 'I høj grad', count: 0 }] },
    ],
    colours: [...DEFAULT_COLOURS],
  };
}

/**
 * The delt referat as the service hands it over, built from the meeting's shared view
 * (electron/services/redaction): a confidential item is a placeholder, its actions are gone. The
 * builder prints what it is given; the redaction itself is tested through dispatch.
 */
function sharedView(doc: ReferatDocument): ReferatDocument {
  return {
    ...doc,
    items: doc.items.map((i) =>
      i.confidential ? { ...i, title: 'Lukket punkt', owner: '', announcedColour: null, summary: '', decision: null } : i,
    ),
    actions: doc.actions.filter((a) => !a.confidential),
    followUp: doc.followUp.filter((a) => !a.confidential),
  };
}

/** XML escapes quotes and ampersands; a secret must be looked for in both spellings. */
function xmlEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe('referat som Word-fil', () => {
  it('har titelblok med dansk dato, tid, sted, version og godkendelse', async () => {
    const text = await textOf(await buildReferat(trioReferat('delt')));

    expect(text).toContain('Egeskolen · TRIO');
    expect(text).toContain('Referat');
    expect(text).toContain('TRIO-møde i december');
    expect(text).toContain('tirsdag den 1. december 2026');
    expect(text).toContain('kl. 14.00–15.30');
    expect(text).toContain('Mødelokale 2, administrationen');
    expect(text).toContain('Version 2 · godkendt 3. december 2026 af Mette Lund (Skoleleder) og Jonas Holm (TR)');
    expect(text).not.toContain('UDKAST');
  });

  it('har deltagere med roller, afbud, facilitator, referent, formål og opfølgning fra sidst', async () => {
    const buffer = await buildReferat(trioReferat('delt'));
    const text = await textOf(buffer);
    expect(text).toContain('TR (pædagoger)');
    expect(text).toContain('Afbud: Lars Bech (AMR)');
    expect(text).toContain('Facilitator: Mette Lund');
    expect(text).toContain('Referent: Jonas Holm');
    expect(text).toContain('Vi følger op på APV-handleplanen');

    const html = await htmlOf(buffer);
    const participants = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(participants).toContain('Aisha Khan');
    expect(participants).not.toContain('Lars Bech');

    const followUp = html.slice(html.indexOf('<h1>Opfølgning fra sidst</h1>'), html.indexOf('<h1>Punkter</h1>'));
    for (const header of ['Hvad', 'Hvem', 'Frist', 'Status']) expect(followUp).toContain(`<th><p><strong>${header}</strong></p></th>`);
    expect(followUp).toContain('Plan for vikardækning i indskolingen');
    expect(followUp).toContain('20. november 2026');
    expect(followUp).toContain('Udført');
    expect(followUp).toContain('Ingen frist');
  });

  it('viser hvert punkt med type, ansvarlig, farve, resumé, beslutning, Fair Proces og dissens', async () => {
    const buffer = await buildReferat(trioReferat('fuld'));
    const text = await textOf(buffer);

    expect(text).toContain('1. Fordeling af tilsyn i frikvartererne');
    expect(text).toMatch(/Beslutning · Ansvarlig: Mette Lund · Farve meldt ud: \s?◆\s+GU\sGul/);
    expect(text).toContain('Tre modeller blev drøftet.');
    expect(text).toMatch(/GU\sGul\s+Beslutning: Model B indføres fra 4\. januar/);
    expect(text).toContain('Hvem beslutter: Skolelederen efter høring af TRIO');
    for (const label of [
      'FAIR PROCES',
      'Involvér',
      'Sammenhæng: Flere konflikter',
      'Hvorfor nu: Det nye skema',
      'Hvordan inddraget: Alle teams',
      'Forklar',
      'Mellemregninger: Model B',
      'Kompromiser: Pauserne',
      'Bindinger: Ingen ekstra timer',
      'Præcisér forventninger',
      'Givet: To voksne',
      'Til diskussion: Hvem der tager',
      'Forventet af hvem: Teamkoordinatorerne',
    ]) {
      expect(text).toContain(label);
    }

    // All four colours appear as badges on decisions.
    expect(text).toMatch(/GR\sGrøn\s+Beslutning: Teammøder/);
    expect(text).toMatch(/BL\sBlå\s+Beslutning: Vi måler støjen/);
    expect(text).toMatch(/RØ\sRød\s+Beslutning: Vikarbudgettet skæres/);

    // Item 2 has only one Fair Proces field: the other principles and sub-labels are left out.
    const item2 = text.slice(text.indexOf('2. Ny mødestruktur'), text.indexOf('3. APV'));
    expect(item2).toContain('Præcisér forventninger');
    expect(item2).toContain('Givet: Rammen er 75 minutter om ugen.');
    expect(item2).not.toContain('Involvér');
    expect(item2).not.toContain('Mellemregninger');
    expect(item2).not.toContain('Til diskussion');

    // Colour changed from the announced gul to rød, with the reason.
    const item5 = text.slice(text.indexOf('5. Besparelse'), text.indexOf('6. Forberedelsestid'));
    expect(item5).toMatch(/Farven blev ændret fra\s+◆\s+GU\sGul\s+til\s+▲\s+RØ\sRød\s+\. Begrundelse: Forvaltningen har fastlagt rammen/);
    expect(item5).toContain('Dissens: TR (lærere): "Vi er imod, fordi det rammer de yngste elever først."');
    // No change note where the colour stayed as announced.
    expect(text.slice(text.indexOf('1. Fordeling'), text.indexOf('2. Ny'))).not.toContain('Farven blev ændret');

    const item6 = text.slice(text.indexOf('6. Forberedelsestid'), text.indexOf('Handlinger'));
    expect(item6).toContain('Afklaring uden enighed: Ledelsen og TR er uenige');
    expect(item6).toContain('ikke enighed');
    expect(item6).not.toContain('Beslutning:');
    expect(item6).toContain('Parkeret til næste møde.');
    expect(item6).toContain('Dissens: TR (pædagoger): "Pædagogerne skal have samme forberedelsestid som lærerne."');

    const html = await htmlOf(buffer);
    const numbers = [...html.matchAll(/<h2>(\d+)\. /g)].map((match) => Number(match[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('har handlingstabel, næste møde, check-out, versionshistorik og farveforklaring til sidst', async () => {
    const buffer = await buildReferat(trioReferat('delt'));
    const text = await textOf(buffer);
    const html = await htmlOf(buffer);

    const actions = html.slice(html.indexOf('<h1>Handlinger</h1>'), html.indexOf('<h1>Næste møde</h1>'));
    for (const header of ['Hvad', 'Hvem', 'Hvornår', 'Status', 'Fra punkt']) {
      expect(actions).toContain(`<th><p><strong>${header}</strong></p></th>`);
    }
    expect(actions).toContain('<td><p>Lave vagtplan for frikvarterer</p></td><td><p>Teamkoordinatorerne</p></td><td><p>18. december 2026<br />Kort sigt</p></td><td><p>Åben</p></td><td><p>1</p></td>');
    expect(actions).toContain('Langt sigt</p></td>');
    expect(actions).toContain('<td><p>Ingen frist<br />Kort sigt</p></td><td><p>Udført</p></td><td><p>Mødet</p></td>');

    expect(text).toContain('Tirsdag den 12. januar 2027 kl. 14.00, Mødelokale 2.');

    const checkout = html.slice(html.indexOf('<h1>Check-out</h1>'), html.indexOf('<h1>Versioner</h1>'));
    expect(checkout).toContain('I hvilken grad blev alle hørt i dag?');
    expect(checkout).toContain('<th><p><strong>I meget høj grad</strong></p></th><th><p><strong>I høj grad</strong></p></th>');
    expect(checkout).toContain('<th><p><strong>I alt</strong></p></th>');
    expect(checkout).toContain('<td><p>2</p></td><td><p>1</p></td><td><p>0</p></td><td><p>0</p></td><td><p>0</p></td><td><p>0</p></td><td><p>3</p></td>');
    expect(checkout).not.toContain('Ubesvaret spørgsmål');

    const history = html.slice(html.indexOf('<h1>Versioner</h1>'), html.indexOf('<h1>Farvekoder</h1>'));
    expect(history).toContain('Version 2 · godkendt 3. december 2026');
    expect(history).toContain('3. december 2026');
    expect(history).toContain('Rettelse efter høring hos AMR');
    expect(history).toContain('Punkt 3: ansvarlig rettet fra Jonas Holm til Aisha Khan');
    expect(history).toContain('Handling om støjmåling fik en frist');

    expect(text.indexOf('Farvekoder')).toBeGreaterThan(text.indexOf('Versioner'));
    for (const c of DEFAULT_COLOURS) {
      expect(text).toMatch(new RegExp(`${c.code}\\s${c.label}`));
      expect(text).toContain(c.meaning);
    }
  });

  it('bruger Words egne overskriftstypografier, dansk sprog, sidetal og farvede mærker', async () => {
    const buffer = await buildReferat(trioReferat('delt'));
    const parts = await partsOf(buffer);
    const document = part(parts, 'word/document.xml');
    const styles = part(parts, 'word/styles.xml');

    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(styles).toMatch(/w:styleId="Heading1"/);
    expect(styles).toMatch(/w:styleId="Heading2"/);
    expect(styles).toContain('<w:lang w:val="da-DK"/>');
    // Badges are character styles: the colour is defined once in styles.xml and named on every badge.
    for (const c of DEFAULT_COLOURS) {
      expect(styles).toMatch(new RegExp(`w:styleId="Farvemaerke${c.key}"[\\s\\S]*?w:fill="${c.hex.slice(1)}"`));
      expect(document).toContain(`<w:rStyle w:val="Farvemaerke${c.key}"/>`);
    }
    expect(styles).toMatch(/w:styleId="FairProces"/);
    expect(document).toContain('<w:pStyle w:val="FairProces"/>');

    const html = await htmlOf(buffer);
    expect(html).toContain('<h1>Deltagere</h1>');
    expect(html).toContain('<h1>Punkter</h1>');
    expect(html).toContain('<h2>1. Fordeling af tilsyn i frikvartererne</h2>');
    expect(html).toContain('<h2>6. Forberedelsestid i 2027</h2>');
    expect(html).toContain('Tre modeller blev drøftet.<br />Teamene har givet input.');

    const footer = partsMatching(parts, /^word\/footer\d*\.xml$/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toContain('Side ');
    const header = partsMatching(parts, /^word\/header\d*\.xml$/);
    expect(header).toContain('TRIO på Egeskolen · tirsdag den 1. december 2026');
    expect(header).not.toContain('FORTROLIGT');
    expect(header).not.toContain('UDKAST');

    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('Referat: TRIO på Egeskolen, tirsdag den 1. december 2026');
  });

  it('viser i den delte version lukkede punkter kun som "N. Lukket punkt", og intet fortroligt ligger i nogen del af filen', async () => {
    const buffer = await buildReferat(sharedView(trioReferat('delt')));
    const text = await textOf(buffer);
    expect(text).toMatch(/^4\. Lukket punkt$/m);
    const closed = text.slice(text.indexOf('4. Lukket punkt'), text.indexOf('5. Besparelse'));
    expect(closed).not.toMatch(/Beslutning|Dissens|Ansvarlig|Farve|RØ|Fair|Hvem beslutter/);

    const html = await htmlOf(buffer);
    const actions = html.slice(html.indexOf('<h1>Handlinger</h1>'), html.indexOf('<h1>Næste møde</h1>'));
    expect(actions.match(/<tr>/g)).toHaveLength(4); // header + three shared actions

    const parts = await partsOf(buffer);
    expect(parts.size).toBeGreaterThan(5);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['word/document.xml', 'docProps/core.xml', 'word/styles.xml']));
    for (const [name, xml] of parts) {
      for (const secret of SECRET_TEXTS) {
        expect(xml, `${name} afslører "${secret}"`).not.toContain(secret);
        expect(xml, `${name} afslører "${secret}"`).not.toContain(xmlEscaped(secret));
      }
      expect(xml, `${name} er mærket fortroligt`).not.toContain('FORTROLIGT');
      expect(xml, `${name} har lukket punkts handling`).not.toContain('(lukket)');
    }
  });

  it('viser alt i den fulde version og mærker den FORTROLIGT på hver side og i titelblokken', async () => {
    const buffer = await buildReferat(trioReferat('fuld'));
    const text = await textOf(buffer);
    expect(text).toContain(`4. ${SECRET.title} (Lukket punkt)`);
    expect(text).toContain(`${SECRET.typeLabel} · Ansvarlig: ${SECRET.owner}`);
    for (const line of SECRET.summary.split('\n')) expect(text).toContain(line);
    expect(text).toContain(`Beslutning: ${SECRET.decision}`);
    expect(text).toContain(`Hvem beslutter: ${SECRET.decidedBy}`);
    expect(text).toContain(`Mellemregninger: ${SECRET.reasoning}`);
    expect(text).toContain(`Dissens: ${SECRET.dissent}`);
    expect(text).toContain(SECRET.action);
    expect(text).toContain(SECRET.actionWho);
    expect(text).toContain('4 (lukket)');
    expect(text).toContain('FORTROLIGT. Fuld version med lukkede punkter.');

    const parts = await partsOf(buffer);
    expect(partsMatching(parts, /^word\/header\d*\.xml$/)).toContain('FORTROLIGT');
    expect(part(parts, 'docProps/core.xml')).toContain('fortroligt');
  });

  it('mærker et udkast UDKAST i titelblokken og i sidehovedet på hver side', async () => {
    const doc = trioReferat('delt');
    doc.version = { number: 1, status: 'udkast', approvedAt: null, approvedBy: [], history: [] };
    const buffer = await buildReferat(doc);
    const text = await textOf(buffer);
    expect(text).toContain('Version 1 · UDKAST – ikke godkendt');
    expect(text).toContain('Der er ingen tidligere versioner.');
    expect(text).not.toContain('godkendt 3. december');

    const parts = await partsOf(buffer);
    const header = partsMatching(parts, /^word\/header\d*\.xml$/);
    expect(header).toContain('UDKAST – ikke godkendt');
    expect(header).not.toContain('FORTROLIGT');
    // Each section page uses the default header, so the mark is on every page.
    expect(part(parts, 'word/document.xml')).toMatch(/<w:headerReference w:type="default"/);
  });

  it('bevarer <&", emoji og æøå og tåler tomme felter', async () => {
    const doc = trioReferat('delt');
    const hard = 'Budget <2027> & "ekstra" timer 👍🏽 æøå ÆØÅ';
    doc.items = [
      { ...item(1, hard, '', '', null, ''), decision: decision(null, '', { fair: { ...NO_FAIR, expectOpen: hard } }) },
    ];
    doc.place = '';
    doc.purpose = '';
    doc.followUp = [];
    doc.actions = [];
    doc.checkout = [];
    doc.nextMeeting = null;
    const buffer = await buildReferat(doc);
    const text = await textOf(buffer);
    expect(text).toContain(`1. ${hard}`);
    expect(text).toContain(`Til diskussion: ${hard}`);
    expect(text).toContain('Næste møde er ikke fastlagt endnu.');
    expect(text).toContain('Mødet gav ingen nye handlinger.');
    expect(text).not.toContain('Check-out');
    const document = part(await partsOf(buffer), 'word/document.xml');
    expect(document).toContain('Budget &lt;2027&gt; &amp; &quot;ekstra&quot; timer 👍🏽 æøå ÆØÅ');
  });
});

// ------------------------------------------------------------------------------------------ staff summary

function staffSummaryFixture(): StaffSummary {
  return {
    forumName: 'TRIO',
    school: 'Egeskolen',
    title: 'TRIO-møde i december',
    startsAt: '2026-12-01T14:00',
    groups: [
      {
        colour: colour('roed'),
        decisions: [
          {
            title: 'Besparelse på vikarbudgettet',
            text: 'Vikarbudgettet skæres med 5 % fra 1. februar; kortvarigt fravær dækkes internt.',
            forStaff: 'I kan blive bedt om at dække en time mere om måneden, og det varsles senest dagen før.',
            dissents: [],
          },
        ],
      },
      {
        colour: colour('gul'),
        decisions: [
          {
            title: 'Fordeling af tilsyn i frikvartererne',
            text: 'Model B indføres fra 4. januar: to voksne i gården i hvert frikvarter.',
            forStaff: 'Teamkoordinatorerne laver vagtplanen inden jul.',
            dissents: [],
          },
        ],
      },
      {
        colour: colour('groen'),
        decisions: [{ title: 'Ny mødestruktur for teammøder', text: 'Teammøder ligger fast tirsdag kl. 14.15–15.30.', forStaff: '', dissents: [] }],
      },
    ],
    actions: [
      { what: 'Lave vagtplan for frikvarterer', who: 'Teamkoordinatorerne', due: '2026-12-18' },
      { what: 'Bestille støjmålere', who: 'Aisha Khan', due: null },
    ],
  };
}

describe('personaleorientering', () => {
  it('er en kort Word-fil med titel, intro, farvegrupper med mærke og betydning, beslutninger og handlinger', async () => {
    const buffer = await buildStaffSummary(staffSummaryFixture());
    const text = await textOf(buffer);
    expect(text).toContain('Nyt fra TRIO – 1. december 2026');
    expect(text).toContain('Her er de beslutninger fra mødet tirsdag den 1. december 2026, som har betydning for jer.');
    expect(text).toMatch(/RØ\sRød/);
    expect(text).toMatch(/GU\sGul/);
    expect(text).toContain(colour('gul').meaning);
    expect(text).toContain('Fordeling af tilsyn i frikvartererne');
    expect(text).toContain('Det betyder for jer: Teamkoordinatorerne laver vagtplanen inden jul.');
    // No empty "Det betyder for jer" for a decision without it.
    const green = text.slice(text.indexOf('Ny mødestruktur'));
    expect(green.slice(0, green.indexOf('Det sker nu'))).not.toContain('Det betyder for jer');
    expect(text).toContain('Lave vagtplan for frikvarterer (Teamkoordinatorerne, senest 18. december 2026)');
    expect(text).toContain('Bestille støjmålere (Aisha Khan)');
    expect(text).not.toMatch(/BL\sBlå/);

    const parts = await partsOf(buffer);
    expect(part(parts, 'word/document.xml')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(part(parts, 'word/styles.xml')).toContain('<w:lang w:val="da-DK"/>');
    expect(partsMatching(parts, /^word\/footer\d*\.xml$/)).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  });

  it('er også ren tekst uden opmærkning, med farve som ord og kode, danske datoer og korte linjer', () => {
    const summary = staffSummaryFixture();
    const long = 'Dette er en meget lang forklaring, som skal brydes over flere linjer, fordi nyhedsbreve og intranet ikke tåler alt for lange linjer uden ombrydning. '.repeat(3);
    summary.groups[0]!.decisions[0]!.forStaff = long;
    const text = staffSummaryText(summary);

    expect(text.startsWith('Nyt fra TRIO – 1. december 2026\n')).toBe(true);
    expect(text).toContain('tirsdag den 1. december 2026');
    expect(text).toContain('Rød (RØ)');
    expect(text).toContain('Gul (GU)');
    expect(text).toContain('Grøn (GR)');
    expect(text).not.toContain('Blå (BL)');
    expect(text).toContain('Det betyder for jer: Dette er en meget lang forklaring');
    expect(text).toContain('Teamkoordinatorerne laver vagtplanen inden jul.');
    expect(text).toContain('- Lave vagtplan for frikvarterer (Teamkoordinatorerne, senest 18. december 2026)');
    expect(text).not.toMatch(/<[a-z/]|\*\*|&amp;|\u00A0|[◆▲●■]/);
    expect(text).toBe(text.normalize('NFC'));
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
    // The long text survives wrapping word for word.
    expect(text.replace(/\n\s*/g, ' ')).toContain(long.trim());
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('skriver kun det, den får: en beslutning udeladt af servicen findes ingen steder', async () => {
    const summary = staffSummaryFixture();
    const buffer = await buildStaffSummary(summary);
    const text = staffSummaryText(summary);
    for (const [name, xml] of await partsOf(buffer)) {
      for (const secret of SECRET_TEXTS) expect(xml, `${name} afslører "${secret}"`).not.toContain(secret);
      expect(xml, name).not.toContain('FORTROLIGT');
    }
    for (const secret of SECRET_TEXTS) expect(text).not.toContain(secret);
  });

  it('siger det, når der ingen beslutninger er', async () => {
    const summary = { ...staffSummaryFixture(), groups: [], actions: [] };
    expect(await textOf(await buildStaffSummary(summary))).toContain('Mødet traf ingen beslutninger');
    expect(staffSummaryText(summary)).toContain('Mødet traf ingen beslutninger');
  });
});
