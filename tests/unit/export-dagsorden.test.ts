import { describe, expect, it } from 'vitest';
import { htmlOf, part, partsMatching, partsOf, textOf } from './docx-readback';
import type { AgendaDocument } from '../../electron/export/dagsorden-model';
import { buildDagsorden } from '../../electron/export/dagsorden';
import { DEFAULT_COLOURS, type ColourKey } from '../../shared/domain/colours';

function colour(key: ColourKey) {
  const found = DEFAULT_COLOURS.find((c) => c.key === key);
  if (!found) throw new Error(`Ukendt farve ${key}`);
  return found;
}

// The confidential item's owner joins only for that item, so any trace of the name in the sent-out file is a leak.
const SECRET = {
  title: 'Sygefravær i teamet på 4. årgang',
  owner: 'Karin Sørensen',
  background: 'Aftaler om skånehensyn for en kollega med langvarigt sygefravær.\nNavnet nævnes kun på mødet.',
};

function trioAgenda(variant: AgendaDocument['variant']): AgendaDocument {
  return {
    variant,
    forumName: 'TRIO på Egeskolen',
    forumKindLabel: 'TRIO',
    school: 'Egeskolen',
    title: 'TRIO-møde i december',
    startsAt: '2026-12-01T14:00',
    durationMinutes: 90,
    place: 'Mødelokale 2, administrationen',
    purpose: 'Vi følger op på APV-handleplanen og aftaler fordelingen af tilsyn fra januar.',
    participants: [
      { name: 'Mette Holm', role: 'Skoleleder', status: 'deltager', facilitator: true, referent: false },
      { name: 'Jesper Nørgaard', role: 'TR (lærere)', status: 'deltager', facilitator: false, referent: true },
      { name: 'Aisha Khan', role: 'TR (pædagoger)', status: 'deltager', facilitator: false, referent: false },
      { name: 'Lars Bech', role: 'AMR', status: 'afbud', facilitator: false, referent: false },
    ],
    followUp: [
      {
        what: 'Plan for vikardækning i indskolingen',
        who: 'Mette Holm',
        due: '2026-11-20',
        status: 'I gang',
        history: ['3. november 2026: Ikke løst: Vikarpuljen dækker kun to af fire team'],
      },
      { what: 'Måling af indeklima i lokale 12', who: 'Lars Bech', due: null, status: 'Åben', history: [] },
    ],
    doneSinceLast: [
      { what: 'Sende APV-opfølgningen ud til teamene', who: 'Lars Bech', due: '2026-11-10', status: 'Udført', history: ['8. november 2026: Åben → Udført'] },
    ],
    items: [
      item(1, 'Velkomst og sæt scenen', 'Orientering', 'Mette Holm', 10, '14.00', null, 'Formål og spilleregler.\nKort runde: Hvad fylder lige nu?'),
      item(2, 'Fordeling af tilsyn i frikvartererne', 'Beslutning', 'Mette Holm', 20, '14.10', 'gul', 'Tre modeller er i spil.'),
      item(3, 'APV: støj i indskolingen', 'Drøftelse', 'Aisha Khan', 25, '14.30', 'blaa', 'Hvad ved vi, og hvad mangler vi?'),
      { ...item(4, SECRET.title, 'Drøftelse', SECRET.owner, 20, '14.55', 'roed', SECRET.background), confidential: true },
      item(5, 'Eventuelt', 'Orientering', '', 5, '15.15', null, ''),
    ],
    colours: [...DEFAULT_COLOURS],
  };
}

function item(
  number: number,
  title: string,
  typeLabel: string,
  owner: string,
  minutes: number,
  startTime: string,
  colourKey: ColourKey | null,
  background: string,
): AgendaDocument['items'][number] {
  const announced = colourKey === null ? null : colour(colourKey);
  return { number, title, typeLabel, owner, minutes, startTime, colour: announced, background, confidential: false, listsFollowUp: false };
}

describe('dagsorden som Word-fil', () => {
  it('har titelblok, deltagere, opfølgning, nummererede punkter med farve og en farveforklaring', async () => {
    const text = await textOf(await buildDagsorden(trioAgenda('fuld')));

    expect(text).toContain('Egeskolen · TRIO');
    expect(text).toContain('Dagsorden');
    expect(text).toContain('TRIO-møde i december');
    expect(text).toContain('tirsdag den 1. december 2026');
    expect(text).toContain('kl. 14.00–15.30');
    expect(text).toContain('Mødelokale 2, administrationen');
    expect(text).toContain('TR (pædagoger)');
    expect(text).toContain('Facilitator');
    expect(text).toContain('Referent');
    expect(text).toContain('Afbud: Lars Bech (AMR)');
    expect(text).toContain('Vi følger op på APV-handleplanen');
    expect(text).toContain('Plan for vikardækning i indskolingen');
    expect(text).toContain('20. november 2026');
    expect(text).toContain('Ingen frist');
    expect(text).toContain('Beslutning · Ansvarlig: Mette Holm · 20 min. · kl. 14.10');
    expect(text).toContain('Orientering · 5 min. · kl. 15.15');
    expect(text).toContain('GU Gul');
    expect(text).toContain(colour('gul').meaning);
    for (const c of DEFAULT_COLOURS) expect(text).toContain(`${c.code} ${c.label}`);

    const numbers = [...text.matchAll(/^(\d)\. /gm)].map((match) => Number(match[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    expect(text.indexOf('Farvekoder')).toBeGreaterThan(text.indexOf('5. Eventuelt'));
  });

  it('viser opfølgningens daterede historik og «Udført siden sidst» under opfølgningen', async () => {
    const text = await textOf(await buildDagsorden(trioAgenda('delt')));
    const followUp = text.slice(text.indexOf('Opfølgning fra sidst'), text.indexOf('Punkter'));
    expect(followUp).toMatch(/Plan for vikardækning i indskolingen\s+– 3\. november 2026: Ikke løst: Vikarpuljen dækker kun to af fire team/);
    const done = followUp.slice(followUp.indexOf('Udført siden sidst'));
    expect(done).toContain('Sende APV-opfølgningen ud til teamene');
    expect(done).toContain('– 8. november 2026: Åben → Udført');
    expect(done).not.toContain('Måling af indeklima');
  });

  it('lister afbud for sig og ikke i deltagertabellen', async () => {
    const html = await htmlOf(await buildDagsorden(trioAgenda('delt')));
    const participantsTable = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));

    expect(participantsTable).toContain('Mette Holm');
    expect(participantsTable).not.toContain('Lars Bech');
  });

  it('bruger Words egne overskriftstypografier, dansk sprog, sidetal og farvede mærker', async () => {
    const buffer = await buildDagsorden(trioAgenda('delt'));
    const parts = await partsOf(buffer);
    const document = part(parts, 'word/document.xml');
    const styles = part(parts, 'word/styles.xml');

    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(styles).toMatch(/w:styleId="Heading1"/);
    expect(styles).toMatch(/w:styleId="Heading2"/);
    expect(styles).toContain('<w:lang w:val="da-DK"/>');
    expect(document).toContain('w:fill="F2C200"');

    // Mammoth maps the heading styles to h1/h2, the same outline Word's navigation pane shows.
    const html = await htmlOf(buffer);
    expect(html).toContain('<h1>Punkter</h1>');
    expect(html).toContain('<h2>2. Fordeling af tilsyn i frikvartererne</h2>');
    // Raw text drops line breaks, so the writer's own breaks are checked in the HTML.
    expect(html).toContain('Formål og spilleregler.<br />Kort runde: Hvad fylder lige nu?');

    const footer = partsMatching(parts, /^word\/footer\d*\.xml$/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toContain('Side ');
    expect(partsMatching(parts, /^word\/header\d*\.xml$/)).toContain('TRIO på Egeskolen · tirsdag den 1. december 2026');
  });

  it('viser lukkede punkter kun som "Lukket punkt" i den udsendte version, og intet om dem ligger i filen', async () => {
    // As the service hands it over: built from the shared view, where a confidential item is a placeholder.
    const sent = trioAgenda('delt');
    sent.items = sent.items.map((i) => (i.confidential ? { ...i, title: 'Lukket punkt', owner: '', background: '', colour: null } : i));
    const buffer = await buildDagsorden(sent);
    const text = await textOf(buffer);
    expect(text).toContain('4. Lukket punkt');
    expect(text).toContain('Punktet behandles fortroligt.');
    expect(text).toContain('Drøftelse · 20 min. · kl. 14.55');

    const parts = await partsOf(buffer);
    expect(parts.size).toBeGreaterThan(5);
    const secrets = [SECRET.title, SECRET.owner, ...SECRET.background.split('\n'), 'skånehensyn', 'Sygefravær'];
    for (const [name, xml] of parts) {
      for (const secret of secrets) expect(xml, `${name} afslører "${secret}"`).not.toContain(secret);
      expect(xml, `${name} er mærket fortroligt`).not.toContain('FORTROLIGT');
    }
  });

  it('viser alt i den fulde version og mærker den FORTROLIGT', async () => {
    const buffer = await buildDagsorden(trioAgenda('fuld'));
    const text = await textOf(buffer);
    expect(text).toContain(`4. ${SECRET.title} (Lukket punkt)`);
    expect(text).toContain(`Ansvarlig: ${SECRET.owner}`);
    for (const line of SECRET.background.split('\n')) expect(text).toContain(line);
    expect(text).toContain('FORTROLIGT');

    const parts = await partsOf(buffer);
    expect(partsMatching(parts, /^word\/header\d*\.xml$/)).toContain('FORTROLIGT');
  });

  it('bevarer <&", emoji, æøå og meget lange tekster, og tåler kontroltegn og halve emoji', async () => {
    const title = 'Budget <2027> & "ekstra" timer 🎉 æøå ÆØÅ';
    const segment = 'Støj & <larm> i "gården" 🙂 — åben dør; ';
    const longBackground = segment.repeat(Math.ceil(20_000 / segment.length));
    expect(longBackground.length).toBeGreaterThanOrEqual(20_000);
    const agenda = trioAgenda('delt');
    agenda.purpose = 'Formål\u0001 med\u0007 kontroltegn\uD83C';
    agenda.items = [item(1, title, 'Drøftelse', 'Åse Ørum & Co.', 30, '14.00', 'groen', longBackground)];

    const buffer = await buildDagsorden(agenda);
    const text = await textOf(buffer);
    expect(text).toContain(`1. ${title}`);
    expect(text).toContain('Ansvarlig: Åse Ørum & Co.');
    expect(text).toContain(longBackground.trim());
    expect(text).toContain('Formål med kontroltegn');

    const document = part(await partsOf(buffer), 'word/document.xml');
    expect(document).toContain('Budget &lt;2027&gt; &amp;');
    expect(document).toContain('Formål med kontroltegn</w:t>');
  });
});
