import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { DESTINATION_DEFINITIONS, nextSentence } from '../../shared/domain/listening';
import { htmlOf, part, partsOf, textOf } from './docx-readback';
import { must, tempArchivePath } from './support';

const NOW = new Date(2026, 10, 20, 12, 0);
const opened: Services[] = [];

afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

function open(): { services: Services; archive: Archive } {
  const archive = openArchive(tempArchivePath());
  const services = createServices({ ...createContext(archive, 'test'), now: () => NOW });
  opened.push(services);
  return { services, archive };
}

/** Names a visitor might slip into the record: each is refused, so none can reach the letter. */
const TRIED = ['Hanne', 'Zakaria Ibsen', 'Per', 'Mettes'];

async function scenario(services: Services) {
  // People the archive knows: forum members and a guest at a meeting.
  const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  for (const [name, role] of [
    ['Mette Lund', 'Skoleleder'],
    ['Jonas Holm', 'TR (lærere)'],
    ['Zakaria Ibsen', 'AMR'],
  ] as const) {
    await must(services, 'members.add', { forumId: trio.id, name, role, fromDate: '2026-08-01' });
  }
  const trioMeeting = await must(services, 'meetings.create', { forumId: trio.id, title: 'TRIO december', startsAt: '2026-12-01T14:00', durationMinutes: 90 });
  await must(services, 'participants.addGuest', { meetingId: trioMeeting.id, name: 'Gudrun Vestergaard', role: 'Konsulent' });

  const series = await must(services, 'listening.createSeries', {
    title: 'Lyttemøder om arbejdstid',
    purpose: 'Vi vil høre, hvordan arbejdstidsaftalen virker i praksis.',
    visitors: 'Kredsformand Lise Dahl og skolechef Ib Krogh',
  });
  const meeting = await must(services, 'listening.planMeeting', {
    seriesId: series.id,
    school: 'Egeskolen',
    date: '2026-11-10',
    startTime: '14:30',
    teacherGroup: 'Lærerne i udskolingen',
  });
  const add = (text: string, themes: string[], isQuote = false) => must(services, 'listening.addInput', { meetingId: meeting.id, text, themes, isQuote });
  const vikar = await add('Forberedelsen forsvinder i vikartimer.', ['Arbejdstid', 'Vikardækning']);
  const evaluering = await add('Vi når aldrig at evaluere et forløb.', ['Arbejdstid'], true);
  const moeder = await add('Teammøderne bliver aflyst, når der mangler vikarer.', ['Arbejdstid']);
  const kaffe = await add('Personalerummet er for lille til alle.', []);
  const inklusion = await add('Inklusionen kræver to voksne i timerne.', ['Inklusion']);
  await must(services, 'listening.markHeld', { meetingId: meeting.id, held: true, participantCount: 11 });

  for (const name of TRIED) {
    const refused = await services.call('listening.addInput', { meetingId: meeting.id, text: `Det sagde ${name} også.` });
    expect(refused.ok, name).toBe(false);
    const note = await services.call('listening.sortInput', { inputId: kaffe.id, destination: 'parkeret', note: `Spørg ${name}.` });
    expect(note.ok, name).toBe(false);
  }

  await must(services, 'listening.sortInput', { inputId: vikar.id, destination: 'kommune_kreds', note: 'Hører hjemme i dialogen om arbejdstid.' });
  await must(services, 'listening.sortInput', { inputId: evaluering.id, destination: 'lokalt', note: 'Ledelsen lægger evaluering ind i årsplanen.' });
  await must(services, 'listening.sortInput', { inputId: moeder.id, destination: 'lokalt' });
  await must(services, 'listening.sortInput', { inputId: kaffe.id, destination: 'parkeret', note: 'Venter på ombygningen.' });
  await must(services, 'listening.sendInput', { inputId: evaluering.id, meetingId: trioMeeting.id, title: 'Tid til evaluering', type: 'droeftelse', minutes: 15 });
  return { meeting, inklusion };
}

async function letter(services: Services, meetingId: string) {
  const doc = await must(services, 'documents.feedbackLetter', { meetingId });
  expect(doc.fileName).toBe('Tilbagemelding Egeskolen 2026-11-10.docx');
  expect(doc.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return Buffer.from(doc.base64, 'base64');
}

describe('tilbagemeldingsbrevet', () => {
  it('fortæller hvad vi hørte, hvad der sker nu og hvor, underskrevet af de besøgende', async () => {
    const { services } = open();
    const { meeting } = await scenario(services);
    const buffer = await letter(services, meeting.id);
    const text = await textOf(buffer);

    expect(text).toContain('Tak for lyttemødet på Egeskolen');
    expect(text).toContain('tirsdag den 10. november 2026, kl. 14.30');
    expect(text).toContain('Lærerne i udskolingen');
    expect(text).toContain('11');
    expect(text).toContain('Vi kom for at lytte');

    // Themes, most inputs first; inputs without a theme under "Andet". The input with two themes is
    // listed once, under the first (Arbejdstid), with its other theme after it; Vikardækning has no
    // input of its own left, so no heading.
    const heard = text.slice(text.indexOf('Det hørte vi'), text.indexOf('Det sker nu'));
    const order = ['Arbejdstid', 'Inklusion', 'Andet'].map((name) => heard.indexOf(`\n${name}\n`));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(heard).not.toContain('\nVikardækning\n');
    expect(heard.split('Forberedelsen forsvinder i vikartimer.')).toHaveLength(2);
    expect(heard.slice(order[0], order[1])).toContain('Forberedelsen forsvinder i vikartimer. (også: Vikardækning)');
    expect(heard.slice(order[2])).toContain('Personalerummet er for lille til alle.');
    expect(heard).toContain('»Vi når aldrig at evaluere et forløb.«');

    // What happens now, by destination with the domain's labels and sentences, notes and where. The
    // parked input has a note, so the letter may say that the why is written down.
    const next = text.slice(text.indexOf('Det sker nu'));
    for (const definition of DESTINATION_DEFINITIONS) {
      expect(next).toContain(definition.label);
      expect(next).toContain(nextSentence(definition, ['Med en note.']));
    }
    expect(next).toContain('Det venter vi med; vi har skrevet ned hvorfor.');
    expect(next).toContain('Ledelsen lægger evaluering ind i årsplanen.');
    expect(next).toContain('Tages op i TRIO 1. december 2026');
    expect(next).toContain('Hører hjemme i dialogen om arbejdstid.');
    expect(next).toContain('Venter på ombygningen.');
    expect(next).toContain('endnu ikke sorteret');
    expect(next.slice(next.indexOf('Endnu ikke sorteret'))).toContain('Inklusionen kræver to voksne i timerne.');
    expect(text).toContain('Kredsformand Lise Dahl og skolechef Ib Krogh');

    const html = await htmlOf(buffer);
    expect(html).toContain('<em>»Vi når aldrig at evaluere et forløb.«</em>');
    expect(html).toMatch(/<h1>Det hørte vi<\/h1>/);
    expect(html).toMatch(/<h2>Arbejdstid<\/h2>/);
  });

  it('nævner skolen ved et andet forum, og skriver kun "hvorfor", når der står hvorfor', async () => {
    const { services } = open();
    const { meeting, inklusion } = await scenario(services);
    const other = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });
    const otherMeeting = await must(services, 'meetings.create', { forumId: other.id, title: 'TRIO januar', startsAt: '2027-01-12T14:00', durationMinutes: 90 });
    await must(services, 'listening.sortInput', { inputId: inklusion.id, destination: 'parkeret', note: '' });
    await must(services, 'listening.sendInput', { inputId: inklusion.id, meetingId: otherMeeting.id, title: 'To voksne i timerne', type: 'droeftelse', minutes: 15 });
    const next = (await textOf(await letter(services, meeting.id))).split('Det sker nu')[1] ?? '';

    // The school's own TRIO needs no school; another school's does.
    expect(next).toContain('Tages op i TRIO 1. december 2026');
    expect(next).toContain('Tages op i TRIO på Bøgely Skole 12. januar 2027');
    // One parked input without a note: the letter does not claim the why is written down.
    expect(next).toContain('Det venter vi med.');
    expect(next).not.toContain('vi har skrevet ned hvorfor');
  });

  it('indeholder ingen navne på arkivets personer eller de navne, der blev forsøgt skrevet', async () => {
    const { services, archive } = open();
    const { meeting } = await scenario(services);
    const buffer = await letter(services, meeting.id);
    const people = (archive.db.prepare('SELECT name FROM person').all() as { name: string }[]).map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Mette Lund', 'Jonas Holm', 'Zakaria Ibsen', 'Gudrun Vestergaard']));
    const names = new Set([...people, ...people.flatMap((name) => name.split(/\s+/)), ...TRIED]);
    const text = await textOf(buffer);
    // Every part of the package, not only the body: headers, footers, properties.
    const parts = [...(await partsOf(buffer)).values()].join('\n');
    for (const name of names) {
      const pattern = new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'iu');
      expect(text, name).not.toMatch(pattern);
      expect(parts, name).not.toMatch(pattern);
    }
  });

  it('temaernes overskrifter begynder med stort, også når temaet blev skrevet med småt som #tema', async () => {
    const { services } = open();
    const series = await must(services, 'listening.createSeries', { title: 'Lyttemøder om trivsel' });
    const meeting = await must(services, 'listening.planMeeting', { seriesId: series.id, school: 'Egeskolen', date: '2026-11-10', teacherGroup: 'Indskolingens lærere' });
    await must(services, 'listening.addInput', { meetingId: meeting.id, text: 'Frikvartererne er for korte til at løse konflikter.', themes: ['ærlighed', 'frikvarter'] });
    await must(services, 'listening.addInput', { meetingId: meeting.id, text: 'Vi mangler voksne i gården.', themes: ['frikvarter'] });
    await must(services, 'listening.markHeld', { meetingId: meeting.id, held: true, participantCount: 8 });
    const html = await htmlOf(await letter(services, meeting.id));
    expect(html).toMatch(/<h2>Frikvarter<\/h2>/);
    // The other themes after an input stay as typed: they are words inside a sentence, not headings.
    expect(html).toContain('(også: ærlighed)');
    expect(html).not.toMatch(/<h2>[a-zæøå]/);
  });

  it('et lyttemøde, der ligger ude i fremtiden, kan ikke markeres som afholdt', async () => {
    const { services } = open();
    const series = await must(services, 'listening.createSeries', { title: 'Lyttemøder om trivsel' });
    const later = await must(services, 'listening.planMeeting', { seriesId: series.id, school: 'Bøgely Skole', date: '2026-11-24', teacherGroup: 'Mellemtrinnets lærere' });
    const refused = await services.call('listening.markHeld', { meetingId: later.id, held: true, participantCount: null });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe(
      'Lyttemødet på Bøgely Skole er først 24. november 2026 og kan ikke markeres som afholdt før. Flyt datoen, hvis det blev holdt tidligere.',
    );
    expect((await must(services, 'listening.getMeeting', { meetingId: later.id })).meeting.heldAt).toBeNull();
    // Today's lyttemøde can be held, and moving a future one to today makes it so.
    await must(services, 'listening.updateMeeting', { meetingId: later.id, school: 'Bøgely Skole', date: '2026-11-20', teacherGroup: 'Mellemtrinnets lærere' });
    const held = await must(services, 'listening.markHeld', { meetingId: later.id, held: true, participantCount: 9 });
    expect(held.meeting.heldAt).not.toBeNull();
  });

  it('er på dansk med Words overskriftstyper og sidetal', async () => {
    const { services } = open();
    const { meeting } = await scenario(services);
    const parts = await partsOf(await letter(services, meeting.id));
    expect(part(parts, 'word/styles.xml')).toContain('w:lang w:val="da-DK"');
    expect(part(parts, 'word/document.xml')).toContain('w:pStyle w:val="Heading1"');
    expect([...parts.keys()].some((name) => /footer/.test(name) && /PAGE/.test(parts.get(name) ?? ''))).toBe(true);
  });

  it('et møde uden input giver stadig et brev, og et ukendt møde en dansk fejl', async () => {
    const { services } = open();
    const series = await must(services, 'listening.createSeries', { title: 'Lyttemøder' });
    const meeting = await must(services, 'listening.planMeeting', { seriesId: series.id, school: 'Egeskolen', date: '2026-11-10', teacherGroup: 'Alle lærere' });
    const text = await textOf(await letter(services, meeting.id));
    expect(text).toContain('Der er ikke skrevet input ned fra mødet.');
    expect(text).toContain('De besøgende');
    const missing = await services.call('documents.feedbackLetter', { meetingId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toBe('Lyttemødet findes ikke i arkivet. Måske er det slettet.');
  });
});
