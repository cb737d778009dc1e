import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import type { ListeningMeetingSummary } from '../../shared/api/listeningTypes';
import { must, servicesWithArchive, tempArchivePath } from './support';

/** The services' clock stands still on a Friday in November 2026, so "coming meetings" do not drift. */
const NOW = new Date(2026, 10, 20, 12, 0);
const opened: Services[] = [];

function open(): { services: Services; archive: Archive } {
  const archive = openArchive(tempArchivePath());
  const services = createServices({ ...createContext(archive, 'test'), now: () => NOW });
  opened.push(services);
  return { services, archive };
}

afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

const LISTENING_TABLES = ['listening_series', 'listening_meeting', 'listening_theme', 'listening_input', 'listening_input_theme', 'agenda_item'];

function rows(archive: Archive): string {
  return LISTENING_TABLES.map((t) => JSON.stringify(archive.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
}

async function series(services: Services) {
  return must(services, 'listening.createSeries', {
    title: 'Lyttemøder om arbejdstid',
    purpose: 'Vi vil høre, hvordan arbejdstidsaftalen virker i praksis.',
    visitors: 'Kredsformand Lise Dahl og skolechef Ib Krogh',
  });
}

async function visit(services: Services, seriesId: string, school: string, date: string): Promise<ListeningMeetingSummary> {
  return must(services, 'listening.planMeeting', { seriesId, school, date, startTime: '14:30', teacherGroup: 'Lærerne i udskolingen' });
}

async function heard(services: Services, meetingId: string, text: string, themes: string[] = [], isQuote = false) {
  return must(services, 'listening.addInput', { meetingId, text, themes, isQuote });
}

describe('en serie lyttemøder', () => {
  it('planlægges med skoler i datoorden og næste dato', async () => {
    const { services } = open();
    const s = await series(services);
    await visit(services, s.id, 'Bøgeskolen', '2026-12-03');
    await visit(services, s.id, 'Egeskolen', '2026-11-10');
    await visit(services, s.id, 'Lindeskolen', '2026-11-26');
    const detail = await must(services, 'listening.getSeries', { seriesId: s.id });
    expect(detail.meetings.map((m) => m.school)).toEqual(['Egeskolen', 'Lindeskolen', 'Bøgeskolen']);
    expect(detail.series.schools).toEqual(['Egeskolen', 'Lindeskolen', 'Bøgeskolen']);
    expect(detail.series.meetingCount).toBe(3);
    expect(detail.series.nextDate).toBe('2026-11-26');
    const [listed] = await must(services, 'listening.listSeries', {});
    expect(listed?.title).toBe('Lyttemøder om arbejdstid');

    const updated = await must(services, 'listening.updateSeries', { seriesId: s.id, title: 'Lyttemøder 2026', purpose: '', visitors: 'Kreds og forvaltning' });
    expect(updated.title).toBe('Lyttemøder 2026');
  });

  it('et møde markeres afholdt og genåbnes', async () => {
    const { services } = open();
    const s = await series(services);
    const m = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const held = await must(services, 'listening.markHeld', { meetingId: m.id, held: true, participantCount: 14 });
    expect(held.meeting.heldAt).toBe(NOW.toISOString());
    expect(held.meeting.participantCount).toBe(14);
    const reopened = await must(services, 'listening.markHeld', { meetingId: m.id, held: false });
    expect(reopened.meeting.heldAt).toBeNull();
    expect(reopened.meeting.participantCount).toBe(14);
  });

  it('et møde med input kan ikke fjernes; et uden kan', async () => {
    const { services } = open();
    const s = await series(services);
    const a = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const b = await visit(services, s.id, 'Bøgeskolen', '2026-11-12');
    await heard(services, a.id, 'For mange møder.');
    const refused = await services.call('listening.removeMeeting', { meetingId: a.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/har 1 input og kan ikke fjernes/);
    const after = await must(services, 'listening.removeMeeting', { meetingId: b.id });
    expect(after.meetings.map((m) => m.school)).toEqual(['Egeskolen']);
    const updated = await must(services, 'listening.updateMeeting', {
      meetingId: a.id,
      school: 'Egeskolen',
      date: '2026-11-11',
      startTime: null,
      teacherGroup: 'Indskolingen',
    });
    expect(updated).toMatchObject({ date: '2026-11-11', startTime: null, teacherGroup: 'Indskolingen', inputCount: 1 });
  });
});

describe('input', () => {
  it('får tætte numre, også når et fjernes', async () => {
    const { services } = open();
    const s = await series(services);
    const m = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const texts = ['Et', 'To', 'Tre', 'Fire'];
    const inputs = [];
    for (const text of texts) inputs.push(await heard(services, m.id, `${text} input.`));
    expect(inputs.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    const after = await must(services, 'listening.removeInput', { inputId: inputs[1]?.id });
    expect(after.inputs.map((i) => [i.position, i.text])).toEqual([
      [1, 'Et input.'],
      [2, 'Tre input.'],
      [3, 'Fire input.'],
    ]);
    const next = await heard(services, m.id, 'Fem input.');
    expect(next.position).toBe(4);
    const edited = await must(services, 'listening.updateInput', { inputId: next.id, text: 'Fem input, rettet.', isQuote: true });
    expect(edited).toMatchObject({ text: 'Fem input, rettet.', isQuote: true, position: 4 });
  });

  it('rettes med temaer i én skrivning, og et afvist tema gemmer heller ikke teksten', async () => {
    const { services, archive } = open();
    const s = await series(services);
    const m = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const input = await heard(services, m.id, 'For mange møder.', ['Møder']);
    const retold = await must(services, 'listening.updateInput', { inputId: input.id, text: 'For mange møder om eftermiddagen.', themes: ['Møder', 'Arbejdstid'] });
    expect(retold).toMatchObject({ text: 'For mange møder om eftermiddagen.', themes: ['Arbejdstid', 'Møder'] });
    // Without themes the themes stay as they are.
    const plain = await must(services, 'listening.updateInput', { inputId: input.id, text: 'For mange møder, især om fredagen.' });
    expect(plain.themes).toEqual(['Arbejdstid', 'Møder']);
    const before = rows(archive);
    const refused = await services.call('listening.updateInput', { inputId: input.id, text: 'Helt nyt.', themes: ['Jens'] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBe('themes');
    expect(rows(archive)).toBe(before);
  });

  it('sorteres med note og kan gøres usorteret igen', async () => {
    const { services } = open();
    const s = await series(services);
    const m = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const input = await heard(services, m.id, 'Skemaet kommer for sent.');
    const sorted = await must(services, 'listening.sortInput', { inputId: input.id, destination: 'lokalt', note: 'Ledelsen lover skema før 1. juni.' });
    expect(sorted).toMatchObject({ destination: 'lokalt', note: 'Ledelsen lover skema før 1. juni.' });
    expect((await must(services, 'listening.getMeeting', { meetingId: m.id })).meeting.sortedCount).toBe(1);
    const unsorted = await must(services, 'listening.sortInput', { inputId: input.id, destination: null });
    expect(unsorted).toMatchObject({ destination: null, note: 'Ledelsen lover skema før 1. juni.' });
  });

  it('ændrer kun det, der sendes: stedet eller noten', async () => {
    const { services } = open();
    const s = await series(services);
    const m = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const input = await heard(services, m.id, 'Skemaet kommer for sent.');
    // A place and a note saved close together, each from its own field: neither undoes the other.
    await must(services, 'listening.sortInput', { inputId: input.id, destination: 'parkeret' });
    const noted = await must(services, 'listening.sortInput', { inputId: input.id, note: 'Venter på den nye skemaplan.' });
    expect(noted).toMatchObject({ destination: 'parkeret', note: 'Venter på den nye skemaplan.' });
    const moved = await must(services, 'listening.sortInput', { inputId: input.id, destination: 'lokalt' });
    expect(moved).toMatchObject({ destination: 'lokalt', note: 'Venter på den nye skemaplan.' });
    const neither = await services.call('listening.sortInput', { inputId: input.id });
    expect(neither.ok).toBe(false);
    if (!neither.ok) expect(neither.error.message).toBe('Vælg, hvor inputtet hører hjemme, eller skriv en note.');
  });
});

describe('temaer', () => {
  it('hører til serien, foldes, omdøbes, flettes og fjernes', async () => {
    const { services } = open();
    const s = await series(services);
    const a = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const b = await visit(services, s.id, 'Bøgeskolen', '2026-11-12');
    const one = await heard(services, a.id, 'Forberedelse forsvinder.', ['Arbejdstid', ' arbejdstid ', 'Forberedelse']);
    expect(one.themes).toEqual(['Arbejdstid', 'Forberedelse']);
    const two = await heard(services, b.id, 'Vikartimer fylder.', ['ARBEJDSTID']);
    expect(two.themes).toEqual(['Arbejdstid']);
    let detail = await must(services, 'listening.getSeries', { seriesId: s.id });
    expect(detail.themes.map((t) => [t.name, t.inputCount])).toEqual([
      ['Arbejdstid', 2],
      ['Forberedelse', 1],
    ]);

    const retagged = await must(services, 'listening.setInputThemes', { inputId: two.id, themes: ['Vikardækning', 'arbejdstid'] });
    expect(retagged.themes).toEqual(['Arbejdstid', 'Vikardækning']);

    const forberedelse = detail.themes.find((t) => t.name === 'Forberedelse');
    const renamed = await must(services, 'listening.renameTheme', { themeId: forberedelse?.id, name: 'Tid til forberedelse' });
    expect(renamed).toMatchObject({ name: 'Tid til forberedelse', inputCount: 1 });

    // Renamed to a theme that exists: the two become one.
    const vikar = (await must(services, 'listening.getSeries', { seriesId: s.id })).themes.find((t) => t.name === 'Vikardækning');
    const merged = await must(services, 'listening.renameTheme', { themeId: vikar?.id, name: 'arbejdstid' });
    expect(merged).toMatchObject({ name: 'Arbejdstid', inputCount: 2 });

    detail = await must(services, 'listening.removeTheme', { themeId: merged.id });
    expect(detail.themes.map((t) => t.name)).toEqual(['Tid til forberedelse']);
    const meeting = await must(services, 'listening.getMeeting', { meetingId: a.id });
    expect(meeting.inputs.map((i) => i.themes)).toEqual([['Tid til forberedelse']]);
    expect(meeting.inputs).toHaveLength(1);

    // A theme without inputs stays until it is removed.
    await must(services, 'listening.setInputThemes', { inputId: one.id, themes: [] });
    expect((await must(services, 'listening.getSeries', { seriesId: s.id })).themes.map((t) => [t.name, t.inputCount])).toEqual([
      ['Tid til forberedelse', 0],
    ]);
  });
});

describe('navne gemmes ikke', () => {
  it('afvises i hvert felt med en dansk besked, og arkivet er uændret', async () => {
    const { services, archive } = open();
    const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
    await must(services, 'members.add', { forumId: forum.id, name: 'Zakaria Ibsen', role: 'TR', fromDate: '2026-08-01' });
    const s = await series(services);
    const m = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const input = await heard(services, m.id, 'Teamtiden bliver brugt til vikardækning.', ['Vikardækning']);
    const themeId = (await must(services, 'listening.getSeries', { seriesId: s.id })).themes[0]?.id;
    const before = rows(archive);

    const attempts: [string, Record<string, unknown>, string, string][] = [
      ['listening.addInput', { meetingId: m.id, text: 'Hanne sagde, at hun ikke kan mere.' }, 'text', 'Hanne'],
      ['listening.addInput', { meetingId: m.id, text: 'For mange møder.', themes: ['Zakarias klasse'] }, 'themes', 'Zakarias'],
      ['listening.updateInput', { inputId: input.id, text: 'Som zakaria ibsen sagde: det er for meget.' }, 'text', 'zakaria ibsen'],
      ['listening.sortInput', { inputId: input.id, destination: 'lokalt', note: 'Per siger, han tager den.' }, 'note', 'Per'],
      ['listening.setInputThemes', { inputId: input.id, themes: ['Arbejdstid', 'Jens'] }, 'themes', 'Jens'],
      ['listening.renameTheme', { themeId, name: 'Mettes team' }, 'name', 'Mettes'],
      ['listening.planMeeting', { seriesId: s.id, school: 'Bøgeskolen', date: '2026-11-12', teacherGroup: 'Kirstens team' }, 'teacherGroup', 'Kirstens'],
      ['listening.updateMeeting', { meetingId: m.id, school: 'Egeskolen', date: '2026-11-10', teacherGroup: 'Zakaria og co.' }, 'teacherGroup', 'Zakaria'],
      ['listening.updateInput', { inputId: input.id, text: 'For mange møder.', themes: ['Arbejdstid', 'Jens'] }, 'themes', 'Jens'],
      ['listening.createSeries', { title: 'Lyttemøder med Zakaria Ibsen' }, 'title', 'Zakaria Ibsen'],
      ['listening.updateSeries', { seriesId: s.id, title: 'Hannes lyttemøder' }, 'title', 'Hannes'],
      ['listening.planMeeting', { seriesId: s.id, school: 'Hos Mette', date: '2026-11-12', teacherGroup: 'Indskolingen' }, 'school', 'Mette'],
      ['listening.updateMeeting', { meetingId: m.id, school: 'Zakaria Ibsen', date: '2026-11-10', teacherGroup: 'Indskolingen' }, 'school', 'Zakaria Ibsen'],
    ];
    for (const [method, payload, field, name] of attempts) {
      const result = await services.dispatch(method, payload);
      expect(result.ok, method).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('ugyldigt_input');
      expect(result.error.field, method).toBe(field);
      expect(result.error.message, method).toContain(`ser ud til at indeholde et navn («${name}»)`);
      expect(result.error.message).toContain('Lyttemøder gemmer ikke navne');
    }
    expect(rows(archive)).toBe(before);
  });

  it('en skole opkaldt efter en person er ikke et navn', async () => {
    const { services } = open();
    const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
    await must(services, 'members.add', { forumId: forum.id, name: 'Zakaria Ibsen', role: 'TR', fromDate: '2026-08-01' });
    const s = await series(services);
    const m = await visit(services, s.id, 'Kaj Munk Skolen', '2026-11-10');
    expect(m.school).toBe('Kaj Munk Skolen');
    const moved = await must(services, 'listening.updateMeeting', { meetingId: m.id, school: 'Kaj Munk Skolen', date: '2026-11-11', teacherGroup: 'Indskolingen' });
    expect(moved.school).toBe('Kaj Munk Skolen');
  });

  it('Inputtets besked er den, brugeren ser', async () => {
    const { services } = open();
    const s = await series(services);
    const m = await visit(services, s.id, 'Egeskolen', '2026-11-10');
    const result = await services.call('listening.addInput', { meetingId: m.id, text: 'Hanne er træt.' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('Inputtet ser ud til at indeholde et navn («Hanne»). Lyttemøder gemmer ikke navne – skriv fx «en kollega» i stedet.');
    }
  });
});

/** Three schools, sorted and themed, for the overview and for sending on. */
async function threeSchools(services: Services) {
  const s = await series(services);
  const ege = await visit(services, s.id, 'Egeskolen', '2026-11-10');
  const boege = await visit(services, s.id, 'Bøgeskolen', '2026-11-12');
  const linde = await visit(services, s.id, 'Lindeskolen', '2026-11-17');
  const i1 = await heard(services, ege.id, 'Forberedelsen forsvinder i vikartimer.', ['Arbejdstid', 'Vikardækning']);
  const i2 = await heard(services, ege.id, 'Vi når aldrig at evaluere.', ['Arbejdstid'], true);
  const i3 = await heard(services, ege.id, 'Kaffen er dårlig.');
  const i4 = await heard(services, boege.id, 'Teammøderne bliver aflyst.', ['arbejdstid']);
  const i5 = await heard(services, boege.id, 'Inklusionen kræver to voksne.', ['Inklusion'], true);
  const i6 = await heard(services, linde.id, 'Vikarer kender ikke klasserne.', ['Vikardækning']);
  const i7 = await heard(services, linde.id, 'Der er for lidt tid til forældresamarbejde.', ['Arbejdstid']);
  await must(services, 'listening.sortInput', { inputId: i1.id, destination: 'kommune_kreds', note: 'Tages op i dialogen om arbejdstid.' });
  await must(services, 'listening.sortInput', { inputId: i2.id, destination: 'lokalt' });
  await must(services, 'listening.sortInput', { inputId: i4.id, destination: 'lokalt', note: 'Skolen ser på mødeplanen.' });
  await must(services, 'listening.sortInput', { inputId: i6.id, destination: 'parkeret', note: 'Afventer ny vikarordning.' });
  return { s, ege, boege, linde, inputs: [i1, i2, i3, i4, i5, i6, i7] };
}

describe('temaoversigten', () => {
  it('tæller skoler og input pr. tema og filtrerer', async () => {
    const { services } = open();
    const { s, inputs } = await threeSchools(services);
    const all = await must(services, 'listening.overview', { seriesId: s.id });
    expect(all.schools).toEqual(['Egeskolen', 'Bøgeskolen', 'Lindeskolen']);
    expect(all.themes.map((t) => [t.name, t.schoolCount, t.inputCount])).toEqual([
      ['Arbejdstid', 3, 4],
      ['Vikardækning', 2, 2],
      ['Inklusion', 1, 1],
    ]);
    expect(all.themes[0]?.bySchool).toEqual({ Egeskolen: 2, Bøgeskolen: 1, Lindeskolen: 1 });
    expect(all.themes[0]?.inputs.map((i) => i.id)).toEqual([inputs[0]?.id, inputs[1]?.id, inputs[3]?.id, inputs[6]?.id]);
    expect(all.withoutTheme.map((i) => i.text)).toEqual(['Kaffen er dårlig.']);

    const local = await must(services, 'listening.overview', { seriesId: s.id, destination: 'lokalt' });
    expect(local.schools).toEqual(all.schools);
    expect(local.themes.map((t) => [t.name, t.schoolCount, t.inputCount])).toEqual([['Arbejdstid', 2, 2]]);

    const unsorted = await must(services, 'listening.overview', { seriesId: s.id, destination: 'usorteret' });
    expect(unsorted.themes.map((t) => [t.name, t.inputCount])).toEqual([
      ['Arbejdstid', 1],
      ['Inklusion', 1],
    ]);
    expect(unsorted.withoutTheme).toHaveLength(1);

    const boege = await must(services, 'listening.overview', { seriesId: s.id, school: 'bøgeskolen' });
    expect(boege.schools).toEqual(all.schools);
    expect(boege.themes.map((t) => [t.name, t.bySchool])).toEqual([
      ['Arbejdstid', { Bøgeskolen: 1 }],
      ['Inklusion', { Bøgeskolen: 1 }],
    ]);

    const quotes = await must(services, 'listening.overview', { seriesId: s.id, quotesOnly: true });
    expect(quotes.themes.flatMap((t) => t.inputs.map((i) => i.text))).toEqual(['Vi når aldrig at evaluere.', 'Inklusionen kræver to voksne.']);
    expect(quotes.withoutTheme).toEqual([]);
  });
});

/** Forums at two schools and a kommune–kreds dialogue, with past, coming and locked meetings. */
async function forums(services: Services, archive: Archive) {
  const meeting = async (forumId: string, startsAt: string, title = 'Møde') =>
    must(services, 'meetings.create', { forumId, title, startsAt, durationMinutes: 60 });
  const trioEge = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const praksisEge = await must(services, 'forums.create', { kind: 'praksisforum', name: 'Praksisforum', school: 'EGESKOLEN' });
  const trioBoege = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgeskolen' });
  const dialog = await must(services, 'forums.create', { kind: 'erfamoede', name: 'Dialogforum kommune og kreds', school: 'Kommunen' });
  const quiet = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Lindeskolen' });
  await meeting(trioEge.id, '2026-11-01T14:00', 'Sidste TRIO');
  const nextTrio = await meeting(trioEge.id, '2026-12-01T14:00', 'TRIO december');
  const laterTrio = await meeting(trioEge.id, '2026-11-24T14:00', 'TRIO ekstra');
  await meeting(praksisEge.id, '2027-01-12T09:00');
  await meeting(trioBoege.id, '2026-11-27T14:00');
  await meeting(dialog.id, '2026-12-10T15:00', 'Dialogmøde');
  const locked = await meeting(quiet.id, '2026-12-02T14:00');
  archive.db
    .prepare("INSERT INTO referat_version (id, meeting_id, version, status, created_at, approved_at) VALUES (?, ?, 1, 'godkendt', ?, ?)")
    .run('11111111-1111-4111-8111-111111111111', locked.id, NOW.toISOString(), NOW.toISOString());
  return { trioEge, praksisEge, trioBoege, dialog, nextTrio, laterTrio, locked };
}

describe('at sende et input videre', () => {
  it('tilbyder kommende møder, skolens egne fora først og TRIO før andre', async () => {
    const { services, archive } = open();
    const f = await forums(services, archive);
    const { inputs } = await threeSchools(services);
    const targets = await must(services, 'listening.sendTargets', { inputId: inputs[0]?.id });
    expect(targets.map((t) => [t.forumName, t.school, t.sameSchool])).toEqual([
      ['TRIO', 'Egeskolen', true],
      ['Praksisforum', 'EGESKOLEN', true],
      ['TRIO', 'Bøgeskolen', false],
      ['Dialogforum kommune og kreds', 'Kommunen', false],
    ]);
    // Past meetings and a meeting with a locked referat are not offered; the soonest first.
    expect(targets[0]?.meetings.map((m) => m.id)).toEqual([f.laterTrio.id, f.nextTrio.id]);
    const fromBoege = await must(services, 'listening.sendTargets', { inputId: inputs[3]?.id });
    expect(fromBoege[0]).toMatchObject({ school: 'Bøgeskolen', sameSchool: true });
  });

  it('sætter inputtet på dagsordenen med henvisning begge veje og afviser to gange og låste referater', async () => {
    const { services, archive } = open();
    const f = await forums(services, archive);
    const { inputs } = await threeSchools(services);
    const input = inputs[0];
    if (!input) throw new Error('input mangler');
    const sent = await must(services, 'listening.sendInput', {
      inputId: input.id,
      meetingId: f.nextTrio.id,
      title: 'Forberedelse og vikartimer',
      type: 'droeftelse',
      minutes: 15,
    });
    expect(sent.sentTo).toMatchObject({ meetingId: f.nextTrio.id, forumName: 'TRIO', itemTitle: 'Forberedelse og vikartimer', startsAt: '2026-12-01T14:00' });

    const meeting = await must(services, 'meetings.get', { meetingId: f.nextTrio.id });
    const item = meeting.items.find((i) => i.id === sent.sentTo?.itemId);
    expect(item?.position).toBe(meeting.items.length);
    expect(item?.fromListening).toMatchObject({ inputId: input.id, school: 'Egeskolen', date: '2026-11-10' });
    expect(item?.background).toContain('Egeskolen');
    expect(item?.background).toContain('10. november 2026');
    expect(item?.background).toContain('Arbejdstid, Vikardækning');
    expect(item?.background).toContain(input.text);
    expect(meeting.items.filter((i) => i.id !== item?.id).every((i) => i.fromListening === null)).toBe(true);
    // The search index picks the item up like any other.
    const found = await must(services, 'search.query', { text: 'vikartimer' });
    expect(JSON.stringify(found)).toContain('Forberedelse og vikartimer');

    const again = await services.call('listening.sendInput', { inputId: input.id, meetingId: f.laterTrio.id, title: 'Igen', type: 'droeftelse', minutes: 5 });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/allerede sendt videre til TRIO 1\. december 2026/);

    const before = rows(archive);
    const locked = await services.call('listening.sendInput', { inputId: inputs[1]?.id, meetingId: f.locked.id, title: 'Evaluering', type: 'droeftelse', minutes: 5 });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.message).toMatch(/Referatet af mødet er godkendt og låst/);
    const noColour = await services.call('listening.sendInput', { inputId: inputs[1]?.id, meetingId: f.nextTrio.id, title: 'Evaluering', type: 'beslutning', minutes: 5 });
    expect(noColour.ok).toBe(false);
    if (!noColour.ok) expect(noColour.error.field).toBe('announcedColour');
    const named = await services.call('listening.sendInput', { inputId: inputs[1]?.id, meetingId: f.nextTrio.id, title: 'Hannes forslag', type: 'droeftelse', minutes: 5 });
    expect(named.ok).toBe(false);
    expect(rows(archive)).toBe(before);

    // The item goes from the agenda: the input is free to be sent again.
    await must(services, 'agenda.removeItem', { itemId: sent.sentTo?.itemId });
    const back = await must(services, 'listening.getMeeting', { meetingId: input.meetingId });
    expect(back.inputs.find((i) => i.id === input.id)?.sentTo).toBeNull();
  });

  it('et punkt tilføjet efter udsendt dagsorden kræver samtykke som andre sene punkter', async () => {
    const { services, archive } = open();
    const f = await forums(services, archive);
    const { inputs } = await threeSchools(services);
    await must(services, 'meetings.markAgendaSent', { meetingId: f.nextTrio.id });
    const sent = await must(services, 'listening.sendInput', { inputId: inputs[2]?.id, meetingId: f.nextTrio.id, title: 'Kaffe', type: 'eventuelt', minutes: 5 });
    const meeting = await must(services, 'meetings.get', { meetingId: f.nextTrio.id });
    expect(meeting.items.find((i) => i.id === sent.sentTo?.itemId)?.addedLate).toBe(true);
  });
});

describe('udveksling', () => {
  it('en import af mødet med et videresendt punkt bevarer henvisningen', async () => {
    const { services, archive } = open();
    const f = await forums(services, archive);
    const { inputs } = await threeSchools(services);
    const sent = await must(services, 'listening.sendInput', { inputId: inputs[0]?.id, meetingId: f.nextTrio.id, title: 'Vikartimer', type: 'droeftelse', minutes: 10 });
    const file = await must(services, 'exchange.export', { scope: 'moede', id: f.nextTrio.id });
    const content = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(content).not.toContain('fromListening');
    await must(services, 'exchange.import', { content });
    const back = await must(services, 'meetings.get', { meetingId: f.nextTrio.id });
    expect(back.items.find((i) => i.id === sent.sentTo?.itemId)?.fromListening?.inputId).toBe(inputs[0]?.id);

    // In another archive the item arrives without the lyttemøde behind it.
    const other = servicesWithArchive();
    opened.push(other.services);
    await must(other.services, 'exchange.import', { content });
    const there = await must(other.services, 'meetings.get', { meetingId: f.nextTrio.id });
    expect(there.items.find((i) => i.id === sent.sentTo?.itemId)?.fromListening).toBeNull();
  });
});

describe('demoen', () => {
  it('viser en serie med et afholdt, sorteret møde og et planlagt, og fjernes igen', async () => {
    const { services, archive } = open();
    await must(services, 'demo.install', {});
    const [demo] = await must(services, 'listening.listSeries', {});
    expect(demo).toMatchObject({ meetingCount: 2, heldCount: 1, inputCount: 6, schools: ['Bøgely Skole (demo)', 'Kildeskolen (demo)'] });
    const detail = await must(services, 'listening.getSeries', { seriesId: demo?.id });
    const held = await must(services, 'listening.getMeeting', { meetingId: detail.meetings[0]?.id });
    expect(held.meeting.sortedCount).toBe(6);
    expect(held.inputs.some((i) => i.isQuote)).toBe(true);
    expect(detail.meetings[1]?.heldAt).toBeNull();
    const overview = await must(services, 'listening.overview', { seriesId: demo?.id });
    expect(overview.themes[0]).toMatchObject({ name: 'Arbejdstid', inputCount: 3 });
    // The demo TRIO is at the demo school, so it is offered first.
    const targets = await must(services, 'listening.sendTargets', { inputId: held.inputs[0]?.id });
    expect(targets[0]).toMatchObject({ school: 'Bøgely Skole (demo)', sameSchool: true, kind: 'trio' });

    await must(services, 'demo.remove', {});
    expect(await must(services, 'listening.listSeries', {})).toEqual([]);
    expect(archive.db.prepare('SELECT COUNT(*) AS n FROM listening_input').get()).toEqual({ n: 0 });
  });
});
