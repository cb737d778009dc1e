import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { must, tempArchivePath } from './support';
import { textOf } from './docx-readback';

/** Services with a clock the test moves, as the weeks between a praksisforum's meetings pass. */
function servicesWithClock() {
  const clock = { now: '2026-10-05T14:30:00' };
  const ctx = createContext(openArchive(tempArchivePath()), 'test');
  ctx.now = () => new Date(clock.now);
  return { services: createServices(ctx), clock };
}

/**
 * A praksisforum at Egeskolen: problems raised in October, followed up in January and again in March.
 * One action comes from a closed item, so the shared referat must never show it.
 */
async function praksisforum(services: Services, clock: { now: string }) {
  const forum = await must(services, 'forums.create', { kind: 'praksisforum', name: 'Praksisforum', school: 'Egeskolen' });
  const meeting = (title: string, startsAt: string) => must(services, 'meetings.create', { forumId: forum.id, title, startsAt, durationMinutes: 120 });
  const october = await meeting('Praksisforum, efterår', '2026-10-05T14:00');
  const problems = await must(services, 'agenda.addItem', { meetingId: october.id, title: 'Skolens egne eksempler og problemer', type: 'droeftelse', minutes: 40 });
  const closed = await must(services, 'agenda.addItem', { meetingId: october.id, title: 'Langtidssygemelding i 4. årgang', type: 'droeftelse', minutes: 15, confidential: true });
  const action = (what: string, who: string, due: string | null, itemId = problems.id) => must(services, 'actions.create', { itemId, what, who, due });
  const copier = await action('Få kopimaskinen på 1. sal til at virke stabilt', 'Skoleleder', '2026-11-01');
  const cover = await action('Afklare vikardækning, når lærere er på kursus', 'TR (lærere)', '2026-12-01');
  const apv = await action('Sende APV-opfølgningen ud til teamene', 'AMR', '2026-10-20');
  const noise = await action('Undersøge støjdæmpning i kantinen', 'Skoleleder', null);
  const secret = await action('Aftale skånehensyn med medarbejderen', 'Skoleleder', '2026-10-15', closed.id);
  const january = await meeting('Praksisforum, vinter', '2027-01-11T14:00');
  const march = await meeting('Praksisforum, forår', '2027-03-08T14:00');

  // Between the meetings: the APV follow-up is sent, the closed item's action is done too.
  clock.now = '2026-11-10T09:00:00';
  await must(services, 'actions.markDone', { actionId: apv.id });
  await must(services, 'actions.markDone', { actionId: secret.id });
  return { forum, october, january, march, copier, cover, apv, noise, secret };
}

const whats = (actions: { what: string }[]) => actions.map((a) => a.what);

describe('opfølgning fra sidst på mødet', () => {
  it('viser «Udført siden sidst», lader mødet markere udført, i gang, løst, ikke løst og droppet med begrundelse, og beholder dem på listen', async () => {
    const { services, clock } = servicesWithClock();
    const { january, copier, cover, apv, noise, secret } = await praksisforum(services, clock);

    const before = await must(services, 'meetings.get', { meetingId: january.id });
    expect(whats(before.followUp)).toEqual([
      'Få kopimaskinen på 1. sal til at virke stabilt',
      'Afklare vikardækning, når lærere er på kursus',
      'Undersøge støjdæmpning i kantinen',
    ]);
    // Done between the meetings: shown, not silently gone.
    expect(whats(before.doneSinceLast)).toEqual([apv.what, secret.what]);
    expect(before.doneSinceLast[0]?.history.map((n) => [n.statusFrom, n.statusTo])).toEqual([['aaben', 'udfoert']]);

    clock.now = '2027-01-11T14:20:00';
    const followedUp = (actionId: string, input: Record<string, unknown>) =>
      must(services, 'actions.update', { actionId, meetingId: january.id, note: '', dropReason: '', ...input });
    await followedUp(copier.id, { status: 'igang', resolution: 'ikke_loest', note: 'Service har været der to gange; den kører stadig fast' });
    await followedUp(cover.id, { status: 'udfoert', resolution: 'loest', note: 'Puljen til kursusvikarer er aftalt' });

    const noReason = await services.call('actions.update', { actionId: noise.id, meetingId: january.id, status: 'droppet', note: '', dropReason: '  ' });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error).toMatchObject({ field: 'dropReason', message: 'Skriv hvorfor handlingen droppes.' });
    await followedUp(noise.id, { status: 'droppet', dropReason: 'Kantinen bygges om i sommerferien' });

    const during = await must(services, 'meetings.get', { meetingId: january.id });
    // What the meeting closed stays on its list, with the status it got and a dated line.
    expect(during.followUp.map((a) => [a.what, a.status])).toEqual([
      [copier.what, 'igang'],
      [cover.what, 'udfoert'],
      [noise.what, 'droppet'],
    ]);
    const copierNotes = during.followUp[0]?.history ?? [];
    expect(copierNotes.at(-1)).toMatchObject({
      meetingId: january.id,
      resolution: 'ikke_loest',
      statusFrom: 'aaben',
      statusTo: 'igang',
      note: 'Service har været der to gange; den kører stadig fast',
      createdAt: new Date('2027-01-11T14:20:00').toISOString(),
    });
    expect(during.followUp[2]?.dropReason).toBe('Kantinen bygges om i sommerferien');
    expect(whats(during.doneSinceLast)).toEqual([apv.what, secret.what]);
    services.close();
  });

  it('«ikke løst» følger med til næste møde med sin historik, indtil det er løst; det, mødet lukkede, kommer ikke igen', async () => {
    const { services, clock } = servicesWithClock();
    const { january, march, copier, cover } = await praksisforum(services, clock);
    clock.now = '2027-01-11T14:20:00';
    await must(services, 'actions.update', { actionId: copier.id, meetingId: january.id, status: 'igang', resolution: 'ikke_loest', note: 'Kører stadig fast' });
    await must(services, 'actions.update', { actionId: cover.id, meetingId: january.id, status: 'udfoert', resolution: 'loest', note: '' });

    const next = await must(services, 'meetings.get', { meetingId: march.id });
    expect(whats(next.followUp)).toEqual([copier.what, 'Undersøge støjdæmpning i kantinen']);
    expect(next.followUp[0]?.history.map((n) => [n.resolution, n.meetingId, n.note])).toEqual([['ikke_loest', january.id, 'Kører stadig fast']]);
    // Løst in January: on January's list, not «Udført siden sidst» in March.
    expect(next.doneSinceLast).toEqual([]);

    // Ikke løst again in March, then løst: the history grows, and the problem leaves the list after it.
    clock.now = '2027-03-08T14:15:00';
    await must(services, 'actions.update', { actionId: copier.id, meetingId: march.id, status: 'igang', resolution: 'ikke_loest', note: 'Ny maskine er bestilt' });
    clock.now = '2027-03-08T15:30:00';
    const solved = await must(services, 'actions.update', { actionId: copier.id, meetingId: march.id, status: 'udfoert', resolution: 'loest', note: 'Den nye maskine kører' });
    expect(solved.status).toBe('udfoert');
    const notes = await must(services, 'actions.notes', { actionId: copier.id });
    expect(notes.map((n) => n.resolution)).toEqual(['ikke_loest', 'ikke_loest', 'loest']);
    const later = await must(services, 'meetings.create', { forumId: next.forumId, title: 'Praksisforum, næste skoleår', startsAt: '2027-09-06T14:00', durationMinutes: 120 });
    expect(whats((await must(services, 'meetings.get', { meetingId: later.id })).followUp)).not.toContain(copier.what);
    services.close();
  });

  it('afviser løst og ikke løst, der ikke passer til status, og et møde i et andet forum, med en dansk besked', async () => {
    const { services, clock } = servicesWithClock();
    const { january, copier } = await praksisforum(services, clock);
    const refused = async (input: Record<string, unknown>) => {
      const result = await services.call('actions.update', { actionId: copier.id, note: '', dropReason: '', ...input });
      if (result.ok) throw new Error('blev ikke afvist');
      return result.error;
    };
    expect(await refused({ status: 'igang', resolution: 'loest', meetingId: january.id })).toMatchObject({
      field: 'resolution',
      message: 'Et løst problem står som udført. Vælg udført, eller vælg ikke løst.',
    });
    expect(await refused({ status: 'udfoert', resolution: 'ikke_loest', meetingId: january.id })).toMatchObject({ field: 'resolution' });
    const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
    const other = await must(services, 'meetings.create', { forumId: trio.id, title: 'TRIO-møde', startsAt: '2027-01-12T14:00', durationMinutes: 90 });
    expect(await refused({ status: 'igang', note: 'Rykket', meetingId: other.id })).toMatchObject({ field: 'meetingId' });
    // Nothing was written by the refused updates.
    expect(await must(services, 'actions.notes', { actionId: copier.id })).toEqual([]);
    services.close();
  });

  it('referatet viser opfølgningen med dateret historik og «Udført siden sidst», og det delte referat intet fra et lukket punkt', async () => {
    const { services, clock } = servicesWithClock();
    const { january, copier, cover, noise, secret } = await praksisforum(services, clock);
    clock.now = '2027-01-11T14:20:00';
    await must(services, 'actions.update', { actionId: copier.id, meetingId: january.id, status: 'igang', resolution: 'ikke_loest', note: 'Service har været der to gange; den kører stadig fast' });
    await must(services, 'actions.update', { actionId: cover.id, meetingId: january.id, status: 'udfoert', resolution: 'loest', note: '' });
    await must(services, 'actions.update', { actionId: noise.id, meetingId: january.id, status: 'droppet', note: '', dropReason: 'Kantinen bygges om i sommerferien' });

    const full = await textOf(Buffer.from((await must(services, 'documents.referat', { meetingId: january.id, variant: 'fuld' })).base64, 'base64'));
    const followUp = full.slice(full.indexOf('Opfølgning fra sidst'), full.indexOf('Punkter'));
    expect(followUp).toContain(copier.what);
    expect(followUp).toContain('11. januar 2027: Ikke løst: Service har været der to gange; den kører stadig fast');
    expect(followUp).toContain('11. januar 2027: Løst');
    expect(followUp).toContain('Droppet: Kantinen bygges om i sommerferien');
    const done = followUp.slice(followUp.indexOf('Udført siden sidst'));
    expect(done).toContain('Sende APV-opfølgningen ud til teamene');
    expect(done).toContain('10. november 2026: Åben → Udført');
    expect(done).toContain(secret.what);

    const shared = await textOf(Buffer.from((await must(services, 'documents.referat', { meetingId: january.id, variant: 'delt' })).base64, 'base64'));
    expect(shared).toContain('Udført siden sidst');
    expect(shared).toContain('Sende APV-opfølgningen ud til teamene');
    expect(shared).not.toContain(secret.what);
    services.close();
  });

  it('udvekslingsfilen bærer mødet og løst/ikke løst på noterne, og en fil i formatversion 4 kan stadig indlæses', async () => {
    const { services, clock } = servicesWithClock();
    const { january, copier } = await praksisforum(services, clock);
    clock.now = '2027-01-11T14:20:00';
    await must(services, 'actions.update', { actionId: copier.id, meetingId: january.id, status: 'igang', resolution: 'ikke_loest', note: 'Kører stadig fast' });
    const file = await must(services, 'exchange.export', { scope: 'arkiv' });
    const content = Buffer.from(file.base64, 'base64').toString('utf8');

    const target = servicesWithClock().services;
    await must(target, 'exchange.import', { content });
    const notes = await must(target, 'actions.notes', { actionId: copier.id });
    expect(notes.map((n) => [n.meetingId, n.resolution, n.note])).toEqual([[january.id, 'ikke_loest', 'Kører stadig fast']]);
    expect(whats((await must(target, 'meetings.get', { meetingId: january.id })).followUp)).toContain(copier.what);

    // The same archive as an older Samtalerum wrote it: notes say neither meeting nor resolution.
    const old = JSON.parse(content) as { formatVersion: number; forums: unknown[]; meetings: { actions: { notes: Record<string, unknown>[] }[] }[] };
    old.formatVersion = 4;
    for (const m of old.meetings) for (const a of m.actions) for (const n of a.notes) {
      delete n['meetingId'];
      delete n['resolution'];
    }
    const fresh = servicesWithClock().services;
    await must(fresh, 'exchange.import', { content: JSON.stringify(old) });
    expect((await must(fresh, 'actions.notes', { actionId: copier.id })).map((n) => [n.meetingId, n.resolution, n.note])).toEqual([
      [null, null, 'Kører stadig fast'],
    ]);
    for (const s of [services, target, fresh]) s.close();
  });
});
