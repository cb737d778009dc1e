import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { textOf } from './docx-readback';
import { must, tempArchivePath } from './support';

/**
 * The documents say what happened around an item: forvarsel given (when, to whom), who consented to a late
 * item and when, and where the item stands in its sag; what is missing is flagged in the full dagsorden.
 */
const NOW = new Date(2026, 11, 1, 9, 0);
const opened: Services[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

async function scenario() {
  const services = createServices({ ...createContext(openArchive(tempArchivePath()), 'test'), now: () => NOW });
  opened.push(services);
  const council = await must(services, 'forums.create', { kind: 'udviklingsraad', name: 'Udviklingsrådet', school: 'Bøgely Skole' });
  const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });

  // The matter is raised in the udviklingsråd and decided in the TRIO in November.
  const raised = await must(services, 'meetings.create', { forumId: council.id, title: 'Udviklingsråd oktober', startsAt: '2026-10-20T15:00', durationMinutes: 90 });
  const raisedItem = await must(services, 'agenda.addItem', { meetingId: raised.id, title: 'Vikardækning i indskolingen', type: 'droeftelse', minutes: 20 });
  await must(services, 'run.end', { meetingId: raised.id });
  const decided = await must(services, 'meetings.create', { forumId: trio.id, title: 'TRIO november', startsAt: '2026-11-17T14:00', durationMinutes: 90 });
  const decidedItem = await must(services, 'agenda.addItem', {
    meetingId: decided.id,
    title: 'Vikardækning: faste vikarer',
    type: 'beslutning',
    minutes: 15,
    announcedColour: 'gul',
  });
  await must(services, 'decisions.record', { itemId: decidedItem.id, colour: 'gul', text: 'Vikartimerne samles hos to faste vikarer fra januar.', decidedBy: 'Skolelederen' });
  await must(services, 'decisions.finalize', { itemId: decidedItem.id });
  await must(services, 'run.end', { meetingId: decided.id });
  await must(services, 'sager.link', { itemId: decidedItem.id, earlierItemId: raisedItem.id });

  // The December TRIO follows up, with a sensitive item briefed, one not yet, and two late items.
  const meeting = await must(services, 'meetings.create', { forumId: trio.id, title: 'TRIO december', startsAt: '2026-12-08T14:00', durationMinutes: 90 });
  const followUp = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Status på de faste vikarer', type: 'orientering', minutes: 10, owner: 'Mette Lund' });
  const sag = await must(services, 'sager.link', { itemId: followUp.id, earlierItemId: decidedItem.id });
  await must(services, 'sager.rename', { sagId: sag.sag.id, title: 'Vikardækning' });
  const briefed = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Ændret mødeplan for pædagogerne', type: 'droeftelse', minutes: 15, sensitive: true });
  await must(services, 'agenda.confirmForvarsel', { itemId: briefed.id, note: 'TR for pædagogerne orienteret mandag.' });
  await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Omplacering i SFO', type: 'droeftelse', minutes: 10, sensitive: true });
  await must(services, 'meetings.markAgendaSent', { meetingId: meeting.id });
  const lateAgreed = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Juleafslutning', type: 'orientering', minutes: 5 });
  await must(services, 'agenda.recordConsent', { itemId: lateAgreed.id, consentBy: 'Jonas Holm (TR)' });
  await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Kopimaskinen', type: 'orientering', minutes: 5 });
  return { services, meeting };
}

const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

describe('dagsorden og referat siger, hvad der skete omkring et punkt', () => {
  it('den fulde dagsorden siger, hvornår forvarsel og samtykke blev givet, og markerer det, der mangler', async () => {
    const { services, meeting } = await scenario();
    const full = await textOf(Buffer.from((await must(services, 'documents.dagsorden', { meetingId: meeting.id, variant: 'fuld' })).base64, 'base64'));

    expect(section(full, '2. Ændret mødeplan', '3. Omplacering')).toContain('Forvarsel givet 1. december 2026: TR for pædagogerne orienteret mandag.');
    expect(section(full, '3. Omplacering', '4. Juleafslutning')).toContain('⚠ Forvarsel mangler: den anden part er ikke bekræftet orienteret før mødet.');
    expect(section(full, '4. Juleafslutning', '5. Kopimaskinen')).toContain(
      'Sat på dagsordenen efter udsendelsen, med samtykke fra Jonas Holm (TR) 1. december 2026.',
    );
    expect(full.slice(full.indexOf('5. Kopimaskinen'))).toContain(
      '⚠ Sat på dagsordenen efter udsendelsen, uden registreret samtykke fra medejeren af dagsordenen.',
    );
    expect(section(full, '1. Status', '2. Ændret')).toContain(
      'Del af sagen «Vikardækning». Tidligere: rejst første gang og drøftet i Udviklingsrådet 20. oktober 2026; besluttet (gul) i TRIO 17. november 2026.',
    );

    // The version sent out keeps the sag line but not who was briefed or who consented.
    const shared = await textOf(Buffer.from((await must(services, 'documents.dagsorden', { meetingId: meeting.id, variant: 'delt' })).base64, 'base64'));
    expect(shared).toContain('Del af sagen «Vikardækning». Tidligere:');
    expect(shared).not.toContain('Forvarsel');
    expect(shared).not.toContain('samtykke');
  });

  it('referatet siger det samme, i begge versioner', async () => {
    const { services, meeting } = await scenario();
    await must(services, 'run.end', { meetingId: meeting.id });
    for (const variant of ['fuld', 'delt'] as const) {
      const doc = await must(services, 'documents.referat', { meetingId: meeting.id, variant });
      const text = await textOf(Buffer.from(doc.base64, 'base64'));
      expect(text, variant).toContain('Del af sagen «Vikardækning». Tidligere: rejst første gang og drøftet i Udviklingsrådet 20. oktober 2026; besluttet (gul) i TRIO 17. november 2026.');
      expect(text, variant).toContain('Forvarsel givet 1. december 2026: TR for pædagogerne orienteret mandag.');
      expect(text, variant).toContain('⚠ Forvarsel mangler');
      expect(text, variant).toContain('med samtykke fra Jonas Holm (TR) 1. december 2026.');
      expect(text, variant).toContain('⚠ Sat på dagsordenen efter udsendelsen, uden registreret samtykke');
    }
  });

  it('indlæsningens svar nævner hvert punkt, der mangler forvarsel eller samtykke', async () => {
    const { services, meeting } = await scenario();
    const file = await must(services, 'exchange.export', { scope: 'moede', id: meeting.id, variant: 'fuld' });
    const elsewhere = createServices({ ...createContext(openArchive(tempArchivePath()), 'test'), now: () => NOW });
    opened.push(elsewhere);
    const answer = await must(elsewhere, 'exchange.import', { base64: file.base64 });
    expect(answer.unmetNorms).toEqual([
      'TRIO december 8. december 2026, punkt 3 «Omplacering i SFO»: forvarsel er ikke givet.',
      'TRIO december 8. december 2026, punkt 5 «Kopimaskinen»: kom på efter udsendelsen uden samtykke.',
    ]);
    // Once seen to, the same meeting imports without a word about it.
    const items = (await must(services, 'meetings.get', { meetingId: meeting.id })).items;
    await must(services, 'agenda.confirmForvarsel', { itemId: items[2]!.id, note: '' });
    await must(services, 'agenda.recordConsent', { itemId: items[4]!.id, consentBy: 'Mette Lund (skoleleder)' });
    const again = await must(services, 'exchange.export', { scope: 'moede', id: meeting.id, variant: 'fuld' });
    expect((await must(elsewhere, 'exchange.import', { base64: again.base64 })).unmetNorms).toEqual([]);
  });

  it('et punkt, der rejser en sag, siger at det er første gang', async () => {
    const { services } = await scenario();
    const [raised] = (await must(services, 'meetings.list', {})).filter((m) => m.title === 'Udviklingsråd oktober');
    const doc = await must(services, 'documents.referat', { meetingId: raised!.id, variant: 'fuld' });
    expect(await textOf(Buffer.from(doc.base64, 'base64'))).toContain('Del af sagen «Vikardækning». Første gang sagen er på en dagsorden.');
  });
});

describe('et godkendt referat om et punkt i en sag', () => {
  async function approvedDecember() {
    const { services, meeting } = await scenario();
    const forumId = (await must(services, 'meetings.get', { meetingId: meeting.id })).forumId;
    const owner = await must(services, 'members.add', { forumId, name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-01-01', agendaOwner: true, chair: true });
    await must(services, 'run.end', { meetingId: meeting.id });
    await must(services, 'referat.approve', { meetingId: meeting.id, personId: owner.personId });
    const followUp = (await must(services, 'meetings.get', { meetingId: meeting.id })).items[0]!;
    return { services, meeting, followUp };
  }
  const referatText = async (services: Services, meetingId: string, variant: 'fuld' | 'delt') =>
    textOf(Buffer.from((await must(services, 'documents.referat', { meetingId, variant })).base64, 'base64'));

  it('kan stadig hentes, når sagen siden er opløst, og siger det under sagens godkendte navn', async () => {
    const { services, meeting, followUp } = await approvedDecember();
    // The held meetings' items leave the sag; with the locked December item alone, the sag is dissolved.
    const sagId = followUp.sag!.id;
    for (const entry of (await must(services, 'sager.get', { sagId })).entries) {
      if (entry.meetingId !== meeting.id) await services.call('sager.unlink', { itemId: entry.itemId });
    }
    expect((await services.call('sager.get', { sagId })).ok).toBe(false);
    for (const variant of ['fuld', 'delt'] as const) {
      expect(await referatText(services, meeting.id, variant), variant).toContain('Del af sagen «Vikardækning». Sagen findes ikke længere i arkivet.');
    }
  });

  it('følger punktet, når sagen er lagt sammen med en anden', async () => {
    const { services, meeting } = await approvedDecember();
    // An older sag in the udviklingsråd swallows «Vikardækning» when its first item is linked to it.
    const council = (await must(services, 'forums.list', {})).find((f) => f.name === 'Udviklingsrådet')!;
    const item = async (title: string, startsAt: string) => {
      const held = await must(services, 'meetings.create', { forumId: council.id, title, startsAt, durationMinutes: 90 });
      return must(services, 'agenda.addItem', { meetingId: held.id, title: 'Vikarbudget', type: 'droeftelse', minutes: 15 });
    };
    const august = await item('Udviklingsråd august', '2026-08-18T15:00');
    const september = await item('Udviklingsråd september', '2026-09-15T15:00');
    await must(services, 'sager.link', { itemId: september.id, earlierItemId: august.id });
    const october = (await must(services, 'meetings.list', {})).find((m) => m.title === 'Udviklingsråd oktober')!;
    const raised = (await must(services, 'meetings.get', { meetingId: october.id })).items[0]!;
    await must(services, 'sager.link', { itemId: raised.id, earlierItemId: september.id });
    const text = await referatText(services, meeting.id, 'fuld');
    expect(text).toMatch(/Del af sagen «[^»]+»\. Tidligere: [^\n]*Udviklingsrådet 18\. august 2026[^\n]*besluttet \(gul\) i TRIO 17\. november 2026\./);
  });
});

describe('givet og til diskussion meldes ud, mens punktet forberedes', () => {
  it('står på dagsordenen og projektoren, følger med i udvekslingsfilen, og et lukket punkt viser dem ikke', async () => {
    const services = createServices({ ...createContext(openArchive(tempArchivePath()), 'test'), now: () => NOW });
    opened.push(services);
    const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });
    const meeting = await must(services, 'meetings.create', { forumId: trio.id, title: 'TRIO december', startsAt: '2026-12-08T14:00', durationMinutes: 90 });
    const given = 'Rammen er 45 minutter om ugen pr. team.';
    const open = 'Hvornår på ugen tiden ligger, og hvordan pædagogerne kan være med.';
    const item = await must(services, 'agenda.addItem', {
      meetingId: meeting.id,
      title: 'Fælles forberedelsestid',
      type: 'beslutning',
      minutes: 25,
      announcedColour: 'groen',
      announcedGiven: given,
      announcedOpen: open,
    });
    expect(item).toMatchObject({ announcedGiven: given, announcedOpen: open });
    const closed = await must(services, 'agenda.addItem', {
      meetingId: meeting.id,
      title: 'Personalesag',
      type: 'orientering',
      minutes: 5,
      confidential: true,
      announcedGiven: 'Ledelsens beslutning om en medarbejder.',
    });

    for (const variant of ['fuld', 'delt'] as const) {
      const text = await textOf(Buffer.from((await must(services, 'documents.dagsorden', { meetingId: meeting.id, variant })).base64, 'base64'));
      expect(section(text, '1. Fælles', '2. '), variant).toContain(`Givet: ${given}`);
      expect(section(text, '1. Fælles', '2. '), variant).toContain(`Til diskussion: ${open}`);
      if (variant === 'delt') expect(text).not.toContain('Ledelsens beslutning om en medarbejder');
    }

    // On the projector with the item, and never for a closed item the facilitator has not chosen to show.
    await must(services, 'run.start', { meetingId: meeting.id });
    await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: item.id });
    expect((await must(services, 'run.presenter', { meetingId: meeting.id })).item).toMatchObject({ announcedGiven: given, announcedOpen: open });
    await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: closed.id });
    expect((await must(services, 'run.presenter', { meetingId: meeting.id })).item).toMatchObject({ hidden: true, announcedGiven: '', announcedOpen: '' });

    // An update that leaves them out clears them, as any other optional field: the editor always sends them.
    const edited = await must(services, 'agenda.updateItem', { itemId: item.id, title: 'Fælles forberedelsestid', type: 'beslutning', minutes: 25, announcedColour: 'groen', announcedGiven: given, announcedOpen: '' });
    expect(edited).toMatchObject({ announcedGiven: given, announcedOpen: '' });

    const file = await must(services, 'exchange.export', { scope: 'moede', id: meeting.id, variant: 'fuld' });
    const elsewhere = createServices({ ...createContext(openArchive(tempArchivePath()), 'test'), now: () => NOW });
    opened.push(elsewhere);
    await must(elsewhere, 'exchange.import', { base64: file.base64 });
    const copy = await must(elsewhere, 'meetings.get', { meetingId: meeting.id });
    expect(copy.items[0]).toMatchObject({ announcedGiven: given, announcedOpen: '' });
  });
});
