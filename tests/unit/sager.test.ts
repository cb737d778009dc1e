import { afterEach, describe, expect, test } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { EXCHANGE_FORMAT_VERSION, type ExchangeFile } from '../../shared/exchange/format';
import { sagJourney, sagSteps, type StepFacts } from '../../shared/domain/sager';
import { must, tempArchivePath } from './support';

/** A fixed today, between the TRIO's October and December meetings. */
const TODAY = new Date('2026-11-22T12:00:00Z');

const opened: Services[] = [];
function open(): Services {
  const services = createServices({ ...createContext(openArchive(tempArchivePath()), 'test'), now: () => TODAY });
  opened.push(services);
  return services;
}
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

async function refused(services: Services, method: Parameters<Services['call']>[0], input: unknown) {
  const result = await services.call(method, input);
  if (result.ok) throw new Error(`${method} skulle være afvist.`);
  return result.error;
}

/**
 * A matter raised in the udviklingsråd in September, decided there, taken up in the TRIO in October
 * (held) and on the TRIO's agenda again in December (coming); plus unrelated items to search among.
 */
async function twoForums(services = open()) {
  const raad = await must(services, 'forums.create', { kind: 'udviklingsraad', name: 'Udviklingsrådet', school: 'Egeskolen' });
  const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const meeting = async (forumId: string, title: string, startsAt: string) =>
    must(services, 'meetings.create', { forumId, title, startsAt, durationMinutes: 90 });
  const item = async (meetingId: string, title: string, extra: Record<string, unknown> = {}) =>
    must(services, 'agenda.addItem', { meetingId, title, type: 'droeftelse', minutes: 15, ...extra });

  const raadMeeting = await meeting(raad.id, 'Udviklingsråd september', '2026-09-10T15:00');
  const raised = await item(raadMeeting.id, 'Vikardækning i indskolingen', { type: 'beslutning', announcedColour: 'gul' });
  const aeroe = await item(raadMeeting.id, 'Ærø-tur for 6. årgang');
  const percent = await item(raadMeeting.id, 'Budget: 5 % færre vikartimer');
  await must(services, 'decisions.record', { itemId: raised.id, colour: 'gul', text: 'Vikardækningen samles hos to faste vikarer.' });
  await must(services, 'decisions.finalize', { itemId: raised.id });
  const action = await must(services, 'actions.create', { itemId: raised.id, what: 'Finde to faste vikarer', who: 'Mette Lund' });
  await must(services, 'actions.update', { actionId: action.id, status: 'igang', note: 'Én vikar er fundet.' });

  const trioOctober = await meeting(trio.id, 'TRIO oktober', '2026-10-06T14:00');
  const followUp = await item(trioOctober.id, 'Omlægning af vikardækning');
  const other = await item(trioOctober.id, 'Tilsyn i frikvartererne');
  await must(services, 'run.end', { meetingId: trioOctober.id });

  const trioDecember = await meeting(trio.id, 'TRIO december', '2026-12-01T14:00');
  const again = await item(trioDecember.id, 'Vikardækning: status');
  return { services, raad, trio, raadMeeting, trioOctober, trioDecember, raised, aeroe, percent, followUp, other, again, action };
}

describe('kandidater til en sag', () => {
  test('tidligere punkter i alle fora, nyeste først, ikke mødets egne og ikke senere møder', async () => {
    const s = await twoForums();
    const candidates = await must(s.services, 'sager.candidates', { itemId: s.followUp.id });
    expect(candidates.map((c) => c.itemTitle)).toEqual(['Vikardækning i indskolingen', 'Ærø-tur for 6. årgang', 'Budget: 5 % færre vikartimer']);
    expect(candidates[0]).toMatchObject({ forumName: 'Udviklingsrådet', school: 'Egeskolen', meetingTitle: 'Udviklingsråd september', decided: true, sag: null });
    expect(candidates[1]?.decided).toBe(false);

    const later = await must(s.services, 'sager.candidates', { itemId: s.again.id });
    expect(later.map((c) => c.itemTitle).slice(0, 2)).toEqual(['Omlægning af vikardækning', 'Tilsyn i frikvartererne']);
  });

  test('søgning efter en del af titlen, uden forskel på store og små bogstaver, også æøå, og % er bare et tegn', async () => {
    const s = await twoForums();
    const titles = async (text: string) => (await must(s.services, 'sager.candidates', { itemId: s.again.id, text })).map((c) => c.itemTitle);
    expect(await titles('VIKARD')).toEqual(['Omlægning af vikardækning', 'Vikardækning i indskolingen']);
    expect(await titles('dækning')).toEqual(['Omlægning af vikardækning', 'Vikardækning i indskolingen']);
    expect(await titles('ærø')).toEqual(['Ærø-tur for 6. årgang']);
    expect(await titles('%')).toEqual(['Budget: 5 % færre vikartimer']);
    expect(await titles('_')).toEqual([]);
    expect(await titles('  ')).toHaveLength(5);
  });

  test('punkter, der allerede er i punktets sag, står ikke på listen', async () => {
    const s = await twoForums();
    await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.followUp.id });
    const titles = (await must(s.services, 'sager.candidates', { itemId: s.again.id })).map((c) => c.itemTitle);
    expect(titles).toEqual(['Tilsyn i frikvartererne', 'Ærø-tur for 6. årgang', 'Budget: 5 % færre vikartimer']);
  });
});

describe('knyt, fjern og omdøb', () => {
  test('første kobling opretter en sag med det tidligere punkts titel; det næste punkt slutter sig til', async () => {
    const s = await twoForums();
    const first = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    expect(first).toMatchObject({ sag: { title: 'Vikardækning i indskolingen', itemCount: 2 }, mergedFrom: null });
    const second = await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.followUp.id });
    expect(second.sag).toEqual({ ...first.sag, itemCount: 3 });

    const detail = await must(s.services, 'meetings.get', { meetingId: s.trioDecember.id });
    expect(detail.items[0]?.sag).toEqual({ id: first.sag.id, title: 'Vikardækning i indskolingen', itemCount: 3 });
    const candidates = await must(s.services, 'sager.candidates', { itemId: s.again.id, text: 'Tilsyn' });
    expect(candidates[0]?.sag).toBeNull();
    // Linking again to an item of the same sag changes nothing.
    expect((await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.raised.id })).sag.itemCount).toBe(3);
  });

  test('står kun det nye punkt i en sag, kommer det tidligere punkt med i den', async () => {
    const s = await twoForums();
    const { sag } = await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.followUp.id });
    const joined = await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.raised.id });
    expect(joined).toEqual({ sag: { ...sag, itemCount: 3 }, mergedFrom: null });
  });

  test('er punktet allerede i en anden sag, lægges sagerne sammen i det tidligere punkts sag', async () => {
    const s = await twoForums();
    const older = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    const newer = await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.other.id });
    await must(s.services, 'sager.rename', { sagId: newer.sag.id, title: 'Tilsyn' });

    const merged = await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.followUp.id });
    expect(merged).toEqual({ sag: { id: older.sag.id, title: 'Vikardækning i indskolingen', itemCount: 4 }, mergedFrom: 'Tilsyn' });
    expect((await refused(s.services, 'sager.get', { sagId: newer.sag.id })).code).toBe('ikke_fundet');
  });

  test('afviser at knytte et punkt til sig selv, til et senere punkt, til et punkt på samme møde eller til ukendte punkter', async () => {
    const s = await twoForums();
    const self = await refused(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.followUp.id });
    expect(self).toMatchObject({ code: 'ugyldigt_input', field: 'earlierItemId', message: 'Et punkt kan ikke knyttes til sig selv. Vælg et punkt fra et tidligere møde.' });
    const later = await refused(s.services, 'sager.link', { itemId: s.raised.id, earlierItemId: s.followUp.id });
    expect(later.message).toBe('«Omlægning af vikardækning» er på et senere møde (TRIO oktober). Åbn det senere punkt, og knyt det til dette.');
    const same = await refused(s.services, 'sager.link', { itemId: s.other.id, earlierItemId: s.followUp.id });
    expect(same.message).toMatch(/^De to punkter er på samme møde/);
    const missing = await refused(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ code: 'ikke_fundet', field: 'earlierItemId' });
    const notLinked = await refused(s.services, 'sager.unlink', { itemId: s.followUp.id });
    expect(notLinked).toMatchObject({ code: 'konflikt', message: 'Punktet er ikke knyttet til nogen sag.' });
  });

  test('et punkt kan tages ud; en sag med under to punkter opløses', async () => {
    const s = await twoForums();
    const { sag } = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.followUp.id });
    expect(await must(s.services, 'sager.unlink', { itemId: s.followUp.id })).toEqual({ dissolved: false });
    expect((await must(s.services, 'sager.get', { sagId: sag.id })).entries.map((e) => e.itemTitle)).toEqual([
      'Vikardækning i indskolingen',
      'Vikardækning: status',
    ]);
    expect(await must(s.services, 'sager.unlink', { itemId: s.again.id })).toEqual({ dissolved: true });
    expect((await refused(s.services, 'sager.get', { sagId: sag.id })).code).toBe('ikke_fundet');
    const raad = await must(s.services, 'meetings.get', { meetingId: s.raadMeeting.id });
    expect(raad.items.find((i) => i.id === s.raised.id)?.sag).toBeNull();
  });

  test('fjernes et punkt fra dagsordenen, opløses en sag med kun ét punkt tilbage', async () => {
    const s = await twoForums();
    const { sag } = await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.raised.id });
    await must(s.services, 'agenda.removeItem', { itemId: s.again.id });
    expect((await refused(s.services, 'sager.get', { sagId: sag.id })).code).toBe('ikke_fundet');
  });

  test('et parkeret punkt tager sin sag med til næste møde', async () => {
    const s = await twoForums();
    const { sag } = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    await must(s.services, 'run.park', { itemId: s.followUp.id });
    const timeline = await must(s.services, 'sager.get', { sagId: sag.id });
    expect(timeline.entries.map((e) => e.meetingTitle)).toEqual(['Udviklingsråd september', 'TRIO oktober', 'TRIO december']);
  });

  test('sagen kan omdøbes; en tom titel og en ukendt sag afvises', async () => {
    const s = await twoForums();
    const { sag } = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    expect(await must(s.services, 'sager.rename', { sagId: sag.id, title: '  Vikardækning  ' })).toEqual({ ...sag, title: 'Vikardækning' });
    expect((await refused(s.services, 'sager.rename', { sagId: sag.id, title: '   ' })).message).toBe('Sagens titel skal udfyldes.');
    const unknown = await refused(s.services, 'sager.rename', { sagId: '00000000-0000-4000-8000-000000000000', title: 'X' });
    expect(unknown).toMatchObject({ code: 'ikke_fundet', field: 'sagId', message: 'Sagen findes ikke i arkivet. Måske er den slettet.' });
  });
});

describe('sagens forløb', () => {
  test('punkterne i mødernes rækkefølge på tværs af fora, med beslutning, handlinger og trin', async () => {
    const s = await twoForums();
    // Linked newest first, so the order comes from the meetings, not from the linking.
    await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.followUp.id });
    const { sag } = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    const timeline = await must(s.services, 'sager.get', { sagId: sag.id });
    expect(timeline.title).toBe('Omlægning af vikardækning');
    expect(timeline.entries.map((e) => [e.forumName, e.meetingTitle, e.itemTitle, e.held, e.steps])).toEqual([
      ['Udviklingsrådet', 'Udviklingsråd september', 'Vikardækning i indskolingen', true, ['rejst', 'besluttet', 'fulgt_op']],
      ['TRIO', 'TRIO oktober', 'Omlægning af vikardækning', true, ['fulgt_op']],
      ['TRIO', 'TRIO december', 'Vikardækning: status', false, ['paa_dagsordenen']],
    ]);
    const [first] = timeline.entries;
    expect(first?.announcedColour).toMatchObject({ key: 'gul', code: 'GU' });
    expect(first?.decision).toMatchObject({ outcome: 'beslutning', final: true, text: 'Vikardækningen samles hos to faste vikarer.' });
    expect(first?.decision?.colour).toMatchObject({ key: 'gul', shape: 'ruder' });
    expect(first?.actions).toEqual([
      expect.objectContaining({ what: 'Finde to faste vikarer', status: 'igang', notes: [expect.objectContaining({ note: 'Én vikar er fundet.', statusTo: 'igang' })] }),
    ]);
  });

  test('et lukket punkt står som «Lukket punkt» med mærke, uden titel, noter, beslutningstekst, dissens og handlinger', async () => {
    const s = await twoForums();
    const secret = await must(s.services, 'agenda.addItem', {
      meetingId: s.trioOctober.id,
      title: 'Personalesag om vikarer',
      type: 'beslutning',
      minutes: 5,
      announcedColour: 'roed',
      confidential: true,
    });
    await must(s.services, 'decisions.record', { itemId: secret.id, colour: 'roed', text: 'Fortroligt indhold', dissents: [{ role: 'AMR', text: 'uenig' }] });
    await must(s.services, 'decisions.finalize', { itemId: secret.id });
    await must(s.services, 'run.saveNotes', { itemId: secret.id, notes: 'Fortrolige noter' });
    await must(s.services, 'actions.create', { itemId: secret.id, what: 'Fortrolig handling', who: 'Mette Lund' });
    const { sag } = await must(s.services, 'sager.link', { itemId: secret.id, earlierItemId: s.raised.id });

    const hidden = (await must(s.services, 'sager.get', { sagId: sag.id })).entries[1];
    expect(hidden).toMatchObject({ itemTitle: 'Lukket punkt', confidential: true, hidden: true, notes: '', actions: [] });
    expect(JSON.stringify(hidden)).not.toContain('Personalesag');
    expect(hidden?.decision).toMatchObject({ text: '', dissent: '', final: true });
    expect(hidden?.steps).toEqual(['besluttet', 'fulgt_op']);
    expect(JSON.stringify(hidden)).not.toContain('Fortrolig');

    const shown = (await must(s.services, 'sager.get', { sagId: sag.id, includeConfidential: true })).entries[1];
    expect(shown).toMatchObject({ hidden: false, notes: 'Fortrolige noter', decision: { text: 'Fortroligt indhold', dissent: 'Dissens fra AMR: uenig' } });
    expect(shown?.actions.map((a) => a.what)).toEqual(['Fortrolig handling']);
  });

  test('trinene læses af data: blå og afklaring uden enighed er ikke besluttet, et udkast heller ikke', () => {
    const facts = (over: Partial<StepFacts>): StepFacts => ({ held: true, decision: null, actions: [], ...over });
    const decided = { outcome: 'beslutning', colour: 'groen', final: true } as const;
    expect(sagSteps([facts({}), facts({ decision: { ...decided, colour: 'blaa' } }), facts({ decision: { ...decided, final: false } })])).toEqual([
      ['rejst', 'droeftet'],
      ['droeftet'],
      ['droeftet'],
    ]);
    const steps = sagSteps([
      facts({ held: false }),
      facts({ decision: { ...decided, outcome: 'afklaring_uden_enighed' } }),
      facts({ decision: decided, actions: [{ status: 'udfoert', noteCount: 0 }] }),
      facts({}),
      facts({ held: false }),
    ]);
    expect(steps).toEqual([['rejst'], ['droeftet'], ['besluttet', 'fulgt_op'], ['fulgt_op'], ['paa_dagsordenen']]);
    expect(sagJourney(steps)).toEqual([
      { step: 'rejst', firstAt: 0 },
      { step: 'droeftet', firstAt: 1 },
      { step: 'besluttet', firstAt: 2 },
      { step: 'fulgt_op', firstAt: 2 },
    ]);
    // Decided at once: discussed too, on the same day.
    expect(sagJourney([['rejst', 'besluttet'], ['paa_dagsordenen']]).map((m) => m.firstAt)).toEqual([0, 0, 0, null]);
  });
});

test('beslutningsloggen viser sagen ved de beslutninger, der hører til en', async () => {
  const s = await twoForums();
  const other = await must(s.services, 'agenda.addItem', { meetingId: s.trioOctober.id, title: 'Skema', type: 'beslutning', minutes: 5, announcedColour: 'roed' });
  await must(s.services, 'decisions.record', { itemId: other.id, colour: 'roed', text: 'Skemaet lægges som før.' });
  const { sag } = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
  const { rows } = await must(s.services, 'decisions.list', {});
  expect(rows.map((r) => [r.itemTitle, r.sag])).toEqual([
    ['Skema', null],
    ['Vikardækning i indskolingen', { id: sag.id, title: 'Vikardækning i indskolingen' }],
  ]);
});

describe('sager i udvekslingsfilen', () => {
  const exportOf = async (services: Services, scope: 'forum' | 'arkiv', id: string | null) =>
    Buffer.from((await must(services, 'exchange.export', { scope, id })).base64, 'base64').toString('utf8');

  test('et forum for sig: dets punkter danner sagen; med det andet forum er sagen samlet igen', async () => {
    const s = await twoForums();
    const { sag } = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    await must(s.services, 'sager.link', { itemId: s.again.id, earlierItemId: s.followUp.id });
    await must(s.services, 'sager.rename', { sagId: sag.id, title: 'Vikardækning' });

    const trioFile = await exportOf(s.services, 'forum', s.trio.id);
    const parsed = JSON.parse(trioFile) as ExchangeFile;
    expect(parsed.formatVersion).toBe(EXCHANGE_FORMAT_VERSION);
    expect(parsed.sager).toEqual([{ id: sag.id, title: 'Vikardækning', createdAt: expect.any(String) }]);

    const target = open();
    await must(target, 'exchange.import', { content: trioFile });
    const alone = await must(target, 'sager.get', { sagId: sag.id });
    expect(alone.entries.map((e) => e.itemTitle)).toEqual(['Omlægning af vikardækning', 'Vikardækning: status']);
    expect(await exportOf(target, 'forum', s.trio.id)).toBe(trioFile);

    await must(target, 'exchange.import', { content: await exportOf(s.services, 'forum', s.raad.id) });
    const whole = await must(target, 'sager.get', { sagId: sag.id });
    expect(whole.entries.map((e) => e.forumName)).toEqual(['Udviklingsrådet', 'TRIO', 'TRIO']);
    expect(await exportOf(target, 'arkiv', null)).toBe(await exportOf(s.services, 'arkiv', null));
  });

  test('en fil fra formatversion 2 indlæses med punkterne uden for sager', async () => {
    const s = await twoForums();
    await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    const file = JSON.parse(await exportOf(s.services, 'arkiv', null)) as ExchangeFile;
    const version2 = {
      ...file,
      formatVersion: 2,
      sager: undefined,
      meetings: file.meetings.map((m) => ({ ...m, items: m.items.map(({ sagId: _sagId, ...item }) => item) })),
    };
    const target = open();
    await must(target, 'exchange.import', { content: JSON.stringify(version2) });
    const detail = await must(target, 'meetings.get', { meetingId: s.trioOctober.id });
    expect(detail.items.map((i) => i.sag)).toEqual([null, null]);

    // Into the archive that has the sag, the old file takes nothing away: the items keep their sag.
    await must(s.services, 'exchange.import', { content: JSON.stringify(version2) });
    const kept = await must(s.services, 'meetings.get', { meetingId: s.trioOctober.id });
    expect(kept.items.find((i) => i.id === s.followUp.id)?.sag?.itemCount).toBe(2);
  });

  test('en sag, som intet punkt bruger, eller et punkt med en ukendt sag afvises', async () => {
    const s = await twoForums();
    const { sag } = await must(s.services, 'sager.link', { itemId: s.followUp.id, earlierItemId: s.raised.id });
    const file = JSON.parse(await exportOf(s.services, 'arkiv', null)) as ExchangeFile;
    const target = open();

    const unused = { ...file, sager: [...file.sager, { id: '00000000-0000-4000-8000-000000000009', title: 'Glemt', createdAt: file.sager[0]?.createdAt }] };
    expect((await refused(target, 'exchange.import', { content: JSON.stringify(unused) })).message).toContain(
      'sager[1].id: Sagen «Glemt» bruges ikke af noget punkt i filen.',
    );
    const unknown = { ...file, sager: file.sager.filter((x) => x.id !== sag.id) };
    expect((await refused(target, 'exchange.import', { content: JSON.stringify(unknown) })).message).toMatch(/sagId: Sagen findes ikke blandt filens sager\./);
  });
});
