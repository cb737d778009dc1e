import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/dispatch';
import type { AgendaItem, GeneratedDocument } from '../../shared/api/types';
import { textOf, partsOf } from './docx-readback';
import { must, seedListening, servicesOn } from './support';

/**
 * The four ways confidential text reached shared artefacts,
 * each tried the way a user or an attacker would, through dispatch, reading the real .docx back.
 */

const SECRET_TITLE = 'Personalesag i indskolingen';

/** The demo: a held TRIO meeting with a confidential item, and the forum's next meeting. */
async function demo(services: Services) {
  await must(services, 'demo.install', {});
  const meetings = await must(services, 'meetings.list', {});
  const heldSummary = meetings.find((m) => m.status === 'afholdt');
  const nextSummary = meetings.find((m) => m.status !== 'afholdt');
  if (!heldSummary || !nextSummary) throw new Error('Demoen mangler sine to møder.');
  const held = await must(services, 'meetings.get', { meetingId: heldSummary.id });
  const secret = held.items.find((i) => i.confidential);
  if (!secret || secret.title !== SECRET_TITLE) throw new Error('Demoen mangler sit lukkede punkt.');
  return { held, next: await must(services, 'meetings.get', { meetingId: nextSummary.id }), secret };
}

/** Saves an item with some of its fields changed, as the item form does (it always sends every field). */
function updateItem(services: Services, item: AgendaItem, change: Partial<Pick<AgendaItem, 'title' | 'background' | 'confidential' | 'sensitive'>>) {
  const { id, title, type, minutes, announcedColour, owner, background, confidential, sensitive } = { ...item, ...change };
  return must(services, 'agenda.updateItem', { itemId: id, title, type, minutes, announcedColour, owner, background, confidential, sensitive });
}

/** Everything a reader of the file can reach: the text and every part of the package. */
async function everythingIn(doc: GeneratedDocument): Promise<string> {
  const buffer = Buffer.from(doc.base64, 'base64');
  const parts = [...(await partsOf(buffer)).values()].join('\n');
  return `${doc.fileName}\n${await textOf(buffer)}\n${parts}`;
}

async function sharedArtefacts(services: Services, heldId: string, nextId: string): Promise<Record<string, string>> {
  return {
    'dagsorden til udsendelse (næste møde)': await everythingIn(await must(services, 'documents.dagsorden', { meetingId: nextId, variant: 'delt' })),
    'delt referat': await everythingIn(await must(services, 'documents.referat', { meetingId: heldId, variant: 'delt' })),
    'delt referat (næste møde)': await everythingIn(await must(services, 'documents.referat', { meetingId: nextId, variant: 'delt' })),
    personaleresumé: await everythingIn(await must(services, 'documents.staffSummary', { meetingId: heldId })),
    'personaleresumé som tekst': (await must(services, 'documents.staffText', { meetingId: heldId })).text,
  };
}

function expectNoneContain(artefacts: Record<string, string>, secrets: readonly string[]): void {
  for (const [name, text] of Object.entries(artefacts)) {
    for (const secret of secrets) expect(text, `${name} nævner «${secret}»`).not.toContain(secret);
  }
}

describe('lukkede punkter forbliver lukkede', () => {
  it('rute 1: «Opfølgning fra sidst» på den udsendte dagsorden viser ikke handlinger (eller delte handlinger) fra et lukket punkt', async () => {
    const services = servicesOn();
    const { held, next, secret } = await demo(services);
    const action = await must(services, 'actions.create', {
      itemId: secret.id,
      what: 'Tjenstlig samtale med Birgitte om fraværet',
      who: 'Mette Lund',
      due: null,
    });
    await must(services, 'actions.split', {
      actionId: action.id,
      parts: [
        { what: 'Indkalde Birgitte med bisidder', who: 'Mette Lund', due: null },
        { what: 'Partshøring om advarslen', who: 'Mette Lund', due: null },
      ],
    });

    const sent = await everythingIn(await must(services, 'documents.dagsorden', { meetingId: next.id, variant: 'delt' }));
    for (const secretText of ['Birgitte', 'Partshøring']) expect(sent).not.toContain(secretText);
    expect(sent).toContain('Opfølgning fra sidst');
    // The open action of an ordinary item is still there.
    expect(sent).toContain('Finde en løsning for pædagogernes deltagelse');

    const full = await textOf(Buffer.from((await must(services, 'documents.dagsorden', { meetingId: next.id, variant: 'fuld' })).base64, 'base64'));
    expect(full).toContain('Indkalde Birgitte med bisidder');
    expectNoneContain(await sharedArtefacts(services, held.id, next.id), ['Birgitte', 'Partshøring', SECRET_TITLE]);
  });

  it('rute 2: en handling fra et fjernet lukket punkt bliver ikke til en handling for hele mødet i de delte dokumenter og søgningen', async () => {
    const services = servicesOn();
    const { held, next, secret } = await demo(services);
    const action = await must(services, 'actions.create', { itemId: secret.id, what: 'Afskedigelsesvarsel til Kirsten', who: 'Mette Lund', due: null });
    await must(services, 'actions.update', { actionId: action.id, status: 'igang', note: 'Kirsten har fået partshøringen.' });
    await must(services, 'agenda.removeItem', { itemId: secret.id });

    const after = await must(services, 'meetings.get', { meetingId: held.id });
    expect(after.otherActions.map((a) => a.what)).toContain('Afskedigelsesvarsel til Kirsten');

    expectNoneContain(await sharedArtefacts(services, held.id, next.id), ['Kirsten', 'Afskedigelsesvarsel']);
    const search = await must(services, 'search.query', { text: 'Kirsten', includeConfidential: false });
    expect(search.hits).toEqual([]);
    const withSwitch = await must(services, 'search.query', { text: 'Kirsten', includeConfidential: true });
    expect(withSwitch.hits.map((h) => h.kind)).toContain('action');
  });

  it('en handling fra et fjernet lukket punkt forbliver lukket, når arkivet flyttes med en udvekslingsfil', async () => {
    const source = servicesOn();
    const { held, secret } = await demo(source);
    await must(source, 'actions.create', { itemId: secret.id, what: 'Afskedigelsesvarsel til Kirsten', who: 'Mette Lund', due: null });
    await must(source, 'agenda.removeItem', { itemId: secret.id });
    const file = await must(source, 'exchange.export', { scope: 'arkiv' });

    const target = servicesOn();
    await must(target, 'exchange.import', { base64: file.base64 });
    const meetings = await must(target, 'meetings.list', { forumId: held.forumId });
    const next = meetings.find((m) => m.id !== held.id);
    if (!next) throw new Error('Det kommende møde kom ikke med.');
    const moved = await must(target, 'meetings.get', { meetingId: held.id });
    expect(moved.otherActions.find((a) => a.what.includes('Kirsten'))?.confidential).toBe(true);
    expectNoneContain(await sharedArtefacts(target, held.id, next.id), ['Kirsten', 'Afskedigelsesvarsel']);
    expect((await must(target, 'search.query', { text: 'Kirsten', includeConfidential: false })).hits).toEqual([]);
  });

  it('en besked om et lukket punkt nævner ikke dets titel, for facilitatorens skærm kan ses på projektoren', async () => {
    const services = servicesOn();
    const { held, secret } = await demo(services);
    const before = held.items.find((i) => i.position < secret.position);
    if (!before) throw new Error('Demoen mangler et punkt før det lukkede.');
    const refused = await services.call('run.takeMinutes', { itemId: before.id, fromItemId: secret.id, minutes: secret.minutes });
    expect(refused).toMatchObject({ ok: false, error: { field: 'minutes' } });
    expect(JSON.stringify(refused)).toContain('Lukket punkt');
    expect(JSON.stringify(refused)).not.toContain(SECRET_TITLE);
  });

  it('rute 3: referatets versionstabel nævner ikke lukkede punkter, heller ikke korte, omdøbte eller fjernede', async () => {
    const services = servicesOn();
    const { held, secret } = await demo(services);
    const { coOwners } = await must(services, 'referat.get', { meetingId: held.id });
    const approve = async () => {
      for (const c of coOwners) await must(services, 'referat.approve', { meetingId: held.id, personId: c.personId });
    };
    const rename = (title: string) => updateItem(services, secret, { title });
    await approve();
    await must(services, 'referat.newVersion', { meetingId: held.id, reason: 'Titlen på et punkt var forkert' });
    await rename('Samtale om Xylofon-kollegaen');
    await approve();
    await must(services, 'referat.newVersion', { meetingId: held.id, reason: 'Titlen skulle være kortere' });
    await rename('Ulf');
    await approve();
    await must(services, 'referat.newVersion', { meetingId: held.id, reason: 'Punktet hørte ikke til referatet' });
    await must(services, 'agenda.removeItem', { itemId: secret.id });
    await approve();

    const state = await must(services, 'referat.get', { meetingId: held.id });
    expect(state.versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
    const shared = await textOf(Buffer.from((await must(services, 'documents.referat', { meetingId: held.id, variant: 'delt' })).base64, 'base64'));
    expect(shared).toContain('Versioner');
    expect(shared).toContain('Titlen skulle være kortere');
    for (const secretText of ['Xylofon', '«Ulf»', 'Personalesag']) expect(shared).not.toContain(secretText);
    expect(shared).toContain('Ændring i et lukket punkt.');
    const full = await textOf(Buffer.from((await must(services, 'documents.referat', { meetingId: held.id, variant: 'fuld' })).base64, 'base64'));
    expect(full).toContain('«Ulf» er fjernet');
  });

  it('rute 4: en sag får aldrig et lukket punkts titel, og sagens forløb uden kontakten viser ikke skjulte titler', async () => {
    const services = servicesOn();
    const { next, secret } = await demo(services);
    const followUp = await must(services, 'agenda.addItem', { meetingId: next.id, title: 'Arbejdsmiljø i indskolingen', type: 'droeftelse', minutes: 10 });
    const linked = await must(services, 'sager.link', { itemId: followUp.id, earlierItemId: secret.id });
    expect(linked.sag.title).not.toContain('Personalesag');
    expect(linked.sag.title).toBe('Arbejdsmiljø i indskolingen');

    const timeline = await must(services, 'sager.get', { sagId: linked.sag.id, includeConfidential: false });
    expect(JSON.stringify(timeline)).not.toContain('Personalesag');
    const hidden = timeline.entries.find((e) => e.itemId === secret.id);
    expect(hidden).toMatchObject({ hidden: true, itemTitle: 'Lukket punkt', notes: '', actions: [] });
    const open = await must(services, 'sager.get', { sagId: linked.sag.id, includeConfidential: true });
    expect(open.entries.find((e) => e.itemId === secret.id)?.itemTitle).toBe(SECRET_TITLE);

    // Two confidential items start a sag with a neutral name.
    const secondSecret = await must(services, 'agenda.addItem', {
      meetingId: next.id,
      title: 'Opfølgning på personalesagen',
      type: 'orientering',
      minutes: 5,
      confidential: true,
    });
    const third = await must(services, 'meetings.create', { forumId: next.forumId, title: 'Ekstra møde', startsAt: '2027-09-01T14:00', durationMinutes: 60 });
    const thirdSecret = await must(services, 'agenda.addItem', { meetingId: third.id, title: 'Personalesagen, afslutning', type: 'orientering', minutes: 5, confidential: true });
    const bothClosed = await must(services, 'sager.link', { itemId: thirdSecret.id, earlierItemId: secondSecret.id });
    expect(bothClosed.sag.title).toBe('Sag om lukkede punkter');
  });

  it('projektoren viser et lukket punkt som «Lukket punkt» uden farve og uden oplæsning, indtil facilitator vælger at vise det', async () => {
    const services = servicesOn();
    const { next } = await demo(services);
    const secret = await must(services, 'agenda.addItem', {
      meetingId: next.id,
      title: 'Sygefravær hos Henrik',
      type: 'beslutning',
      minutes: 10,
      announcedColour: 'roed',
      confidential: true,
    });
    await must(services, 'run.start', { meetingId: next.id });
    await must(services, 'run.goTo', { meetingId: next.id, phase: 'punkt', itemId: secret.id });
    await must(services, 'decisions.record', { itemId: secret.id, colour: 'roed', text: 'Henrik får nedsat tid' });
    await must(services, 'decisions.readBack', { itemId: secret.id });
    const shown = await must(services, 'run.presenter', { meetingId: next.id });
    expect(JSON.stringify(shown)).not.toContain('Henrik');
    expect(shown.item).toMatchObject({ title: 'Lukket punkt', colour: null, hidden: true });
    expect(shown.readback).toBeNull();
    await must(services, 'run.showConfidential', { meetingId: next.id, show: true });
    expect((await must(services, 'run.presenter', { meetingId: next.id })).item).toMatchObject({ title: 'Sygefravær hos Henrik', hidden: false });
  });

  it('tidligere punkter til en sag viser uden kontakten ingen lukkede titler, og en søgning på en lukket titel finder intet', async () => {
    const services = servicesOn();
    const { next, secret } = await demo(services);
    const item = await must(services, 'agenda.addItem', { meetingId: next.id, title: 'Trivsel', type: 'droeftelse', minutes: 10 });
    const all = await must(services, 'sager.candidates', { itemId: item.id, includeConfidential: false });
    expect(all.find((c) => c.itemId === secret.id)).toMatchObject({ itemTitle: 'Lukket punkt', confidential: true });
    expect(JSON.stringify(all)).not.toContain('Personalesag');
    expect(await must(services, 'sager.candidates', { itemId: item.id, text: 'Personalesag', includeConfidential: false })).toEqual([]);
    const owners = await must(services, 'sager.candidates', { itemId: item.id, text: 'Personalesag', includeConfidential: true });
    expect(owners.map((c) => c.itemTitle)).toEqual([SECRET_TITLE]);
  });

  it('et parkeret lukket punkt og dets handling forbliver lukkede på næste møde; at åbne punktet åbner også dets handlinger', async () => {
    const services = servicesOn();
    const { held, next, secret } = await demo(services);
    await must(services, 'actions.create', { itemId: secret.id, what: 'Tale med Gitte om skånejob', who: 'Mette Lund', due: null });
    // A reason for a new version that names the closed item is itself confidential.
    const { coOwners } = await must(services, 'referat.get', { meetingId: held.id });
    for (const c of coOwners) await must(services, 'referat.approve', { meetingId: held.id, personId: c.personId });
    await must(services, 'referat.newVersion', { meetingId: held.id, reason: `Rettelse i ${SECRET_TITLE}` });
    await must(services, 'run.park', { itemId: secret.id });
    const carried = (await must(services, 'meetings.get', { meetingId: next.id })).items.find((i) => i.carriedFromItemId === secret.id);
    expect(carried?.confidential).toBe(true);
    expectNoneContain(await sharedArtefacts(services, held.id, next.id), ['Gitte', 'Personalesag']);

    const opened = await updateItem(services, secret, { title: 'Arbejdsmiljø i indskolingen', background: '', confidential: false, sensitive: false });
    expect(opened.actions.map((a) => [a.what, a.confidential])).toEqual([['Tale med Gitte om skånejob', false]]);
    const sent = await everythingIn(await must(services, 'documents.dagsorden', { meetingId: next.id, variant: 'delt' }));
    expect(sent).toContain('Tale med Gitte om skånejob');
  });

  it('mødets udvekslingsfil siger, at den er fortrolig; delingsudgaven har intet fra lukkede punkter og kan indlæses', async () => {
    const services = servicesOn();
    const { held, secret } = await demo(services);
    await must(services, 'actions.create', { itemId: secret.id, what: 'Samtale med Jørgen om advarslen', who: 'Mette Lund', due: null });
    const full = await must(services, 'exchange.export', { scope: 'moede', id: held.id });
    expect(full.fileName).toMatch(/-fortroligt\.json$/);
    expect(Buffer.from(full.base64, 'base64').toString('utf8')).toContain('Jørgen');

    const shared = await must(services, 'exchange.export', { scope: 'moede', id: held.id, variant: 'delt' });
    expect(shared.fileName).toMatch(/-delt\.json$/);
    const text = Buffer.from(shared.base64, 'base64').toString('utf8');
    for (const secretText of ['Jørgen', 'Personalesag', secret.background]) expect(text).not.toContain(secretText);
    expect(text).toContain('Ny model for tilsyn i frikvartererne');

    const elsewhere = servicesOn();
    expect(await must(elsewhere, 'exchange.import', { content: text })).toMatchObject({ meetings: 1 });
    // Read back where it came from, it takes nothing away from the closed item.
    await must(services, 'exchange.import', { content: text });
    const after = await must(services, 'meetings.get', { meetingId: held.id });
    expect(after.items.find((i) => i.id === secret.id)).toMatchObject({ title: SECRET_TITLE, background: secret.background });
    expect(await services.call('exchange.export', { scope: 'forum', id: held.forumId, variant: 'delt' })).toMatchObject({
      ok: false,
      error: { field: 'variant' },
    });
  });

  it('et input fra et lyttemøde sendt til et punkt, der siden er lukket: tilbagemeldingsbrevet siger ikke, hvor det tages op', async () => {
    const services = servicesOn();
    const { next } = await demo(services);
    const { meeting, input } = await seedListening(services);
    await must(services, 'listening.sortInput', { inputId: input.id, destination: 'lokalt', note: 'Ledelsen ser på det.' });
    const sent = await must(services, 'listening.sendInput', { inputId: input.id, meetingId: next.id, title: 'Vikartimer og forberedelse', type: 'droeftelse', minutes: 15 });
    const before = await textOf(Buffer.from((await must(services, 'documents.feedbackLetter', { meetingId: meeting.id })).base64, 'base64'));
    expect(before).toContain('Tages op i TRIO');

    const item = (await must(services, 'meetings.get', { meetingId: next.id })).items.find((i) => i.id === sent.sentTo?.itemId);
    if (!item) throw new Error('Punktet fra lyttemødet mangler.');
    await updateItem(services, item, { confidential: true, sensitive: false });
    const after = await textOf(Buffer.from((await must(services, 'documents.feedbackLetter', { meetingId: meeting.id })).base64, 'base64'));
    expect(after).not.toContain('Tages op i TRIO');
    expect(after).toContain('Forberedelsestiden forsvinder i vikartimer.');
    // The visitors' own screens keep the meeting it went to, never the closed title; nor does a second send.
    const screens = [
      await must(services, 'listening.getMeeting', { meetingId: meeting.id }),
      await must(services, 'listening.overview', { seriesId: meeting.seriesId }),
    ];
    for (const screen of screens) expect(JSON.stringify(screen)).not.toContain('Vikartimer og forberedelse');
    expect(JSON.stringify(screens[0])).toContain(next.id);
    const again = await services.call('listening.sendInput', { inputId: input.id, meetingId: next.id, title: 'Igen', type: 'droeftelse', minutes: 5 });
    expect(again.ok).toBe(false);
    expect(JSON.stringify(again)).not.toContain('Vikartimer og forberedelse');
  });

  it('en sag opkaldt efter et punkt, der siden lukkes, skifter navn; et navn brugerne selv har valgt bliver', async () => {
    const services = servicesOn();
    const { held, next } = await demo(services);
    const earlier = held.items.find((i) => i.title === 'Trivsel og sygefravær i indskolingen');
    if (!earlier) throw new Error('Demoens punkt om sygefravær mangler.');
    const later = await must(services, 'agenda.addItem', { meetingId: next.id, title: 'Fraværstallene', type: 'droeftelse', minutes: 10 });
    const { sag } = await must(services, 'sager.link', { itemId: later.id, earlierItemId: earlier.id });
    expect(sag.title).toBe(earlier.title);
    const close = (item: typeof earlier) => updateItem(services, item, { confidential: true, sensitive: false });
    // The held meeting's referat is not approved, so the item can still be changed.
    await close(earlier);
    const renamed = await must(services, 'sager.get', { sagId: sag.id, includeConfidential: true });
    expect(renamed.title).toBe('Fraværstallene');
    const shown = await must(services, 'sager.get', { sagId: sag.id });
    expect(JSON.stringify(shown)).not.toContain('sygefravær');
    await must(services, 'sager.rename', { sagId: sag.id, title: 'Fravær i indskolingen' });
    await close(later);
    expect((await must(services, 'sager.get', { sagId: sag.id })).title).toBe('Fravær i indskolingen');
  });
  it('en linje i versionstabellen, skrevet mens punktet var åbent, nævner ikke punktet, når det siden er lukket', async () => {
    const services = servicesOn();
    const { held } = await demo(services);
    const item = held.items.find((i) => i.title === 'Trivsel og sygefravær i indskolingen');
    if (!item) throw new Error('Demoens punkt om sygefravær mangler.');
    const { coOwners } = await must(services, 'referat.get', { meetingId: held.id });
    const approve = async () => {
      for (const c of coOwners) await must(services, 'referat.approve', { meetingId: held.id, personId: c.personId });
    };
    const update = (title: string, confidential: boolean) => updateItem(services, item, { title, confidential });
    await approve();
    await must(services, 'referat.newVersion', { meetingId: held.id, reason: 'Titlen var for bred' });
    await update('Sygefravær hos Birgitte', false);
    await approve();
    await must(services, 'referat.newVersion', { meetingId: held.id, reason: 'Punktet handler om én medarbejder' });
    await update('Sygefravær hos Birgitte', true);
    await approve();

    const full = await textOf(Buffer.from((await must(services, 'documents.referat', { meetingId: held.id, variant: 'fuld' })).base64, 'base64'));
    expect(full).toContain('«Sygefravær hos Birgitte»: titlen er ændret');
    const shared = await textOf(Buffer.from((await must(services, 'documents.referat', { meetingId: held.id, variant: 'delt' })).base64, 'base64'));
    expect(shared).not.toContain('Birgitte');
    expect(shared).toContain('Ændring i et lukket punkt.');
    expect(shared).toContain('Titlen var for bred');
  });

  it('en ældre udvekslingsfil, hvor punktet endnu var åbent, åbner ikke et lukket punkt eller dets handlinger igen', async () => {
    const services = servicesOn();
    const { held, next } = await demo(services);
    const item = held.items.find((i) => i.title === 'Trivsel og sygefravær i indskolingen');
    if (!item) throw new Error('Demoens punkt om sygefravær mangler.');
    const older = await must(services, 'exchange.export', { scope: 'moede', id: held.id });
    await must(services, 'actions.create', { itemId: item.id, what: 'Samtale med Birgitte om fraværet', who: 'Mette Lund', due: null });
    await updateItem(services, item, { confidential: true });
    await must(services, 'exchange.import', { base64: older.base64 });

    const after = await must(services, 'meetings.get', { meetingId: held.id });
    expect(after.items.find((i) => i.id === item.id)?.confidential).toBe(true);
    expect(await everythingIn(await must(services, 'documents.dagsorden', { meetingId: next.id, variant: 'delt' }))).not.toContain('Birgitte');
    const found = await must(services, 'search.query', { text: 'Birgitte', includeConfidential: false });
    expect(JSON.stringify(found)).not.toContain('Birgitte');
  });

  it('et punkt, der lukkes, efter at det er parkeret og sat på næste dagsorden, er også lukket dér', async () => {
    const services = servicesOn();
    const { next } = await demo(services);
    const item = await must(services, 'agenda.addItem', {
      meetingId: next.id,
      title: 'Klage over Birgittes undervisning',
      type: 'droeftelse',
      minutes: 10,
      background: 'Forældrene i 2.b har skrevet til ledelsen.',
    });
    await must(services, 'run.park', { itemId: item.id });
    const january = await must(services, 'meetings.create', { forumId: next.forumId, title: 'TRIO-møde januar', startsAt: '2027-01-20T14:00', durationMinutes: 90 });
    const february = await must(services, 'meetings.create', { forumId: next.forumId, title: 'TRIO-møde februar', startsAt: '2027-02-17T14:00', durationMinutes: 90 });
    const copy = (await must(services, 'meetings.get', { meetingId: january.id })).items.find((i) => i.carriedFromItemId === item.id);
    if (!copy) throw new Error('Det parkerede punkt kom ikke på næste dagsorden.');
    // Parked again in January: the matter now stands on two later agendas.
    await must(services, 'run.park', { itemId: copy.id });
    await must(services, 'actions.create', { itemId: copy.id, what: 'Samtale med Birgitte', who: 'Mette Lund', due: null });

    await updateItem(services, item, { confidential: true });
    for (const meeting of [january, february]) {
      const sent = await everythingIn(await must(services, 'documents.dagsorden', { meetingId: meeting.id, variant: 'delt' }));
      expect(sent).not.toContain('Birgitte');
      expect(sent).not.toContain('Forældrene i 2.b');
      const full = await textOf(Buffer.from((await must(services, 'documents.dagsorden', { meetingId: meeting.id, variant: 'fuld' })).base64, 'base64'));
      expect(full).toContain('Klage over Birgittes undervisning');
    }
  });
});
